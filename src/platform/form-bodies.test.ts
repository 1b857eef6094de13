import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { formBodies } from './form-bodies.js';

const boundary = 'b0undary';
const multipart = (file: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ntoken\r\n` +
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n${file}\r\n--${boundary}--\r\n`;
const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };

async function appWithUploads() {
  const app = Fastify();
  await app.register(formBodies);
  app.post('/whole', async (request) => {
    const body = request.body as Record<string, { value?: string; toBuffer?: () => Promise<Buffer> }>;
    return { csrf: body._csrf?.value, file: (await body.file!.toBuffer!()).toString() };
  });
  app.post('/streamed', { config: { streamsFiles: true } }, async (request) => {
    const seen = request.body === undefined;
    const names: string[] = [];
    for await (const part of request.parts()) {
      names.push(part.fieldname);
      if (part.type === 'file') await part.toBuffer();
    }
    return { bodyUntouched: seen, names };
  });
  app.post('/form', async (request) => request.body);
  return app;
}

describe('formBodies', () => {
  it('reads a urlencoded form', async () => {
    const app = await appWithUploads();
    const response = await app.inject({ method: 'POST', url: '/form', payload: 'a=1&b=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.json()).toEqual({ a: '1', b: '2' });
  });

  it('reads a multipart form whole into the body, file included', async () => {
    const app = await appWithUploads();
    expect((await app.inject({ method: 'POST', url: '/whole', payload: multipart('hello'), headers })).json()).toEqual({ csrf: 'token', file: 'hello' });
  });

  it('leaves the parts of a route that streams its files for the route to read', async () => {
    const app = await appWithUploads();
    expect((await app.inject({ method: 'POST', url: '/streamed', payload: multipart('hello'), headers })).json()).toEqual({
      bodyUntouched: true,
      names: ['_csrf', 'file'],
    });
  });

  it('answers 400 to a multipart form it cannot read, and 413 to a file over the limit', async () => {
    const app = await appWithUploads();
    const broken = await app.inject({
      method: 'POST',
      url: '/whole',
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\nunfinished`,
      headers,
    });
    expect(broken.statusCode).toBe(400);
    const big = await app.inject({ method: 'POST', url: '/whole', payload: multipart('x'.repeat(5 * 1024 * 1024 + 1)), headers });
    expect(big.statusCode).toBe(413);
  });
});
