import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { fieldList, formErrors } from '../../platform/forms.js';
import { listAreas } from './repository.js';
import { saveLocalAreas } from './save-local-areas.js';
import { flashMessages } from '../../platform/flash.js';

const admin = { access: ['admin'] } as const;

const flash = flashMessages({ saved: 'Local areas saved. Every organisation’s local flag has been worked out again.' });

/** Administrators choose which areas count as local: local government reorganisation changes them. */
export async function localAreaRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  async function render(reply: FastifyReply, chosen: string[] | null, flash?: string, problems: [string, string][] = []) {
    const areas = await listAreas(db);
    const checked = chosen ?? areas.filter((a) => a.isLocal).map((a) => a.code);
    return reply.code(problems.length ? 400 : 200).page('local-areas/views/index.njk', {
      pageTitle: 'Local areas',
      backLink: { href: '/admin/settings' },
      flash,
      items: areas.map((a) => ({ value: a.code, text: a.name, hint: { text: `${a.councilName} (${a.code})` }, checked: checked.includes(a.code) })),
      ...formErrors(problems),
    });
  }

  app.get('/admin/local-areas', { config: admin }, async (request, reply) => {
    return render(reply, null, flash.of(request));
  });

  app.post('/admin/local-areas', { config: admin }, async (request, reply) => {
    const chosen = fieldList(request.body, 'areas');
    const known = new Set((await listAreas(db)).map((a) => a.code));
    if (chosen.length === 0) return render(reply, chosen, undefined, [['areas', 'Select at least one area to count as local']]);
    if (chosen.some((code) => !known.has(code))) return render(reply, chosen, undefined, [['areas', 'Select areas from the list']]);
    await saveLocalAreas(db, request.actor, chosen);
    return reply.redirect(flash.path('/admin/local-areas', 'saved'), 303);
  });
}
