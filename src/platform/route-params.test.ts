import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { param, recordInPath, uuidParam } from './route-params.js';

const request = (query: unknown, params: unknown = {}) => ({ query, params }) as FastifyRequest;

describe('route parameters', () => {
  it('reads a path parameter as a string, and a UUID only when it is one', () => {
    const id = '0b7c1f5e-9d4a-4c4b-8e4f-3a2d1c0b9a88';
    expect(param(request({}, { id }), 'id')).toBe(id);
    expect(param(request({}, {}), 'id')).toBe('');
    expect(uuidParam(request({}, { id }), 'id')).toBe(id);
    expect(uuidParam(request({}, { id: 'not-a-uuid' }), 'id')).toBeNull();
  });

  it('finds the record a UUID names, and sends the 404 page for anything else without asking', async () => {
    const id = '0b7c1f5e-9d4a-4c4b-8e4f-3a2d1c0b9a88';
    let notFound = 0;
    const reply = { callNotFound: () => notFound++ } as unknown as FastifyReply;
    const asked: string[] = [];
    const find = async (key: string) => (asked.push(key), key === id ? { id } : undefined);
    expect(await recordInPath(request({}, { id }), reply, 'id', find)).toEqual({ id });
    expect(notFound).toBe(0);
    expect(await recordInPath(request({}, { id: '1; drop table x' }), reply, 'id', find)).toBeNull();
    expect(await recordInPath(request({}, { id: id.replace('0b', '1b') }), reply, 'id', find)).toBeNull();
    expect(notFound).toBe(2);
    expect(asked).toEqual([id, id.replace('0b', '1b')]);
  });
});
