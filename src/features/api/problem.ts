import type { FastifyReply } from 'fastify';

/** An RFC 9457 problem document: what every API error is sent as. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
}

export const problemSchema = {
  type: 'object',
  description: 'A problem document (RFC 9457), sent as application/problem+json',
  required: ['type', 'title', 'status'],
  properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } },
} as const;

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorised',
  403: 'Forbidden',
  404: 'Not found',
  429: 'Too many requests',
  500: 'Something went wrong',
};

export function problem(status: number, detail?: string): Problem {
  return { type: 'about:blank', title: titles[status] ?? 'Error', status, ...(detail ? { detail } : {}) };
}

export function sendProblem(reply: FastifyReply, status: number, detail?: string): FastifyReply {
  const body = problem(status, detail);
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="api"');
  return reply.code(status).type('application/problem+json; charset=utf-8').serializer(JSON.stringify).send(body);
}
