import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

describe.each(databaseKinds)('Strict-Transport-Security on %s', (kind) => {
  let https: TestApp;
  let http: TestApp;
  beforeAll(async () => {
    https = await createTestApp(kind, { env: { BASE_URL: 'https://socialvalue.example.gov.uk' }, seed: false });
    http = await createTestApp(kind, { env: { BASE_URL: 'http://localhost:3000' }, seed: false });
  });
  afterAll(async () => {
    await https?.close();
    await http?.close();
  });

  it('tells browsers to use HTTPS for a year, subdomains included, when the service is on https', async () => {
    for (const url of ['/sign-in', '/no-such-page', '/health']) {
      const header = (await https.app.inject(url)).headers['strict-transport-security'];
      expect(header, url).toMatch(/^max-age=(\d+); includeSubDomains$/);
      expect(Number(/max-age=(\d+)/.exec(String(header))?.[1])).toBeGreaterThanOrEqual(31_536_000);
    }
  });

  it('sends no such header when the service is on plain http', async () => {
    expect((await http.app.inject('/sign-in')).headers['strict-transport-security']).toBeUndefined();
  });
});
