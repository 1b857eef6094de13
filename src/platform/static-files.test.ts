import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { accessControl } from './access.js';
import { staticFiles } from './static-files.js';

describe('staticFiles', () => {
  it('serves /assets/ to anyone (its routes count as public) and answers 404 for a file that is not there', async () => {
    const app = Fastify();
    app.decorateRequest('user', null);
    await app.register(accessControl);
    await app.register(staticFiles);
    await app.ready();
    expect((await app.inject('/assets/no-such-file.css')).statusCode).toBe(404);
  });
});
