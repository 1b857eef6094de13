import { describe, expect, it } from 'vitest';
import { signedLinkKey } from './signed-links.js';

const key = signedLinkKey('a-test-secret-that-is-at-least-32-characters');
const subject = '6f1c2b1e-2f4b-4a8e-9f4a-1b2c3d4e5f60';

describe('signed links', () => {
  it('gives back the subject of a token made for the same purpose', () => {
    const token = key.sign('unsubscribe', subject);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(key.verify('unsubscribe', token)).toEqual({ ok: true, subject, expiresAt: null });
  });

  it('refuses a token made for another purpose', () => {
    const token = key.sign('report-link', subject, new Date('2030-01-01T00:00:00Z'));
    expect(key.verify('unsubscribe', token)).toEqual({ ok: false, reason: 'other-purpose' });
  });

  it('refuses a token whose payload or signature was changed, or that was signed with another secret', () => {
    const token = key.sign('unsubscribe', subject);
    const [payload, signature] = token.split('.') as [string, string];
    const otherSubject = Buffer.from(`unsubscribe\n${subject.replace('6f', '70')}\n0`).toString('base64url');
    expect(key.verify('unsubscribe', `${otherSubject}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    const flipped = (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1);
    expect(key.verify('unsubscribe', `${payload}.${flipped}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(key.verify('unsubscribe', signedLinkKey('another-secret-that-is-at-least-32-chars').sign('unsubscribe', subject))).toEqual({
      ok: false,
      reason: 'invalid',
    });
    for (const junk of ['', '.', 'abc', `${payload}.`, `${token}.x`, 'a b.c', `${payload}.${signature.slice(1)}`]) {
      expect(key.verify('unsubscribe', junk)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses a token once it has expired', () => {
    const expiresAt = new Date('2026-11-22T12:00:00Z');
    const token = key.sign('report-link', subject, expiresAt);
    expect(key.verify('report-link', token, new Date('2026-11-22T11:59:59Z'))).toEqual({ ok: true, subject, expiresAt });
    expect(key.verify('report-link', token, new Date('2026-11-22T12:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });
});
