import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, single-purpose tokens for links that work without signing in (an email's unsubscribe link, a link to one
 * report): `<payload>.<signature>`, both base64url. The payload names the purpose, the subject (what the token is for,
 * such as a subscription's id) and when it expires (or 0 for never); the signature is an HMAC-SHA256 of it with a key
 * derived from the service's secret, so no token is stored and none can be made or changed without the secret.
 */
export interface SignedLinkKey {
  sign(purpose: string, subject: string, expiresAt?: Date): string;
  verify(purpose: string, token: string, now?: Date): VerifiedLink;
}

/** Why a token is refused: not one of ours or changed; made for something else; or past its time. */
export type LinkRefusal = 'invalid' | 'other-purpose' | 'expired';

export type VerifiedLink = { ok: true; subject: string; expiresAt: Date | null } | { ok: false; reason: LinkRefusal };

const SEPARATOR = '\n';
const PART = /^[A-Za-z0-9_-]+$/;

/** The key for signed links, derived from the service's secret (SESSION_SECRET) and used for nothing else. */
export function signedLinkKey(secret: string): SignedLinkKey {
  const key = createHmac('sha256', secret).update('signed links').digest();
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(purpose, subject, expiresAt) {
      if (purpose.includes(SEPARATOR) || subject.includes(SEPARATOR)) throw new Error('a signed link cannot hold a line break');
      const expires = expiresAt ? Math.floor(expiresAt.getTime() / 1000) : 0;
      const payload = Buffer.from([purpose, subject, String(expires)].join(SEPARATOR)).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(purpose, token, now = new Date()) {
      const [payload, signature, extra] = token.split('.');
      if (extra !== undefined || !payload || !signature || !PART.test(payload) || !PART.test(signature)) return { ok: false, reason: 'invalid' };
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
      const [madeFor, subject, expires, ...rest] = Buffer.from(payload, 'base64url').toString('utf8').split(SEPARATOR);
      if (rest.length || subject === undefined || !/^\d+$/.test(expires ?? '')) return { ok: false, reason: 'invalid' };
      if (madeFor !== purpose) return { ok: false, reason: 'other-purpose' };
      const expiresAt = Number(expires) === 0 ? null : new Date(Number(expires) * 1000);
      if (expiresAt && expiresAt <= now) return { ok: false, reason: 'expired' };
      return { ok: true, subject, expiresAt };
    },
  };
}
