import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { formBodies } from './form-bodies.js';
import { nulBytes, withoutNul } from './nul-bytes.js';

async function echoApp() {
  const app = Fastify();
  await app.register(formBodies);
  await app.register(nulBytes);
  app.post('/echo/:id', async (request) => ({ query: request.query, params: request.params, body: request.body }));
  return app;
}

describe('nulBytes', () => {
  it('takes NUL out of the query, the path parameters and a urlencoded form, repeated fields included', async () => {
    const app = await echoApp();
    const response = await app.inject({
      method: 'POST',
      url: '/echo/ab%00c?q=x%00y',
      payload: 'title=Home%00care&district=Melton%00&district=Blaby',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.json()).toEqual({ query: { q: 'xy' }, params: { id: 'abc' }, body: { title: 'Homecare', district: ['Melton', 'Blaby'] } });
  });

  it('takes NUL out of JSON at any depth', async () => {
    const app = await echoApp();
    const response = await app.inject({ method: 'POST', url: '/echo/1', payload: { a: 'x\u0000', b: [{ c: '\u0000y' }], n: 3 } });
    expect(response.json().body).toEqual({ a: 'x', b: [{ c: 'y' }], n: 3 });
  });

  it('takes NUL out of multipart text fields and file names, leaving the file alone', async () => {
    const app = Fastify();
    await app.register(formBodies);
    await app.register(nulBytes);
    app.post('/upload', async (request) => {
      const body = request.body as Record<string, { value?: string; filename?: string; toBuffer?: () => Promise<Buffer> }>;
      return { title: body.title?.value, filename: body.file?.filename, content: (await body.file!.toBuffer!()).toString('latin1') };
    });
    const boundary = 'b0undary';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nAnnual\u0000 report\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="re\u0000port.txt"\r\nContent-Type: text/plain\r\n\r\nbytes\u0000kept\r\n--${boundary}--\r\n`;
    const response = await app.inject({ method: 'POST', url: '/upload', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(response.json()).toEqual({ title: 'Annual report', filename: 'report.txt', content: 'bytes\u0000kept' });
  });

  it('leaves objects that are not plain data alone', () => {
    const date = new Date(0);
    const buffer = Buffer.from('a\u0000b');
    expect(withoutNul({ date, buffer })).toEqual({ date, buffer });
    expect(buffer.toString()).toBe('a\u0000b');
  });
});
