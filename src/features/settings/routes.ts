import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { flashMessages } from '../../platform/flash.js';
import { field, formErrors } from '../../platform/forms.js';
import { saveTenderGate } from './save-tender-gate.js';
import { tenderGateRecord } from './tender-gate.js';

const admin = { access: ['admin'] } as const;

const flashes = flashMessages({
  saved: 'Setting saved. It applies to every tender set up from now on.',
  unchanged: 'The setting was already as you chose: nothing has changed.',
});

/** Settings an administrator can change while the service runs. */
export async function settingsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  async function renderSettings(reply: FastifyReply, requireAssessment: string, flash?: string, problems: [string, string][] = []) {
    return reply.code(problems.length ? 400 : 200).page('settings/views/index.njk', {
      pageTitle: 'Settings',
      gate: await tenderGateRecord(db),
      values: { requireAssessment },
      flash,
      ...formErrors(problems),
    });
  }

  app.get('/admin/settings', { config: admin }, async (request, reply) => {
    const gate = await tenderGateRecord(db);
    return renderSettings(reply, gate.requireAssessment ? 'yes' : 'no', flashes.of(request));
  });

  app.post('/admin/settings', { config: admin }, async (request, reply) => {
    const choice = field(request.body, 'requireAssessment');
    if (choice !== 'yes' && choice !== 'no') {
      return renderSettings(reply, '', undefined, [['requireAssessment', 'Select whether a tender needs a completed assessment and screening first']]);
    }
    const changed = await saveTenderGate(db, request.actor, { requireAssessment: choice === 'yes' });
    return reply.redirect(flashes.path('/admin/settings', changed ? 'saved' : 'unchanged'), 303);
  });
}
