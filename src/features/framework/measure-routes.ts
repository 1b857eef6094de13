import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { field, formErrors } from '../../platform/forms.js';
import { measureFormValues, readMeasureForm, type MeasureFormValues } from './forms.js';
import { addMeasure, changeMeasure, deleteMeasure } from './measure-changes.js';
import { findMeasure, listOutcomes, unitsInVersion, type MeasureRow, type VersionRow } from './repository.js';
import { adminOnly, draftOrRefuse, frameworkFlash, refuseFrozen } from './route-support.js';
import { recordInPath } from '../../platform/route-params.js';
import { confirmPage } from '../../platform/shared-pages.js';
import { unitOptions } from './units.js';

const CODE_IN_USE = 'Enter a different code: another measure in this version already uses it';

/** Adding, changing and deleting the measures of a draft. */
export async function measureRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const admin = { config: { access: adminOnly } };

  /** What the measure form needs besides the values: the version's outcomes, and the units to choose from. */
  async function formChoices(version: VersionRow) {
    const outcomes = await listOutcomes(db, version.id);
    const units = unitOptions(await unitsInVersion(db, version.id));
    return { outcomes, units };
  }

  type Choices = Awaited<ReturnType<typeof formChoices>>;

  function renderForm(
    reply: FastifyReply,
    version: VersionRow,
    { outcomes, units }: Choices,
    measure: MeasureRow | null,
    values: MeasureFormValues,
    problems: [string, string][] = [],
  ): FastifyReply {
    const base = `/framework/${version.id}`;
    return reply.code(problems.length ? 400 : 200).page('framework/views/measure-form.njk', {
      pageTitle: measure ? `Change measure ${measure.code}` : 'Add a measure',
      backLink: { href: measure ? `${base}/measures/${measure.id}` : base },
      heading: measure ? `Change measure ${measure.code}` : 'Add a measure',
      action: measure ? `${base}/measures/${measure.id}/edit` : `${base}/measures/new`,
      buttonText: measure ? 'Save measure' : 'Add measure',
      cancelHref: measure ? `${base}/measures/${measure.id}` : base,
      version,
      values,
      outcomeItems: [{ value: '', text: 'Select an outcome' }, ...outcomes.map((o) => ({ value: o.id, text: `${o.code}: ${o.title}` }))],
      unitItems: [{ value: '', text: 'Select a unit' }, ...units.map((u) => ({ value: u, text: u }))],
      ...formErrors(problems),
    });
  }

  async function draftMeasure(request: FastifyRequest, reply: FastifyReply): Promise<{ version: VersionRow; measure: MeasureRow } | null> {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return null;
    const measure = await recordInPath(request, reply, 'measureId', (measureId) => findMeasure(db, version.id, measureId));
    if (!measure) return null;
    return { version, measure };
  }

  app.get('/framework/:versionId/measures/new', admin, async (request, reply) => {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return reply;
    return renderForm(reply, version, await formChoices(version), null, measureFormValues(null, field(request.query, 'outcome')));
  });

  app.post('/framework/:versionId/measures/new', admin, async (request, reply) => {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return reply;
    const choices = await formChoices(version);
    const input = readMeasureForm(request.body, choices.outcomes, choices.units);
    if (!input.measure) return renderForm(reply, version, choices, null, input.values, input.problems);
    const result = await addMeasure(db, request.actor, version, input.measure);
    if (result.status === 'missing') return reply.callNotFound();
    if (result.status === 'frozen') return refuseFrozen(reply, version);
    if (result.value === 'code-in-use') return renderForm(reply, version, choices, null, input.values, [['code', CODE_IN_USE]]);
    return reply.redirect(frameworkFlash.path(`/framework/${version.id}/measures/${result.value.id}`, 'measure-added'), 303);
  });

  app.get('/framework/:versionId/measures/:measureId/edit', admin, async (request, reply) => {
    const found = await draftMeasure(request, reply);
    if (!found) return reply;
    return renderForm(reply, found.version, await formChoices(found.version), found.measure, measureFormValues(found.measure));
  });

  app.post('/framework/:versionId/measures/:measureId/edit', admin, async (request, reply) => {
    const found = await draftMeasure(request, reply);
    if (!found) return reply;
    const { version, measure } = found;
    const choices = await formChoices(version);
    const input = readMeasureForm(request.body, choices.outcomes, choices.units);
    if (!input.measure) return renderForm(reply, version, choices, measure, input.values, input.problems);
    const result = await changeMeasure(db, request.actor, version, measure.id, input.measure);
    if (result.status === 'missing') return reply.callNotFound();
    if (result.status === 'frozen') return refuseFrozen(reply, version);
    if (result.value === 'code-in-use') return renderForm(reply, version, choices, measure, input.values, [['code', CODE_IN_USE]]);
    return reply.redirect(frameworkFlash.path(`/framework/${version.id}/measures/${measure.id}`, 'measure-saved'), 303);
  });

  app.get('/framework/:versionId/measures/:measureId/delete', admin, async (request, reply) => {
    const found = await draftMeasure(request, reply);
    if (!found) return reply;
    const { version, measure } = found;
    return confirmPage(reply, {
      pageTitle: `Delete measure ${measure.code}`,
      backLink: { href: `/framework/${version.id}/measures/${measure.id}` },
      caption: `Framework version ${version.number}`,
      heading: `Delete measure ${measure.code}: ${measure.title}?`,
      paragraphs: [`It is removed from draft version ${version.number} only. Other versions keep their copy of it.`],
      action: `/framework/${version.id}/measures/${measure.id}/delete`,
      buttonText: 'Delete measure',
      danger: true,
      cancelHref: `/framework/${version.id}/measures/${measure.id}`,
    });
  });

  app.post('/framework/:versionId/measures/:measureId/delete', admin, async (request, reply) => {
    const found = await draftMeasure(request, reply);
    if (!found) return reply;
    const { version, measure } = found;
    const result = await deleteMeasure(db, request.actor, version, measure);
    if (result.status === 'missing') return reply.callNotFound();
    if (result.status === 'frozen') return refuseFrozen(reply, version);
    return reply.redirect(frameworkFlash.path(`/framework/${version.id}`, 'measure-deleted'), 303);
  });
}
