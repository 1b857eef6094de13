import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { publicDir } from './paths.js';

/** The built stylesheets, scripts, fonts and images under /assets/, open to all, compressed ahead and cached for an hour. */
export const staticFiles = fp(
  async (app) => {
    await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', preCompressed: true, maxAge: 60 * 60 * 1000, index: false });
  },
  { name: 'sv-static-files' },
);
