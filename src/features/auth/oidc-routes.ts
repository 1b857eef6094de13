import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { field, safeLocalPath } from '../../platform/forms.js';
import { CouncilSignInError, councilIdentityProvider } from './oidc-client.js';
import { OIDC_FLOW_COOKIE, OIDC_FLOW_MINUTES, OIDC_FLOW_PATH, decodeOidcFlow, encodeOidcFlow, newOidcFlow, type OidcFlow } from './oidc-flow.js';
import { signInWithCouncilAccount, type CouncilSignInRefusal } from './oidc-sign-in.js';
import { startSession } from './routes.js';

type Problem = CouncilSignInError['kind'] | CouncilSignInRefusal;

const problems: Record<Problem, { status: number; title: string }> = {
  unavailable: { status: 503, title: 'Council sign-in is not available at the moment' },
  cancelled: { status: 403, title: 'You did not finish signing in' },
  failed: { status: 400, title: 'Sign-in with your council account did not work' },
  'no-account': { status: 403, title: 'You do not have an account in this service' },
  'not-staff': { status: 403, title: 'You cannot sign in with a council account' },
  'linked-elsewhere': { status: 403, title: 'Your account is linked to a different council account' },
};

/** Staff sign-in through the council's OpenID Connect provider (Microsoft Entra ID); present only when configured. */
export async function oidcRoutes(app: FastifyInstance, services: Services): Promise<void> {
  if (!services.config.oidc) return;
  const { db } = services.database;
  const provider = councilIdentityProvider(services.config);
  const flowCookie = {
    path: OIDC_FLOW_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.baseUrl.startsWith('https://'),
    signed: true,
  } as const;

  function showProblem(reply: FastifyReply, problem: Problem, context: { next?: string; email?: string | undefined } = {}): FastifyReply {
    const { status, title } = problems[problem];
    return reply.code(status).page('auth/views/oidc-problem.njk', { pageTitle: title, problem, minutes: OIDC_FLOW_MINUTES, next: '/', ...context });
  }

  function readFlow(request: FastifyRequest): OidcFlow | undefined {
    const signed = request.cookies[OIDC_FLOW_COOKIE];
    const unsigned = signed ? request.unsignCookie(signed) : undefined;
    return unsigned?.valid && unsigned.value ? decodeOidcFlow(unsigned.value) : undefined;
  }

  app.get('/sign-in/oidc', { config: { access: 'public' } }, async (request, reply) => {
    const next = safeLocalPath(field(request.query, 'next'));
    if (request.user) return reply.redirect(next);
    const flow = newOidcFlow(next);
    let destination: URL;
    try {
      destination = await provider.authorizationUrl(flow);
    } catch (error) {
      if (!(error instanceof CouncilSignInError)) throw error;
      request.log.error({ err: error }, 'council sign-in is unavailable');
      return showProblem(reply, error.kind, { next });
    }
    reply.setCookie(OIDC_FLOW_COOKIE, encodeOidcFlow(flow), { ...flowCookie, maxAge: OIDC_FLOW_MINUTES * 60 });
    return reply.redirect(destination.href);
  });

  app.get('/sign-in/oidc/callback', { config: { access: 'public' } }, async (request, reply) => {
    const flow = readFlow(request);
    // One attempt, one answer: the checks are spent whatever happens next.
    reply.clearCookie(OIDC_FLOW_COOKIE, { path: OIDC_FLOW_PATH });
    if (!flow) {
      request.log.info('council sign-in answer without a current attempt');
      return showProblem(reply, 'failed');
    }
    const next = safeLocalPath(flow.next);
    let identity;
    try {
      identity = await provider.identify(new URL(`${services.config.baseUrl}${request.url}`), flow);
    } catch (error) {
      if (!(error instanceof CouncilSignInError)) throw error;
      if (error.kind === 'unavailable') request.log.error({ err: error }, 'council sign-in is unavailable');
      else request.log.info({ err: error }, 'council sign-in did not finish');
      return showProblem(reply, error.kind, { next });
    }
    const result = await signInWithCouncilAccount(db, identity, request.id);
    if (!result.ok) return showProblem(reply, result.reason, { next, email: identity.email });
    await startSession(app, services, reply, result.userId);
    return reply.redirect(next, 303);
  });
}
