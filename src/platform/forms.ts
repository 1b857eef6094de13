import type { z } from 'zod';

export interface FormErrors {
  /** field name -> message shown beside the field */
  errors: Record<string, string>;
  /** the error summary: same messages, linking to the fields, in form order */
  errorList: { text: string; href: string }[];
}

/** Builds the error summary and inline messages from [field, message] pairs; the first message per field wins. */
export function formErrors(pairs: [string, string][]): FormErrors {
  const errors: Record<string, string> = {};
  for (const [field, message] of pairs) if (!(field in errors)) errors[field] = message;
  return { errors, errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })) };
}

export function zodFormErrors(error: z.ZodError): FormErrors {
  return formErrors(error.issues.map((issue) => [String(issue.path[0] ?? 'form'), issue.message]));
}

/** A form field as a string, whatever the request sent (missing, repeated, an object): never throws. */
export function field(body: unknown, name: string): string {
  if (!body || typeof body !== 'object') return '';
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value && typeof (value as { value: unknown }).value === 'string') {
    return (value as { value: string }).value; // a multipart text field
  }
  return '';
}

/** Every value of a repeated field (checkboxes), as strings. */
export function fieldList(body: unknown, name: string): string[] {
  if (!body || typeof body !== 'object') return [];
  const value = (body as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (typeof v === 'string' ? v : field({ v }, 'v'))).filter((v) => v !== '');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A local path to return to after signing in; anything else (other sites, protocol-relative URLs) becomes "/". */
export function safeLocalPath(value: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A file of a multipart form, as @fastify/multipart attaches it to the body (buffered, within its size limit). */
export interface UploadedFile {
  filename: string;
  toBuffer(): Promise<Buffer>;
}

/** The file field `name` of a multipart form, or null when none was chosen (browsers send an empty part with no name). */
export function uploadedFile(body: unknown, name = 'file'): UploadedFile | null {
  const file = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (!file || typeof file !== 'object') return null;
  const { filename, toBuffer } = file as Partial<UploadedFile>;
  if (typeof filename !== 'string' || filename === '' || typeof toBuffer !== 'function') return null;
  return file as UploadedFile;
}
