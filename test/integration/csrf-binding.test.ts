import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

/** The cookies a client sends, by name. */
function cookiesOf(client: Client): Map<string, string> {
  return new Map(
    client
      .cookieHeader()
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as [string, string]),
  );
}

describe.each(databaseKinds)('CSRF tokens bound to the session on %s', (kind) => {
  let t: TestApp;
  let victim: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    victim = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  /** Signs the victim out with their session cookie, but another browser's CSRF cookie and token. */
  function forgedSignOut(other: Client) {
    const theirs = cookiesOf(other);
    const cookies = new Map(cookiesOf(victim));
    for (const [name, value] of theirs) if (name !== 'sv_session') cookies.set(name, value);
    return t.app.inject({
      method: 'POST',
      url: '/sign-out',
      payload: new URLSearchParams({ _csrf: other.csrfToken }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
  }

  /** Posts a multipart upload (the contract import) with the victim's session and the given browser's CSRF cookie and token. */
  function uploadWith(other: Client) {
    const cookies = new Map(cookiesOf(victim));
    for (const [name, value] of cookiesOf(other)) if (name !== 'sv_session') cookies.set(name, value);
    const boundary = 'b0undary';
    return t.app.inject({
      method: 'POST',
      url: '/contracts/import',
      payload:
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${other.csrfToken}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\nReference\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
  }

  it('refuses a multipart upload with another browser’s token pair, and takes the victim’s own', async () => {
    const attacker = new Client(t.app);
    await attacker.get('/sign-in');
    expect((await uploadWith(attacker)).statusCode).toBe(403);
    await victim.get('/contracts/import');
    expect((await uploadWith(victim)).statusCode).not.toBe(403);
  });

  it('refuses a token pair from an anonymous visitor sent with the victim’s session', async () => {
    const attacker = new Client(t.app);
    await attacker.get('/sign-in');
    expect(attacker.csrfToken).not.toBe('');
    const response = await forgedSignOut(attacker);
    expect(response.statusCode).toBe(403);
    expect((await victim.get('/')).body).toContain('Signed in as');
  });

  it('refuses a token pair from another signed-in session sent with the victim’s session', async () => {
    const attacker = await signedInClient(t.app, 'viewer@council.example');
    const response = await forgedSignOut(attacker);
    expect(response.statusCode).toBe(403);
    expect((await victim.get('/')).body).toContain('Signed in as');
  });

  it('refuses the victim’s own old token once they have signed in again', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const anonymousToken = client.csrfToken;
    await client.signIn('viewer@council.example');
    const response = await client.post('/sign-out', { _csrf: anonymousToken });
    expect(response.statusCode).toBe(403);
  });

  it('accepts the forms of the session itself: sign-in, a form, and signing out', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    await client.signIn('admin@council.example');
    const out = await client.post('/sign-out');
    expect(out.statusCode).toBe(303);
    expect((await client.get('/admin/users')).statusCode).toBe(302);
  });
});
