import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/client.js';
import type { ApiScope } from '../../db/schema/index.js';
import { activeTokenByHash, type ActiveToken } from '../api-tokens/repository.js';
import { tokenHash } from '../api-tokens/token-hash.js';
import type { Visibility } from '../open-data/contract-data.js';
import { sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the API token the request was made with, if any (set by the API's token check) */
    apiToken: ActiveToken | null;
  }
}

/** The token in an "Authorization: Bearer ..." header, '' for another kind of header, null for none. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}

/**
 * onRequest hook of the API: a request without a token reads public data; one with a token must name a token that
 * exists and is not revoked, or it gets 401. Session cookies play no part.
 */
export function tokenCheck(db: DbOrTx) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    request.apiToken = null;
    const token = bearerToken(request);
    if (token === null) return;
    const found = token ? await activeTokenByHash(db, tokenHash(token)) : null;
    if (!found) return sendProblem(reply, 401, 'The API token is not recognised or has been revoked. Ask an administrator of the service for a token.');
    request.apiToken = found;
  };
}

/**
 * What a request may read. `scope=staff` (the default for a staff token) reads every contract and needs a staff
 * token; otherwise only published contracts. Null after sending the problem when it may not.
 */
export function visibilityFor(request: FastifyRequest, reply: FastifyReply, asked: ApiScope | undefined): Visibility | null {
  const scope = asked ?? (request.apiToken?.scope === 'staff' ? 'staff' : 'public');
  if (scope === 'public') return 'published';
  if (!request.apiToken) {
    sendProblem(reply, 401, 'Data that is not published needs an API token with the staff scope: send it as "Authorization: Bearer <token>".');
    return null;
  }
  if (request.apiToken.scope !== 'staff') {
    sendProblem(reply, 403, 'This token reads public data only. Ask an administrator for a token with the staff scope.');
    return null;
  }
  return 'all';
}
