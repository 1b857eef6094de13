import fp from 'fastify-plugin';
import type { Actor } from './audit.js';
import type { CurrentUser } from './current-user.js';
import { SESSION_COOKIE } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in user, or null */
    user: CurrentUser | null;
    /** who the audit trail names for what this request changes */
    actor: Actor;
    /** the token of the request's valid session (what CSRF tokens are bound to), or null when not signed in */
    sessionToken: string | null;
  }
}

export interface SessionUserOptions {
  /** the user of a session token, or null when the session is unknown, over or its user inactive (findSessionUser) */
  findUser(token: string): Promise<CurrentUser | null>;
}

/**
 * Reads the signed session cookie on every request (but for static assets) and sets `request.user`, `request.actor`
 * and `request.sessionToken`. Needs @fastify/cookie registered first, with the secret the cookie is signed with.
 */
export const sessionUser = fp<SessionUserOptions>(
  async (app, { findUser }) => {
    app.decorateRequest('user', null);
    app.decorateRequest('actor', null as unknown as Actor);
    app.decorateRequest('sessionToken', null);
    app.addHook('onRequest', async (request) => {
      request.actor = { id: null, label: 'anonymous', requestId: request.id };
      if (request.url.startsWith('/assets/')) return;
      const signed = request.cookies[SESSION_COOKIE];
      if (!signed) return;
      const token = request.unsignCookie(signed);
      if (!token.valid || !token.value) return;
      request.user = await findUser(token.value);
      if (!request.user) return;
      request.sessionToken = token.value;
      request.actor = { id: request.user.id, label: request.user.email, requestId: request.id };
    });
  },
  { name: 'sv-session-user', dependencies: ['@fastify/cookie'] },
);
