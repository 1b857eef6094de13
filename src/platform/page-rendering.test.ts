import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { pageRendering } from './page-rendering.js';

describe('pageRendering', () => {
  it('renders a template in the layout, as HTML', async () => {
    const app = Fastify({});
    app.decorateRequest('user', null);
    await app.register(pageRendering);
    app.get('/missing', async (_request, reply) => reply.code(404).page('errors/404.njk', { pageTitle: 'Page not found' }));
    const response = await app.inject('/missing');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<title>Page not found');
    expect(response.body).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
    expect(response.body).toContain('href="/sign-in"');
  });
});
