import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organisations, users } from '../../src/db/schema/index.js';
import { decodeOidcFlow } from '../../src/features/auth/oidc-flow.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { TestBrowser, startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { unusedPort } from '../helpers/ports.js';

/** The app listening on a free port with BASE_URL set to it, configured for the provider that `provide` starts. */
async function listeningApp(
  kind: (typeof databaseKinds)[number],
  provide: (appUrl: string) => Promise<Record<string, string>>,
): Promise<{ t: TestApp; appUrl: string }> {
  const port = await unusedPort();
  const appUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp(kind, { env: { ...(await provide(appUrl)), BASE_URL: appUrl } });
  await t.app.listen({ host: '127.0.0.1', port });
  return { t, appUrl };
}

const callbackOf = (appUrl: string) => `${appUrl}/sign-in/oidc/callback`;

describe.each(databaseKinds)('council sign-in with OpenID Connect on %s', (kind) => {
  let t: TestApp;
  let appUrl: string;
  let provider: TestOidcProvider;

  beforeAll(async () => {
    ({ t, appUrl } = await listeningApp(kind, async (url) => {
      provider = await startOidcProvider({ redirectUri: callbackOf(url) });
      return provider.env;
    }));
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  const userByEmail = async (email: string) => (await t.services.database.db.select().from(users).where(eq(users.email, email)))[0]!;
  const events = (action: string) => t.services.database.db.select().from(auditEvents).where(eq(auditEvents.action, action));

  /** Signs in at the provider as `subject` in a new browser, and visits the app's callback. */
  async function signInAs(subject: string, next = '/') {
    const browser = new TestBrowser();
    const callback = await provider.authorize(browser, `${appUrl}/sign-in/oidc?next=${encodeURIComponent(next)}`, { subject });
    const landing = await browser.request(callback);
    return { browser, landing, callback };
  }

  it('offers council sign-in on the sign-in page', async () => {
    const response = await t.app.inject('/sign-in?next=%2Faudit');
    expect(response.body).toContain('Sign in with your council account');
    expect(response.body).toContain('href="/sign-in/oidc?next=%2Faudit"');
  });

  it('sends the browser to the provider with state, nonce and PKCE kept in a short-lived signed cookie', async () => {
    const response = await t.app.inject('/sign-in/oidc?next=%2Fframework%3Fversion%3D1');
    expect(response.statusCode).toBe(302);
    const location = new URL(response.headers.location as string);
    expect(location.origin).toBe(provider.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: provider.clientId,
      response_type: 'code',
      scope: 'openid email profile',
      redirect_uri: callbackOf(appUrl),
      code_challenge_method: 'S256',
    });
    const cookie = response.cookies.find((c) => c.name === 'sv_oidc')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/sign-in/oidc', maxAge: 600 });
    const unsigned = t.app.unsignCookie(cookie.value);
    expect(unsigned.valid).toBe(true);
    const flow = decodeOidcFlow(unsigned.value!)!;
    expect(flow).toMatchObject({ state: location.searchParams.get('state'), nonce: location.searchParams.get('nonce'), next: '/framework?version=1' });
    expect(location.searchParams.get('code_challenge')).not.toContain(flow.codeVerifier);
  });

  it('never keeps a return address on another site', async () => {
    const response = await t.app.inject('/sign-in/oidc?next=%2F%2Fevil.example%2F');
    const flow = decodeOidcFlow(t.app.unsignCookie(response.cookies.find((c) => c.name === 'sv_oidc')!.value).value!);
    expect(flow?.next).toBe('/');
  });

  it('sends someone already signed in straight on', async () => {
    const client = await signedInClient(t.app, 'viewer@council.example');
    const response = await client.get('/sign-in/oidc?next=%2Fframework');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/framework');
    expect(response.cookies.find((c) => c.name === 'sv_oidc')).toBeUndefined();
  });

  it('signs a council officer in, links their council identity, and returns them where they were going', async () => {
    provider.accounts.set('entra-officer', { claims: { email: 'Officer@Council.example', email_verified: true, name: 'Owen Hughes' } });
    const { browser, landing } = await signInAs('entra-officer', '/framework?version=1');
    expect(landing.status).toBe(303);
    expect(landing.location).toBe(`${appUrl}/framework?version=1`);
    expect(landing.setCookies).toEqual(expect.arrayContaining(['sv_session', 'sv_oidc']));
    expect(browser.cookie(appUrl, 'sv_oidc')).toBeUndefined();
    const home = await browser.request(`${appUrl}/`);
    expect(home.body).toContain('Signed in as <strong>Owen Hughes</strong>');
    const officer = await userByEmail('officer@council.example');
    expect(officer.oidcSubject).toBe('entra-officer');
    expect(officer.lastSignInAt).not.toBeNull();
    expect((await events('Linked council account')).map((e) => [e.actorLabel, e.entityId])).toContainEqual(['officer@council.example', officer.id]);
    expect((await events('Signed in with council account')).some((e) => e.actorId === officer.id)).toBe(true);
  });

  it('finds a linked officer by their subject even after their email address changed at the provider', async () => {
    provider.accounts.set('entra-officer', { claims: { email: 'owen.hughes@leicestershire.example', name: 'Owen Hughes' } });
    const { browser, landing } = await signInAs('entra-officer');
    expect(landing.status).toBe(303);
    expect((await browser.request(`${appUrl}/`)).body).toContain('Signed in as <strong>Owen Hughes</strong>');
    expect((await userByEmail('officer@council.example')).oidcSubject).toBe('entra-officer');
    const links = await events('Linked council account');
    expect(links.filter((e) => e.actorLabel === 'officer@council.example')).toHaveLength(1);
  });

  it('reads the address from preferred_username when Entra ID sends no email claim', async () => {
    provider.accounts.set('entra-manager', { claims: { preferred_username: 'Manager@Council.example', name: 'Mo Rahman' } });
    const { browser, landing } = await signInAs('entra-manager');
    expect(landing.status).toBe(303);
    expect((await browser.request(`${appUrl}/`)).body).toContain('Signed in as <strong>Mo Rahman</strong>');
    expect((await userByEmail('manager@council.example')).oidcSubject).toBe('entra-manager');
  });

  it('asks the userinfo endpoint for the address when the ID token carries only the subject', async () => {
    provider.accounts.set('entra-admin', { claims: { email: 'admin@council.example' }, claimsOnlyFromUserinfo: true });
    const { browser, landing } = await signInAs('entra-admin');
    expect(landing.status).toBe(303);
    expect((await browser.request(`${appUrl}/`)).body).toContain('Signed in as <strong>Asha Patel</strong>');
  });

  it('refuses the supplier even though the provider vouches for their email address', async () => {
    provider.accounts.set('entra-supplier', { claims: { email: 'supplier@supplier.example', email_verified: true } });
    const { browser, landing } = await signInAs('entra-supplier');
    expect(landing.status).toBe(403);
    expect(landing.body).toContain('You cannot sign in with a council account');
    expect(landing.body).toContain('sign in with your email and password');
    expect(landing.setCookies).not.toContain('sv_session');
    expect((await browser.request(`${appUrl}/`)).body).not.toContain('Signed in as');
    expect((await userByEmail('supplier@supplier.example')).oidcSubject).toBeNull();
    expect((await events('Council sign-in refused: not active council staff')).map((e) => e.actorLabel)).toContain('supplier@supplier.example');
  });

  it('refuses a council officer whose account has been deactivated', async () => {
    await t.services.database.db.update(users).set({ active: false }).where(eq(users.email, 'viewer@council.example'));
    provider.accounts.set('entra-viewer', { claims: { email: 'viewer@council.example' } });
    const { landing } = await signInAs('entra-viewer');
    expect(landing.status).toBe(403);
    expect(landing.body).toContain('You cannot sign in with a council account');
    expect(landing.setCookies).not.toContain('sv_session');
    expect((await userByEmail('viewer@council.example')).oidcSubject).toBeNull();
  });

  it('refuses an address with no account, says so, and records it', async () => {
    provider.accounts.set('entra-new-starter', { claims: { email: 'new.starter@council.example' } });
    const { landing } = await signInAs('entra-new-starter');
    expect(landing.status).toBe(403);
    expect(landing.body).toContain('There is no account for new.starter@council.example in this service. Ask your service administrator to invite you.');
    expect(landing.setCookies).not.toContain('sv_session');
    const refused = await events('Council sign-in refused: no account');
    expect(refused.map((e) => [e.actorLabel, e.after])).toContainEqual([
      'new.starter@council.example',
      { subject: 'entra-new-starter', email: 'new.starter@council.example' },
    ]);
  });

  it('refuses an account already linked to a different council identity, and keeps the link', async () => {
    const { db } = t.services.database;
    await db.update(users).set({ oidcSubject: 'entra-evaluator-before' }).where(eq(users.email, 'evaluator@council.example'));
    provider.accounts.set('entra-evaluator-after', { claims: { email: 'evaluator@council.example' } });
    const { landing } = await signInAs('entra-evaluator-after');
    expect(landing.status).toBe(403);
    expect(landing.body).toContain('Your account in this service is linked to a different council account');
    expect((await userByEmail('evaluator@council.example')).oidcSubject).toBe('entra-evaluator-before');
  });

  it('refuses a tampered state, and the spent attempt cannot be used afterwards', async () => {
    provider.accounts.set('entra-officer', { claims: { email: 'officer@council.example' } });
    const browser = new TestBrowser();
    const callback = await provider.authorize(browser, `${appUrl}/sign-in/oidc`, { subject: 'entra-officer' });
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const refused = await browser.request(tampered.href);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Sign-in with your council account did not work');
    expect(refused.setCookies).not.toContain('sv_session');
    const again = await browser.request(callback);
    expect(again.status).toBe(400);
    expect(again.setCookies).not.toContain('sv_session');
    expect((await browser.request(`${appUrl}/`)).body).not.toContain('Signed in as');
  });

  it('refuses a replayed code, even with the attempt cookie copied', async () => {
    provider.accounts.set('entra-officer', { claims: { email: 'officer@council.example' } });
    const browser = new TestBrowser();
    const callback = await provider.authorize(browser, `${appUrl}/sign-in/oidc`, { subject: 'entra-officer' });
    const attempt = browser.cookie(appUrl, 'sv_oidc')!;
    expect((await browser.request(callback)).status).toBe(303);
    const attacker = new TestBrowser();
    attacker.setCookie(appUrl, { name: 'sv_oidc', value: attempt, path: '/sign-in/oidc' });
    const replayed = await attacker.request(callback);
    expect(replayed.status).toBe(400);
    expect(replayed.body).toContain('Sign-in with your council account did not work');
    expect(replayed.setCookies).not.toContain('sv_session');
  });

  it('shows a clear page when the person cancels at the provider', async () => {
    const browser = new TestBrowser();
    const callback = await provider.authorize(browser, `${appUrl}/sign-in/oidc?next=%2Faudit`, 'cancel');
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const landing = await browser.request(callback);
    expect(landing.status).toBe(403);
    expect(landing.body).toContain('You did not finish signing in');
    expect(landing.body).toContain('href="/sign-in?next=%2Faudit"');
    expect(landing.setCookies).not.toContain('sv_session');
  });

  it('refuses an answer that belongs to no sign-in attempt', async () => {
    const response = await t.app.inject('/sign-in/oidc/callback?code=made-up&state=made-up');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Sign-in with your council account did not work');
  });

  it('refuses an attempt cookie whose signature does not match', async () => {
    const browser = new TestBrowser();
    const callback = await provider.authorize(browser, `${appUrl}/sign-in/oidc`, { subject: 'entra-officer' });
    const [payload] = browser.cookie(appUrl, 'sv_oidc')!.split('.');
    browser.setCookie(appUrl, { name: 'sv_oidc', value: `${payload}.forged-signature`, path: '/sign-in/oidc' });
    const landing = await browser.request(callback);
    expect(landing.status).toBe(400);
    expect(landing.setCookies).not.toContain('sv_session');
  });

  it('refuses council staff roles held by someone outside the council', async () => {
    const { db } = t.services.database;
    const [partner] = await db.select().from(organisations).where(eq(organisations.kind, 'partner'));
    await db.insert(users).values({ email: 'analyst@nhs.example', name: 'Nia Adeyemi', roles: ['viewer'], organisationId: partner!.id });
    provider.accounts.set('entra-partner-analyst', { claims: { email: 'analyst@nhs.example' } });
    const { landing } = await signInAs('entra-partner-analyst');
    expect(landing.status).toBe(403);
    expect(landing.body).toContain('You cannot sign in with a council account');
    expect((await userByEmail('analyst@nhs.example')).oidcSubject).toBeNull();
  });
});

describe.each(databaseKinds)('council sign-in when the provider is unavailable on %s', (kind) => {
  let t: TestApp;
  let appUrl: string;
  let providerPort: number;
  let provider: TestOidcProvider | undefined;

  beforeAll(async () => {
    providerPort = await unusedPort();
    ({ t, appUrl } = await listeningApp(kind, async () => ({
      OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
      OIDC_CLIENT_ID: 'social-value-test',
      OIDC_CLIENT_SECRET: 'secret-of-the-provider-that-is-not-there-yet',
    })));
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  it('says council sign-in is unavailable and offers email and password instead', async () => {
    const response = await t.app.inject('/sign-in/oidc?next=%2Faudit');
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('Council sign-in is not available at the moment');
    expect(response.body).toContain('sign in with your email and password');
    expect(response.body).toContain('href="/sign-in?next=%2Faudit"');
    expect(response.cookies.find((c) => c.name === 'sv_oidc')).toBeUndefined();
  });

  it('tries discovery again once the provider is back', async () => {
    provider = await startOidcProvider({ redirectUri: callbackOf(appUrl), port: providerPort, clientSecret: 'secret-of-the-provider-that-is-not-there-yet' });
    provider.accounts.set('entra-officer', { claims: { email: 'officer@council.example' } });
    const response = await t.app.inject('/sign-in/oidc');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toContain(`http://127.0.0.1:${providerPort}/`);
  });

  it('shows the unavailable page, not an error, when the provider goes away during sign-in', async () => {
    const browser = new TestBrowser();
    const callback = await provider!.authorize(browser, `${appUrl}/sign-in/oidc`, { subject: 'entra-officer' });
    await provider!.close();
    provider = undefined;
    const landing = await browser.request(callback);
    expect(landing.status).toBe(503);
    expect(landing.body).toContain('Council sign-in is not available at the moment');
    expect(landing.setCookies).not.toContain('sv_session');
  });
});

describe.each(databaseKinds)('council sign-in when not configured on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('offers only email and password sign-in', async () => {
    const page = await t.app.inject('/sign-in');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/sign-in/oidc');
    expect(page.body).not.toContain('council account');
    expect((await t.app.inject('/sign-in/oidc')).statusCode).toBe(404);
    expect((await t.app.inject('/sign-in/oidc/callback?code=x&state=y')).statusCode).toBe(404);
  });
});
