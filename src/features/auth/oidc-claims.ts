import { EMAIL } from '../../platform/forms.js';

/** Who the council's identity provider says signed in: its stable subject, and the email address it vouches for. */
export interface CouncilIdentity {
  subject: string;
  /** lower case; undefined when the provider sent no usable address */
  email: string | undefined;
}

function emailLike(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : undefined;
}

/**
 * Reads the identity from ID token (or userinfo) claims. Microsoft Entra ID does not always send `email`;
 * it sends the sign-in name as `preferred_username` (v2 tokens) or `upn` (v1 tokens), which for council
 * staff is their email address. An `email` the provider marks as unverified is not trusted.
 */
export function identityFromClaims(claims: Record<string, unknown>): CouncilIdentity | undefined {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  if (!subject) return undefined;
  const email = [claims.email_verified === false ? undefined : claims.email, claims.preferred_username, claims.upn].map(emailLike).find(Boolean);
  return { subject, email };
}
