import { describe, expect, it } from 'vitest';
import { readTokenForm } from './token-form.js';

describe('the new API token form', () => {
  it('accepts a name and a scope', () => {
    expect(readTokenForm({ name: ' Open data portal ', scope: 'public' })).toEqual({ ok: true, name: 'Open data portal', scope: 'public' });
  });
  it('names each missing or bad field and keeps what was typed', () => {
    const form = readTokenForm({ name: '', scope: 'everything' });
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(form.values).toEqual({ name: '', scope: 'everything' });
    expect(form.problems.map(([f]) => f)).toEqual(['name', 'scope']);
    expect(readTokenForm({ name: 'x'.repeat(101), scope: 'staff' })).toMatchObject({ ok: false, problems: [['name', 'Name must be 100 characters or fewer']] });
  });
});
