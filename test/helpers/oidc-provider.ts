import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The claims a test account has at the provider; change them between sign-ins to mimic changes at the council. */
export interface TestAccount {
  claims: Record<string, unknown>;
  /** Send only `sub` in the ID token, so the email address must come from the userinfo endpoint. */
  claimsOnlyFromUserinfo?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET for createTestApp */
  env: Record<string, string>;
  /** subject -> account */
  accounts: Map<string, TestAccount>;
  /**
   * Follows a sign-in from `startUrl` (the app's /sign-in/oidc) through the provider as the person with that
   * subject would, or cancels it at the provider, and returns the URL the provider sends the browser back to
   * (not yet visited, so a test can tamper with it).
   */
  authorize(browser: TestBrowser, startUrl: string, as: { subject: string } | 'cancel'): Promise<string>;
  close(): Promise<void>;
}

export interface BrowserResponse {
  status: number;
  /** the Location header, resolved against the request URL */
  location: string | undefined;
  body: string;
  /** names of the cookies this response set */
  setCookies: string[];
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/** A browser for tests across real servers: fetch without following redirects, and a cookie jar per host. */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, StoredCookie>>();

  /** The value of a cookie this browser holds for the host of `url`. */
  cookie(url: string, name: string): string | undefined {
    return [...(this.jar.get(new URL(url).host)?.values() ?? [])].find((c) => c.name === name)?.value;
  }

  setCookie(url: string, cookie: StoredCookie): void {
    const host = new URL(url).host;
    const cookies = this.jar.get(host) ?? new Map<string, StoredCookie>();
    cookies.set(`${cookie.name};${cookie.path}`, cookie);
    this.jar.set(host, cookies);
  }

  async request(url: string, form?: Record<string, string>): Promise<BrowserResponse> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.host)?.values() ?? [])].filter(
      (c) => target.pathname === c.path || target.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
    );
    const headers: Record<string, string> = { accept: 'text/html' };
    if (cookies.length) headers.cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form ? new URLSearchParams(form).toString() : null, redirect: 'manual' });
    const setCookies = response.headers.getSetCookie().map((header) => this.remember(target, header));
    const location = response.headers.get('location');
    return { status: response.status, location: location ? new URL(location, url).href : undefined, body: await response.text(), setCookies };
  }

  private remember(from: URL, header: string): string {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attribute('path') ?? '/';
    const expires = attribute('expires');
    const expired = value === '' || attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (expired) this.jar.get(from.host)?.delete(`${name};${path}`);
    else this.setCookie(from.href, { name, value, path });
    return name;
  }
}

async function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const INTERACTION = /^\/interaction\/([\w-]+)$/;

/**
 * A real OpenID Connect provider (panva's oidc-provider) on 127.0.0.1 (a free port unless one is given), over plain HTTP, with one
 * confidential client whose only redirect URI is `redirectUri`. Like Entra ID it puts the scope's claims in the
 * ID token and requires PKCE. Its sign-in page is a one-field form: post `login=<subject>` to sign in and
 * consent in one step, or `cancel=1` to refuse.
 */
export async function startOidcProvider(options: { redirectUri: string; port?: number; clientSecret?: string }): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'social-value-test';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  const accounts = new Map<string, TestAccount>();
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username', 'upn'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    jwks: { keys: [signingKey] },
    findAccount: (_ctx: unknown, subject: string) => {
      const account = accounts.get(subject);
      if (!account) return undefined;
      return {
        accountId: subject,
        claims: (use: string) => (use === 'id_token' && account.claimsOnlyFromUserinfo ? { sub: subject } : { ...account.claims, sub: subject }),
      };
    },
  });
  const handle = provider.callback();

  async function interaction(request: http.IncomingMessage, response: http.ServerResponse, uid: string): Promise<void> {
    if (request.method !== 'POST') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<form method="post" action="/interaction/${uid}"><label>Subject <input name="login"></label><button>Sign in</button></form>`);
      return;
    }
    const form = await readForm(request);
    if (form.get('cancel')) {
      await provider.interactionFinished(
        request,
        response,
        { error: 'access_denied', error_description: 'The person cancelled sign-in' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const accountId = form.get('login') ?? '';
    const { params } = await provider.interactionDetails(request, response);
    const grant = new provider.Grant({ accountId, clientId: String(params.client_id) });
    grant.addOIDCScope(String(params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(request, response, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const uid = INTERACTION.exec(new URL(request.url ?? '/', issuer).pathname)?.[1];
    if (!uid) return handle(request, response);
    interaction(request, response, uid).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`test provider interaction failed: ${String(error)}`);
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret },
    accounts,
    async authorize(browser, startUrl, as) {
      let response = await browser.request(startUrl);
      for (let step = 0; step < 10; step++) {
        const here: string | undefined = response.location;
        if (response.status < 300 || response.status >= 400 || !here) {
          throw new Error(`the sign-in stopped with ${response.status}: ${response.body.slice(0, 300)}`);
        }
        if (here.startsWith(options.redirectUri)) return here;
        if (INTERACTION.test(new URL(here).pathname)) {
          await browser.request(here); // the sign-in page, as a person would see it
          response = await browser.request(here, as === 'cancel' ? { cancel: '1' } : { login: as.subject });
        } else {
          response = await browser.request(here);
        }
      }
      throw new Error('the sign-in went round in circles');
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
