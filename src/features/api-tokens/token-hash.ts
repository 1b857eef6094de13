import { createHash, randomBytes } from 'node:crypto';

/** A new API token: "sv_" and 43 characters of 32 random bytes. Only its hash is ever stored. */
export function newToken(): string {
  return `sv_${randomBytes(32).toString('base64url')}`;
}

/** The SHA-256 of a token, as stored and looked up. A long random token needs no slow hash. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
