import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { doneKey, flashMessages, withDone } from './flash.js';

const request = (query: unknown, params: unknown = {}) => ({ query, params }) as FastifyRequest;

describe('flash messages', () => {
  const flash = flashMessages({ saved: 'Change saved', 'question-removed': 'Question removed' });

  it('shows the message the address names, and nothing for a missing, unknown or inherited key', () => {
    expect(flash.of(request({ done: 'saved' }))).toBe('Change saved');
    expect(flash.of(request({ done: 'question-removed' }))).toBe('Question removed');
    expect(flash.of(request({}))).toBeUndefined();
    expect(flash.of(request({ done: 'Your account is closed' }))).toBeUndefined();
    expect(flash.of(request({ done: 'toString' }))).toBeUndefined();
    expect(flash.of(request({ done: ['saved', 'saved'] }))).toBeUndefined();
  });

  it('puts the key in the query, before a fragment and after any query already there', () => {
    expect(flash.path('/tenders/1', 'saved')).toBe('/tenders/1?done=saved');
    expect(withDone('/reports/1#evidence', 'evidence')).toBe('/reports/1?done=evidence#evidence');
    expect(withDone('/reports/1?line=2', 'verified')).toBe('/reports/1?line=2&done=verified');
    expect(doneKey(request({ done: 'saved' }))).toBe('saved');
  });

  it('may hold functions that make the message from what the page shows', () => {
    const users = flashMessages({ invited: (email: string) => `Invitation sent to ${email}` });
    expect(users.of(request({ done: 'invited' }))?.('a@example.org')).toBe('Invitation sent to a@example.org');
  });
});
