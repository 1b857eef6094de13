import { describe, expect, it } from 'vitest';
import { OIDC_FLOW_MINUTES, decodeOidcFlow, encodeOidcFlow, newOidcFlow } from './oidc-flow.js';

describe('OpenID sign-in flow cookie', () => {
  const now = Date.UTC(2026, 10, 22, 9, 0);

  it('creates fresh random checks for every attempt, valid for ten minutes', () => {
    const a = newOidcFlow('/thresholds', now);
    const b = newOidcFlow('/thresholds', now);
    expect(a.state).not.toBe(b.state);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    expect(a.codeVerifier.length).toBeGreaterThanOrEqual(43);
    expect(a.expiresAt).toBe(now + OIDC_FLOW_MINUTES * 60_000);
  });

  it('reads back what it wrote until it expires', () => {
    const flow = newOidcFlow('/framework?tab=measures', now);
    const value = encodeOidcFlow(flow);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOidcFlow(value, now + 60_000)).toEqual(flow);
    expect(decodeOidcFlow(value, flow.expiresAt)).toBeUndefined();
  });

  it('rejects malformed values', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeOidcFlow('not base64 json', now)).toBeUndefined();
    expect(decodeOidcFlow(encode(null), now)).toBeUndefined();
    expect(decodeOidcFlow(encode('text'), now)).toBeUndefined();
    expect(decodeOidcFlow(encode({ state: 's', nonce: 'n', codeVerifier: 'v', next: '/', expiresAt: 'later' }), now)).toBeUndefined();
    expect(decodeOidcFlow(encode({ state: '', nonce: 'n', codeVerifier: 'v', next: '/', expiresAt: now + 1 }), now)).toBeUndefined();
    expect(decodeOidcFlow(encode({ nonce: 'n', codeVerifier: 'v', next: '/', expiresAt: now + 1 }), now)).toBeUndefined();
  });
});
