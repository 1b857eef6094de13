import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Services } from '../../src/services.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Mailer, MailMessage } from '../../src/platform/mail.js';
import { DEMO_PASSWORD } from '../../src/seed/demo.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  testDb: TestDatabase;
  /** messages handed to the mailer, when no real mailer was given */
  sent: MailMessage[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  mailer?: Mailer;
  seed?: boolean;
}

export const NO_LOAD_SHEDDING = { LOAD_SHED_DATABASE_QUEUE: '0', LOAD_SHED_EVENT_LOOP_DELAY_MS: '0' };

/** The whole app on a fresh database of the given kind, seeded with the demo data. */
export async function createTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await createTestDatabase(kind, { seeded: options.seed !== false });
  // Load shedding is off unless a test turns it on: a test must not be refused because the machine is busy.
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...NO_LOAD_SHEDDING, ...options.env });
  const sent: MailMessage[] = [];
  const mailer: Mailer = options.mailer ?? { send: async (message) => void sent.push(message) };
  const services: Services = { config, database: testDb.database, mailer };
  const app = await buildApp(services, { logger: false });
  await app.ready();
  return {
    app,
    services,
    testDb,
    sent,
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
}

export interface UploadFile {
  field: string;
  name: string;
  type: string;
  content: string | Buffer;
}

/**
 * A browser-like client for fastify.inject: keeps cookies, and the latest CSRF token seen on a page,
 * and adds that token to every form it posts.
 */
export class Client {
  private cookies = new Map<string, string>();
  csrfToken = '';

  /** `remoteAddress`: the address the requests come from (fastify.inject's default is 127.0.0.1) */
  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { remoteAddress?: string } = {},
  ) {}

  /** The Cookie header this client sends, for requests made another way (over a real connection). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.maxAge === 0 || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const match = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (match?.[1]) this.csrfToken = match[1];
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, ...this.options, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  /** Posts a form. Fields may repeat (arrays). The CSRF token is added unless the form gives one. */
  async post(url: string, form: Record<string, string | string[]> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    if (!this.csrfToken) await this.get('/sign-in');
    const params = new URLSearchParams();
    if (!('_csrf' in form)) params.append('_csrf', this.csrfToken);
    for (const [key, value] of Object.entries(form)) for (const v of ([] as string[]).concat(value)) params.append(key, v);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        ...this.options,
        payload: params.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
      }),
    );
  }

  /** Posts a multipart form with one file or several, as a browser's file upload does (the CSRF token first). */
  async upload(url: string, fields: Record<string, string>, file: UploadFile | UploadFile[]): Promise<LightMyRequestResponse> {
    if (!this.csrfToken) await this.get('/sign-in');
    const boundary = `----sv${Date.now()}`;
    const parts: Buffer[] = [];
    for (const [key, value] of Object.entries({ _csrf: this.csrfToken, ...fields })) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
    }
    for (const f of ([] as UploadFile[]).concat(file)) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
        Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        ...this.options,
        payload: Buffer.concat(parts),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: this.cookieHeader() },
      }),
    );
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    const response = await this.post('/sign-in', { email, password });
    if (response.statusCode !== 303) throw new Error(`sign-in as ${email} failed with ${response.statusCode}`);
    await this.get('/');
    return response;
  }
}

export async function signedInClient(app: FastifyInstance, email: string): Promise<Client> {
  const client = new Client(app);
  await client.signIn(email);
  return client;
}

export { DEMO_PASSWORD };
