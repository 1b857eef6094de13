import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../db/client.js';
import { quantitativeMethods } from '../../db/schema/index.js';
import { partWeights, quantitativeFormula } from '../../domain/scoring.js';
import { formErrors } from '../../platform/forms.js';
import { percentText } from '../../domain/money.js';
import { closingValues, readClosing } from './closing-form.js';
import { SCALE_SCORES } from './defaults.js';
import {
  readMethod,
  readRiskShare,
  readScale,
  readTitle,
  readWeighting,
  scaleValues,
  weightingValues,
  type Reading,
  type Weighting,
  type WeightingValues,
} from './forms.js';
import type { TenderRow } from './repository.js';
import { draftTender, officerRoles, refuseFrozen, tenderFlash, tenderPath } from './route-support.js';
import { saveTenderFields } from './save-tender-fields.js';

/** What a set-up page's form gives back: the values to show again, what to save, and the errors to show. */
interface FormReading<V, R> {
  values: V;
  result: R | null;
  errors: object;
}

function withFormErrors<V, R>(reading: Reading<V, R>): FormReading<V, R> {
  return { values: reading.values, result: reading.result, errors: { ...formErrors(reading.problems) } };
}

/** A set-up page that changes fields of the tender row itself. */
interface SettingPage<V, R> {
  path: string;
  template: string;
  heading: string;
  values(tender: TenderRow): V;
  read(body: unknown, now: Date): FormReading<V, R>;
  /** the action for the audit trail, like "Changed the closing date", and the fields to save */
  save(result: R): { action: string; fields: Parameters<typeof saveTenderFields>[4] };
  context?(tender: TenderRow): Record<string, unknown>;
}

const pages = [
  {
    path: 'title',
    template: 'tenders/views/title.njk',
    heading: 'Title of the tender',
    values: (tender) => ({ title: tender.title }),
    read: (body) => withFormErrors(readTitle(body)),
    save: (title) => ({ action: 'Changed the title', fields: { title } }),
  } satisfies SettingPage<{ title: string }, string>,
  {
    path: 'weighting',
    template: 'tenders/views/weighting.njk',
    heading: 'Social value weighting',
    values: (tender) => weightingValues(tender),
    read: (body) => withFormErrors(readWeighting(body)),
    save: (weighting) => ({ action: 'Changed the social value weighting', fields: weighting }),
  } satisfies SettingPage<WeightingValues, Weighting>,
  {
    path: 'method',
    template: 'tenders/views/method.njk',
    heading: 'Quantitative scoring method',
    values: (tender) => ({ method: tender.quantitativeMethod as string }),
    read: (body) => withFormErrors(readMethod(body)),
    save: (quantitativeMethod) => ({ action: 'Changed the quantitative scoring method', fields: { quantitativeMethod } }),
    context: (tender) => {
      const { quantitativeBps } = partWeights(tender);
      return { quantitativeBps, formulas: Object.fromEntries(quantitativeMethods.map((m) => [m, quantitativeFormula(m, quantitativeBps)])) };
    },
  } satisfies SettingPage<{ method: string }, (typeof quantitativeMethods)[number]>,
  {
    path: 'scale',
    template: 'tenders/views/scale.njk',
    heading: 'Scoring scale for answers',
    values: (tender) => scaleValues(tender.scale),
    read: (body) => withFormErrors(readScale(body)),
    save: (scale) => ({ action: 'Changed the scoring scale', fields: { scale } }),
    context: () => ({ scores: SCALE_SCORES }),
  } satisfies SettingPage<Record<string, string>, TenderRow['scale']>,
  {
    path: 'closing',
    template: 'tenders/views/closing.njk',
    heading: 'Closing date and time',
    values: (tender) => closingValues(tender.closingAt),
    read: (body, now) => readClosing(body, now),
    save: (closingAt) => ({ action: 'Changed the closing date', fields: { closingAt } }),
  } satisfies SettingPage<ReturnType<typeof closingValues>, Date>,
  {
    path: 'risk-share',
    template: 'tenders/views/risk-share.njk',
    heading: 'Risk flag',
    values: (tender) => ({ riskShare: percentText(tender.riskShareBps) }),
    read: (body) => withFormErrors(readRiskShare(body)),
    save: (riskShareBps) => ({ action: 'Changed the risk flag', fields: { riskShareBps } }),
  } satisfies SettingPage<{ riskShare: string }, number>,
];

/** The set-up pages that change the tender's own fields: title, weighting, method, scale, closing date, risk flag. */
export async function settingRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const officers = { config: { access: officerRoles } };

  for (const page of pages as SettingPage<unknown, unknown>[]) {
    const render = (reply: FastifyReply, tender: TenderRow, values: unknown, errors: object = {}) =>
      reply.page(page.template, {
        pageTitle: `${page.heading} – tender ${tender.number}`,
        backLink: { href: tenderPath(tender) },
        heading: page.heading,
        action: `${tenderPath(tender)}/${page.path}`,
        tender,
        values,
        ...page.context?.(tender),
        ...errors,
      });

    app.get(`/tenders/:tenderId/${page.path}`, officers, async (request, reply) => {
      const tender = await draftTender(db, request, reply);
      if (!tender) return reply;
      return render(reply, tender, page.values(tender));
    });

    app.post(`/tenders/:tenderId/${page.path}`, officers, async (request, reply) => {
      const tender = await draftTender(db, request, reply);
      if (!tender) return reply;
      const reading = page.read(request.body, new Date());
      if (reading.result === null) return render(reply.code(400), tender, reading.values, reading.errors);
      const { action, fields } = page.save(reading.result);
      const saved = await saveTenderFields(db, request.actor, tender, action, fields);
      if (saved.status === 'missing') return reply.callNotFound();
      if (saved.status === 'frozen') return refuseFrozen(reply, tender);
      return reply.redirect(tenderFlash.path(tenderPath(tender), 'saved'), 303);
    });
  }
}
