import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { formErrors } from '../../platform/forms.js';
import { outcomeFormValues, readOutcomeForm, type OutcomeFormValues } from './forms.js';
import { addOutcome, changeOutcome, deleteOutcome } from './outcome-changes.js';
import { countMeasures, findOutcome, type OutcomeRow, type VersionRow } from './repository.js';
import { adminOnly, draftOrRefuse, frameworkFlash, refuse, refuseFrozen } from './route-support.js';
import { recordInPath } from '../../platform/route-params.js';
import { confirmPage } from '../../platform/shared-pages.js';

const CODE_IN_USE = 'Enter a different code: another outcome in this version already uses it';

/** Adding, changing and deleting the outcomes of a draft. */
export async function outcomeRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const admin = { config: { access: adminOnly } };

  const form = (version: VersionRow, outcome: OutcomeRow | null, values: OutcomeFormValues) => ({
    pageTitle: outcome ? `Change outcome ${outcome.code}` : 'Add an outcome',
    backLink: { href: `/framework/${version.id}` },
    heading: outcome ? `Change outcome ${outcome.code}` : 'Add an outcome',
    action: outcome ? `/framework/${version.id}/outcomes/${outcome.id}/edit` : `/framework/${version.id}/outcomes/new`,
    buttonText: outcome ? 'Save outcome' : 'Add outcome',
    version,
    values,
  });

  /** The draft and the outcome named in the path, or null when a reply has been sent. */
  async function draftOutcome(request: FastifyRequest, reply: FastifyReply): Promise<{ version: VersionRow; outcome: OutcomeRow } | null> {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return null;
    const outcome = await recordInPath(request, reply, 'outcomeId', (outcomeId) => findOutcome(db, version.id, outcomeId));
    if (!outcome) return null;
    return { version, outcome };
  }

  app.get('/framework/:versionId/outcomes/new', admin, async (request, reply) => {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return reply;
    return reply.page('framework/views/outcome-form.njk', form(version, null, outcomeFormValues()));
  });

  app.post('/framework/:versionId/outcomes/new', admin, async (request, reply) => {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return reply;
    const input = readOutcomeForm(request.body);
    const result = input.outcome ? await addOutcome(db, request.actor, version, input.outcome) : null;
    if (result?.status === 'missing') return reply.callNotFound();
    if (result?.status === 'frozen') return refuseFrozen(reply, version);
    if (result?.value === 'saved') return reply.redirect(frameworkFlash.path(`/framework/${version.id}`, 'outcome-added'), 303);
    const problems = result ? [['code', CODE_IN_USE] as [string, string]] : input.problems;
    return reply.code(400).page('framework/views/outcome-form.njk', { ...form(version, null, input.values), ...formErrors(problems) });
  });

  app.get('/framework/:versionId/outcomes/:outcomeId/edit', admin, async (request, reply) => {
    const found = await draftOutcome(request, reply);
    if (!found) return reply;
    return reply.page('framework/views/outcome-form.njk', form(found.version, found.outcome, outcomeFormValues(found.outcome)));
  });

  app.post('/framework/:versionId/outcomes/:outcomeId/edit', admin, async (request, reply) => {
    const found = await draftOutcome(request, reply);
    if (!found) return reply;
    const { version, outcome } = found;
    const input = readOutcomeForm(request.body);
    const result = input.outcome ? await changeOutcome(db, request.actor, version, outcome.id, input.outcome) : null;
    if (result?.status === 'missing') return reply.callNotFound();
    if (result?.status === 'frozen') return refuseFrozen(reply, version);
    if (result?.value === 'saved') return reply.redirect(frameworkFlash.path(`/framework/${version.id}`, 'outcome-saved'), 303);
    const problems = result ? [['code', CODE_IN_USE] as [string, string]] : input.problems;
    return reply.code(400).page('framework/views/outcome-form.njk', { ...form(version, outcome, input.values), ...formErrors(problems) });
  });

  const refuseHasMeasures = (reply: FastifyReply, version: VersionRow, outcome: OutcomeRow, measures: number) =>
    refuse(
      reply,
      `Outcome ${outcome.code} cannot be deleted`,
      [
        `It still has ${measures} ${measures === 1 ? 'measure' : 'measures'}. Move ${measures === 1 ? 'it' : 'them'} to another outcome or delete ${measures === 1 ? 'it' : 'them'} first.`,
      ],
      { href: `/framework/${version.id}#outcome-${outcome.id}`, text: `Go back to version ${version.number}` },
    );

  app.get('/framework/:versionId/outcomes/:outcomeId/delete', admin, async (request, reply) => {
    const found = await draftOutcome(request, reply);
    if (!found) return reply;
    const { version, outcome } = found;
    const measures = await countMeasures(db, { outcomeId: outcome.id });
    if (measures > 0) return refuseHasMeasures(reply, version, outcome, measures);
    return confirmPage(reply, {
      pageTitle: `Delete outcome ${outcome.code}`,
      backLink: { href: `/framework/${version.id}` },
      caption: `Framework version ${version.number}`,
      heading: `Delete outcome ${outcome.code}: ${outcome.title}?`,
      paragraphs: ['It has no measures.'],
      action: `/framework/${version.id}/outcomes/${outcome.id}/delete`,
      buttonText: 'Delete outcome',
      danger: true,
      cancelHref: `/framework/${version.id}`,
    });
  });

  app.post('/framework/:versionId/outcomes/:outcomeId/delete', admin, async (request, reply) => {
    const found = await draftOutcome(request, reply);
    if (!found) return reply;
    const { version, outcome } = found;
    const result = await deleteOutcome(db, request.actor, version, outcome);
    if (result.status === 'missing') return reply.callNotFound();
    if (result.status === 'frozen') return refuseFrozen(reply, version);
    if (result.value === 'has-measures') return refuseHasMeasures(reply, version, outcome, await countMeasures(db, { outcomeId: outcome.id }));
    return reply.redirect(frameworkFlash.path(`/framework/${version.id}`, 'outcome-deleted'), 303);
  });
}
