import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { contractImports, contracts, organisations } from '../../src/db/schema/index.js';
import type { Client, TestApp } from '../helpers/app.js';

/** A small register laid out as Salford's, with only the columns the import uses. */
export const HEADER = [
  'Contract Reference',
  'Contract Title',
  'Supplier Company Name',
  'Supplier Postcode',
  'Company Number',
  'SME Supplier?',
  'Total Contract Value (including extensions)',
  'Start Date',
  'Current Expiry Date',
];

/** The columns step filled in for HEADER (and for the Salford register, which has these columns and more). */
export const COLUMNS_FORM = {
  reference: 'Contract Reference',
  title: 'Contract Title',
  supplierName: 'Supplier Company Name',
  supplierPostcode: 'Supplier Postcode',
  companyNumber: 'Company Number',
  sme: 'SME Supplier?',
  value: 'Total Contract Value (including extensions)',
  startDate: 'Start Date',
  endDate: 'Current Expiry Date',
  description: '',
  directorate: '',
  valueIncludesVat: 'no',
};

/** A good row of HEADER: a new local supplier, £120,000 over two years. */
export function goodRow(reference: string, changes: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] {
  const row: Record<string, string> = {
    'Contract Reference': reference,
    'Contract Title': `Services under ${reference}`,
    'Supplier Company Name': 'Quorn Quality Cleaning Ltd',
    'Supplier Postcode': 'LE12 8AA',
    'Company Number': '',
    'SME Supplier?': 'Yes',
    'Total Contract Value (including extensions)': '£120,000.00',
    'Start Date': '01/04/2025',
    'Current Expiry Date': '31/03/2027',
    ...changes,
  };
  return HEADER.map((column) => row[column] ?? '');
}

export function csvOf(rows: string[][]): string {
  return stringify(rows, { record_delimiter: 'windows' });
}

export async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Contracts');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function upload(client: Client, name: string, content: string | Buffer): Promise<LightMyRequestResponse> {
  return client.upload('/contracts/import', {}, { field: 'file', name, type: 'application/octet-stream', content });
}

/** Uploads a file that must be accepted, and returns the upload's id. */
export async function uploadAccepted(client: Client, name: string, content: string | Buffer): Promise<string> {
  const response = await upload(client, name, content);
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
  const match = /^\/contracts\/import\/([0-9a-f-]{36})\/columns$/.exec(String(response.headers.location));
  expect(match).not.toBeNull();
  return match![1]!;
}

/** Uploads a file and chooses its columns; returns the upload's id and the check page. */
export async function uploadAndMap(client: Client, name: string, content: string | Buffer, form: Record<string, string> = COLUMNS_FORM) {
  const id = await uploadAccepted(client, name, content);
  const saved = await client.post(`/contracts/import/${id}/columns`, form);
  expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303);
  expect(saved.headers.location).toBe(`/contracts/import/${id}/check`);
  return { id, check: await client.get(`/contracts/import/${id}/check`) };
}

/** The column each select of the columns page has selected. */
export function selectedColumns(html: string): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const select of html.matchAll(/<select[^>]* name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected>/.exec(select[2]!);
    chosen[select[1]!] = selected ? decode(selected[1]!) : '';
  }
  return chosen;
}

function decode(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The problems table of a check page: row number, column and message. */
export function problemsListed(html: string): { row: number; column: string; message: string }[] {
  const table = /<table class="govuk-table" id="problems">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<td[^>]*>Row (\d+)<\/td>\s*<td[^>]*>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>/g)].map((m) => ({
    row: Number(m[1]),
    column: decode(m[2]!),
    message: decode(m[3]!),
  }));
}

/** How many contracts and organisations there are: what an import adds to. */
export async function counts(t: TestApp) {
  const { db } = t.services.database;
  const [c] = await db.select({ n: count() }).from(contracts);
  const [o] = await db.select({ n: count() }).from(organisations);
  return { contracts: c?.n ?? 0, organisations: o?.n ?? 0 };
}

export async function uploadCount(t: TestApp): Promise<number> {
  const [row] = await t.services.database.db.select({ n: count() }).from(contractImports);
  return row?.n ?? 0;
}
