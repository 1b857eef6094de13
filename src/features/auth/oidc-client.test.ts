import { describe, expect, it } from 'vitest';
import { allowsInsecureIssuer } from './oidc-client.js';

describe('allowsInsecureIssuer', () => {
  it('allows plain HTTP only for a provider on this machine outside production', () => {
    expect(allowsInsecureIssuer('http://127.0.0.1:4000', 'test')).toBe(true);
    expect(allowsInsecureIssuer('http://localhost:4000/tenant', 'development')).toBe(true);
    expect(allowsInsecureIssuer('http://127.0.0.1:4000', 'production')).toBe(false);
    expect(allowsInsecureIssuer('http://login.council.example', 'test')).toBe(false);
    expect(allowsInsecureIssuer('http://127.0.0.1.evil.example', 'test')).toBe(false);
    expect(allowsInsecureIssuer('https://login.microsoftonline.com/tenant/v2.0', 'test')).toBe(false);
  });
});
