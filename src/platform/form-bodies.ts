import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fp from 'fastify-plugin';
import { asBadForm } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route reads its multipart files as streams (request.parts()) instead of having them buffered into the body */
    streamsFiles?: boolean;
  }
}

/** The largest urlencoded form, and the largest file a buffered multipart form may carry. */
export const FORM_LIMIT_BYTES = 1024 * 1024;
export const BUFFERED_FILE_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Reads the bodies browsers send: urlencoded forms, and multipart forms read whole into request.body (files as
 * buffers, one at most, within the limits above), except on routes that stream their files (config.streamsFiles):
 * those read the parts themselves after the access and CSRF checks. A body that cannot be read is a 400.
 */
export const formBodies = fp(
  async (app) => {
    await app.register(fastifyFormbody, { bodyLimit: FORM_LIMIT_BYTES });
    await app.register(fastifyMultipart, { limits: { fileSize: BUFFERED_FILE_LIMIT_BYTES, files: 1, fields: 20 } });
    app.addHook('preValidation', async (request) => {
      if (!request.isMultipart() || request.routeOptions.config.streamsFiles) return;
      try {
        for await (const part of request.parts()) {
          request.body = part.fields;
          if (part.type === 'file') await part.toBuffer();
        }
      } catch (error) {
        throw asBadForm(error);
      }
    });
  },
  { name: 'sv-form-bodies' },
);
