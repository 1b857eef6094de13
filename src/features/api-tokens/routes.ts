import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { flashMessages } from '../../platform/flash.js';
import { formErrors } from '../../platform/forms.js';
import { createToken } from './create-token.js';
import { listTokens } from './repository.js';
import { revokeToken } from './revoke-token.js';
import { readTokenForm } from './token-form.js';
import { uuidParam } from '../../platform/route-params.js';

const admin = { access: ['admin'] } as const;

export const scopeLabels = { public: 'Public data only', staff: 'Staff: every contract' } as const;

const scopeItems = (chosen: string) =>
  Object.entries(scopeLabels).map(([value, text]) => ({
    value,
    text,
    checked: value === chosen,
    hint: {
      text:
        value === 'public'
          ? 'What the transparency site shows: published contracts and their verified delivery.'
          : 'Every contract in the service, published or not.',
    },
  }));

const flashes = flashMessages({ revoked: 'Token revoked. Requests with it are refused from now on.' });

/** Administrators create and revoke the tokens the API is used with. A token is shown once, when it is made. */
export async function apiTokenRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  async function tokensPage(reply: FastifyReply, options: { values?: { name: string; scope: string }; problems?: [string, string][]; flash?: string } = {}) {
    const problems = options.problems ?? [];
    return reply.code(problems.length ? 400 : 200).page('api-tokens/views/index.njk', {
      pageTitle: 'API tokens',
      tokens: await listTokens(db),
      scopeLabels,
      scopeItems: scopeItems(options.values?.scope ?? ''),
      values: options.values ?? { name: '', scope: '' },
      flash: options.flash,
      ...formErrors(problems),
    });
  }

  app.get('/admin/api-tokens', { config: admin }, async (request, reply) => tokensPage(reply, { flash: flashes.of(request) }));

  app.post('/admin/api-tokens', { config: admin }, async (request, reply) => {
    const form = readTokenForm(request.body);
    if (!form.ok) return tokensPage(reply, { values: form.values, problems: form.problems });
    const token = await createToken(db, request.actor, form);
    return reply.code(201).page('api-tokens/views/created.njk', { pageTitle: 'API token created', name: form.name, scope: scopeLabels[form.scope], token });
  });

  app.post('/admin/api-tokens/:tokenId/revoke', { config: admin }, async (request, reply) => {
    const tokenId = uuidParam(request, 'tokenId');
    if (!tokenId || !(await revokeToken(db, request.actor, tokenId))) return reply.callNotFound();
    return reply.redirect(flashes.path('/admin/api-tokens', 'revoked'), 303);
  });
}
