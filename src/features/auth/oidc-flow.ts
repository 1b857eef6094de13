import * as client from 'openid-client';

/** The cookie that carries one sign-in attempt from the redirect to the provider until the browser comes back. */
export const OIDC_FLOW_COOKIE = 'sv_oidc';
export const OIDC_FLOW_PATH = '/sign-in/oidc';
export const OIDC_FLOW_MINUTES = 10;

/** What the callback must check the provider's answer against, and where to go afterwards. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** a local path (safeLocalPath) */
  next: string;
  /** milliseconds since the epoch */
  expiresAt: number;
}

export function newOidcFlow(next: string, now = Date.now()): OidcFlow {
  return {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    next,
    expiresAt: now + OIDC_FLOW_MINUTES * 60_000,
  };
}

export function encodeOidcFlow(flow: OidcFlow): string {
  return Buffer.from(JSON.stringify(flow)).toString('base64url');
}

/** The flow in a cookie value (already checked for its signature), or undefined when it is malformed or has expired. */
export function decodeOidcFlow(value: string, now = Date.now()): OidcFlow | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const flow = parsed as Record<string, unknown>;
  const strings = ['state', 'nonce', 'codeVerifier', 'next'].every((key) => typeof flow[key] === 'string' && flow[key] !== '');
  if (!strings || typeof flow.expiresAt !== 'number' || flow.expiresAt <= now) return undefined;
  return flow as unknown as OidcFlow;
}
