import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './oidc-claims.js';

describe('identityFromClaims', () => {
  it('takes the subject and the email claim, in lower case', () => {
    expect(identityFromClaims({ sub: 'abc', email: ' Owen.Hughes@Council.example ' })).toEqual({ subject: 'abc', email: 'owen.hughes@council.example' });
  });

  it('falls back to preferred_username, then upn, as Entra ID sends them', () => {
    expect(identityFromClaims({ sub: 'abc', preferred_username: 'ann@council.example' })?.email).toBe('ann@council.example');
    expect(identityFromClaims({ sub: 'abc', upn: 'bob@council.example' })?.email).toBe('bob@council.example');
    expect(identityFromClaims({ sub: 'abc', email: 'first@council.example', preferred_username: 'second@council.example' })?.email).toBe(
      'first@council.example',
    );
  });

  it('skips values that are not email addresses', () => {
    expect(identityFromClaims({ sub: 'abc', preferred_username: 'COUNCIL\\ann', upn: 'ann@council.example' })?.email).toBe('ann@council.example');
    expect(identityFromClaims({ sub: 'abc', email: 42, preferred_username: 'ann' })).toEqual({ subject: 'abc', email: undefined });
  });

  it('does not trust an email the provider says is unverified', () => {
    expect(identityFromClaims({ sub: 'abc', email: 'ann@council.example', email_verified: false })?.email).toBeUndefined();
    expect(identityFromClaims({ sub: 'abc', email: 'ann@council.example', email_verified: false, upn: 'ann@council.example' })?.email).toBe(
      'ann@council.example',
    );
    expect(identityFromClaims({ sub: 'abc', email: 'ann@council.example', email_verified: true })?.email).toBe('ann@council.example');
  });

  it('refuses claims without a subject', () => {
    expect(identityFromClaims({ email: 'ann@council.example' })).toBeUndefined();
    expect(identityFromClaims({ sub: '', email: 'ann@council.example' })).toBeUndefined();
    expect(identityFromClaims({ sub: 7 })).toBeUndefined();
  });
});
