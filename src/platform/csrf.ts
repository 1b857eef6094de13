import { createHmac, randomBytes } from 'node:crypto';
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyReply {
    /** a CSRF token for a form on this page, bound to the visitor's session (or, before signing in, to their visit) */
    csrfToken(): string;
  }
  interface FastifyRequest {
    /** the id of an anonymous visit, from its cookie or just made for it */
    visitId: string | null;
  }
}

/** The cookie holding the CSRF secret. Signing in or out clears it, so that the next page makes a new one. */
export const CSRF_COOKIE = 'sv_csrf';
/** The cookie naming an anonymous visit, which the forms shown before signing in (sign-in itself) are bound to. */
export const VISIT_COOKIE = 'sv_visit';

export interface CsrfOptions {
  /** the service's secret: the CSRF tokens' keyed hash is derived from it */
  secret: string;
  /** cookies only over https */
  secure: boolean;
}

/** Where a form's token says it came from: the session when signed in, otherwise the anonymous visit. */
function boundTo(request: FastifyRequest): string {
  if (request.sessionToken) return `session:${request.sessionToken}`;
  return `visit:${visitOf(request) ?? 'none'}`;
}

function visitOf(request: FastifyRequest): string | null {
  if (request.visitId) return request.visitId;
  const signed = request.cookies[VISIT_COOKIE];
  const unsigned = signed ? request.unsignCookie(signed) : undefined;
  request.visitId = unsigned?.valid && unsigned.value ? unsigned.value : null;
  return request.visitId;
}

/** The token sent with the form: the `_csrf` field (urlencoded or multipart), or the x-csrf-token header for scripts. */
function tokenSent(request: FastifyRequest): string | undefined {
  const field = (request.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field) return String((field as { value: unknown }).value);
  return request.headers['x-csrf-token'] as string | undefined;
}

/**
 * CSRF protection for every request that is not GET or HEAD (a global preHandler: it runs after the access check
 * when registered after it). Tokens are double-submit tokens (@fastify/csrf-protection: a secret in a signed cookie)
 * bound to the session that asked for the page, so a cookie and token taken from another browser, signed in or not,
 * are refused with someone else's session. Needs @fastify/cookie and, for the session binding, sessionUser.
 */
export const csrfProtection = fp<CsrfOptions>(
  async (app, { secret, secure }) => {
    const cookieOpts = { signed: true, httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;
    await app.register(fastifyCsrf, {
      cookieKey: CSRF_COOKIE,
      cookieOpts,
      getToken: tokenSent,
      getUserInfo: boundTo,
      csrfOpts: { hmacKey: createHmac('sha256', secret).update('csrf tokens').digest() },
    });
    if (!app.hasRequestDecorator('sessionToken')) app.decorateRequest('sessionToken', null);
    app.decorateRequest('visitId', null);
    app.decorateReply('csrfToken', function (this: FastifyReply) {
      const request = this.request;
      if (!request.sessionToken && !visitOf(request)) {
        request.visitId = randomBytes(18).toString('base64url');
        this.setCookie(VISIT_COOKIE, request.visitId, cookieOpts);
      }
      return this.generateCsrf({ userInfo: boundTo(request) });
    });
    app.addHook('preHandler', (request, reply, done) => {
      if (request.method === 'GET' || request.method === 'HEAD' || request.is404) return done();
      app.csrfProtection(request, reply, done);
    });
  },
  { name: 'sv-csrf', dependencies: ['@fastify/cookie'] },
);
