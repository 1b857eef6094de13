import { createHash, randomBytes } from 'node:crypto';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** A new random token for an invitation link; only its hash is stored. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True for something that could be a token from newInvitationToken(): 43 base64url characters. */
export function isInvitationToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
