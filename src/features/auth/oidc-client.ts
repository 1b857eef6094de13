import * as client from 'openid-client';
import type { Config } from '../../config.js';
import { identityFromClaims, type CouncilIdentity } from './oidc-claims.js';
import type { OidcFlow } from './oidc-flow.js';

export const OIDC_CALLBACK_PATH = '/sign-in/oidc/callback';
const SCOPE = 'openid email profile';
const TIMEOUT_SECONDS = 10;

/**
 * Why a council sign-in could not finish: the provider cannot be reached or failed ('unavailable'), the person
 * cancelled or the provider refused them ('cancelled'), or the answer did not pass the checks ('failed').
 */
export class CouncilSignInError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'cancelled' | 'failed',
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}

export interface CouncilIdentityProvider {
  /** Where to send the browser to sign in, bound to this attempt's state, nonce and PKCE challenge. */
  authorizationUrl(flow: OidcFlow): Promise<URL>;
  /** Checks the provider's answer against the attempt, exchanges the code, and reads who signed in. */
  identify(callbackUrl: URL, flow: OidcFlow): Promise<CouncilIdentity>;
}

/** Plain HTTP is allowed only for a provider on this machine, outside production (the test provider). */
export function allowsInsecureIssuer(issuer: string, env: Config['env']): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname) && env !== 'production';
}

function isNetworkFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof TypeError && current.message === 'fetch failed') return true; // refused, reset, DNS
    const { name, code } = current as { name?: unknown; code?: unknown };
    if (name === 'TimeoutError' || name === 'AbortError' || code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
      return true; // no answer in time, or an answer that was not OAuth (a 5xx page)
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function classify(error: unknown): CouncilSignInError {
  if (error instanceof client.AuthorizationResponseError) {
    return new CouncilSignInError(error.error === 'access_denied' ? 'cancelled' : 'failed', `the provider answered ${error.error}`, { cause: error });
  }
  if (isNetworkFailure(error)) return new CouncilSignInError('unavailable', 'the provider could not be reached', { cause: error });
  return new CouncilSignInError('failed', 'the provider answer did not pass its checks', { cause: error });
}

/**
 * The council's OpenID Connect provider (Microsoft Entra ID, or any certified provider). Its metadata is
 * discovered on first use and kept for the life of the process; a failed discovery is tried again next time.
 */
export function councilIdentityProvider(config: Config): CouncilIdentityProvider {
  const oidc = config.oidc;
  if (!oidc) throw new Error('council sign-in is not configured');
  const redirectUri = `${config.baseUrl}${OIDC_CALLBACK_PATH}`;
  const execute = allowsInsecureIssuer(oidc.issuer, config.env) ? [client.allowInsecureRequests] : [];
  let discovered: Promise<client.Configuration> | undefined;

  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(new URL(oidc!.issuer), oidc!.clientId, oidc!.clientSecret, undefined, { timeout: TIMEOUT_SECONDS, execute })
      .catch((error: unknown) => {
        discovered = undefined;
        throw new CouncilSignInError('unavailable', `discovery of ${oidc!.issuer} failed`, { cause: error });
      });
    return discovered;
  }

  return {
    async authorizationUrl(flow) {
      return client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: SCOPE,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: 'S256',
      });
    },

    async identify(callbackUrl, flow) {
      const server = await configuration();
      try {
        const tokens = await client.authorizationCodeGrant(server, callbackUrl, {
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          pkceCodeVerifier: flow.codeVerifier,
          idTokenExpected: true,
        });
        const claims: Record<string, unknown> = { ...tokens.claims() };
        const identity = identityFromClaims(claims);
        if (!identity) throw new CouncilSignInError('failed', 'the ID token has no subject');
        // Providers that keep the ID token small send the email address only from userinfo.
        if (identity.email || !server.serverMetadata().userinfo_endpoint) return identity;
        const userinfo = await client.fetchUserInfo(server, tokens.access_token, identity.subject);
        return identityFromClaims({ ...claims, ...userinfo, sub: identity.subject }) ?? identity;
      } catch (error) {
        throw error instanceof CouncilSignInError ? error : classify(error);
      }
    },
  };
}
