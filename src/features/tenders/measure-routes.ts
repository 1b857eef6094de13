import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../db/client.js';
import { quantityToDecimal } from '../../domain/quantity.js';
import { formErrors } from '../../platform/forms.js';
import { findVersionByStatus, listMeasureSummaries, listOutcomes } from '../framework/repository.js';
import { readMeasureChoices, type MeasureChoiceValues } from './forms.js';
import { measureValueText } from './measure-view.js';
import { findVersionSummary, listChosenMeasures, type TenderRow } from './repository.js';
import { draftTender, officerRoles, refuseFrozen, tenderFlash, tenderPath } from './route-support.js';
import { saveMeasures } from './save-measures.js';

/**
 * Choosing the measures bidders may commit to, with a minimum for each. They are offered from the active framework
 * version; a draft made with an older version has its choices matched by code, and moves to the active version on saving.
 */
export async function measureRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const officers = { config: { access: officerRoles } };

  async function versionMeasures(tender: TenderRow) {
    const versionId = (await findVersionByStatus(db, 'active'))?.id ?? tender.frameworkVersionId;
    const [version, outcomes, measures] = await Promise.all([
      findVersionSummary(db, versionId),
      listOutcomes(db, versionId),
      listMeasureSummaries(db, versionId),
    ]);
    const groups = outcomes
      .map((outcome) => ({
        outcome,
        measures: measures.filter((m) => m.outcomeId === outcome.id).map((m) => ({ ...m, valueText: measureValueText(m) })),
      }))
      .filter((group) => group.measures.length > 0);
    return { version: version!, groups, offered: groups.flatMap((g) => g.measures) };
  }

  type Offer = Awaited<ReturnType<typeof versionMeasures>>;

  function render(reply: FastifyReply, tender: TenderRow, offer: Offer, values: MeasureChoiceValues, problems: [string, string][] = []) {
    const errors = formErrors(problems);
    // The summary links to the first checkbox: the group of checkboxes has no element of its own to link to.
    const first = offer.offered[0];
    for (const item of errors.errorList) if (item.href === '#measures' && first) item.href = `#measure-${first.id}`;
    return reply.code(problems.length ? 400 : 200).page('tenders/views/measures.njk', {
      pageTitle: `Measures – tender ${tender.number}`,
      backLink: { href: tenderPath(tender) },
      heading: 'Measures bidders may commit to',
      action: `${tenderPath(tender)}/measures`,
      tender,
      version: offer.version,
      movesVersion: offer.version.id !== tender.frameworkVersionId,
      groups: offer.groups,
      values,
      ...errors,
    });
  }

  app.get('/tenders/:tenderId/measures', officers, async (request, reply) => {
    const tender = await draftTender(db, request, reply);
    if (!tender) return reply;
    const [chosen, offer] = await Promise.all([listChosenMeasures(db, tender.id), versionMeasures(tender)]);
    // Matched by code, so that a draft made with an older framework version shows its choices in the active one.
    const offeredByCode = new Map(offer.offered.map((m) => [m.code, m.id]));
    const carried = chosen.flatMap((m) => {
      const id = offeredByCode.get(m.code);
      return id ? [{ id, minimum: m.minimumHundredths === null ? '' : quantityToDecimal(m.minimumHundredths) }] : [];
    });
    const values: MeasureChoiceValues = { selected: carried.map((c) => c.id), minimums: Object.fromEntries(carried.map((c) => [c.id, c.minimum])) };
    return render(reply, tender, offer, values);
  });

  app.post('/tenders/:tenderId/measures', officers, async (request, reply) => {
    const tender = await draftTender(db, request, reply);
    if (!tender) return reply;
    const offer = await versionMeasures(tender);
    const reading = readMeasureChoices(request.body, offer.offered);
    if (!reading.result) return render(reply, tender, offer, reading.values, reading.problems);
    const saved = await saveMeasures(db, request.actor, tender, offer.version.id, reading.result);
    if (saved.status === 'missing') return reply.callNotFound();
    if (saved.status === 'frozen') return refuseFrozen(reply, tender);
    return reply.redirect(tenderFlash.path(tenderPath(tender), 'saved'), 303);
  });
}
