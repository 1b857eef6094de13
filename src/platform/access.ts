import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../db/schema/index.js';
import { hasAnyRole } from './current-user.js';

/**
 * Who may use a route. Every route must declare one: a route without it fails at start-up. 'api' routes ignore the
 * session cookie and are decided by their bearer token (features/api/token-auth.ts): without one they read public
 * data only.
 */
export type Access = 'public' | 'signed-in' | 'api' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export class AccessNotDeclaredError extends Error {}

export function assertAccessDeclared(route: RouteOptions): void {
  const access = (route.config as { access?: Access } | undefined)?.access;
  if (access === undefined) {
    throw new AccessNotDeclaredError(`Route ${String(route.method)} ${route.url} does not declare config.access`);
  }
}

export class ForbiddenError extends Error {
  statusCode = 403;
}

/** preHandler: sends the visitor to sign in, or refuses with 403, unless the route's access allows them. */
export async function enforceAccess(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const access = request.routeOptions.config.access;
  if (access === 'public' || access === 'api' || request.is404) return;
  if (!request.user) {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`);
    }
    return reply.code(401).send({ error: 'Sign in to use this service' });
  }
  if (access === 'signed-in' || (Array.isArray(access) && hasAnyRole(request.user, access))) return;
  throw new ForbiddenError('You do not have permission to see this page');
}

/**
 * Deny by default: a route that does not declare `config.access` stops the service at start-up (static assets are
 * public), and every request is checked against its route's access before anything else the route does (a global
 * preHandler). Register it before the CSRF check and before any plugin that adds routes.
 */
export const accessControl = fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/assets/')) route.config = { ...(route.config as object), access: 'public' };
      assertAccessDeclared(route);
    });
    app.addHook('preHandler', enforceAccess);
  },
  { name: 'sv-access' },
);
