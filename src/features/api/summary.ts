import type { DbOrTx } from '../../db/client.js';
import { cachedRead } from '../../db/read-cache.js';
import { todayIso } from '../../domain/dates.js';
import type { Visibility } from '../open-data/contract-data.js';
import { byOutcomePart, byQuarterPart, contractTotalsPart, deliveryPart, readParts, totalPart, type SummaryFilter } from '../summaries/read.js';

/** The summary's filters, as the query gives them. */
export interface SummaryQuery {
  outcome?: string;
  district?: string;
  directorate?: string;
  from?: string;
  to?: string;
}

/**
 * The headline figures of the social value database for a scope and filters, read from the summaries kept up to
 * date with every verification: the same figures as the dashboard and the transparency site, at the same cost
 * whatever the size of the data, in one query, kept until the next write (read-cache.ts).
 */
export function summaryFigures(db: DbOrTx, visibility: Visibility, query: SummaryQuery, now = new Date()) {
  const today = todayIso(now);
  return cachedRead(db, `api-summary:${visibility}:${today}:${JSON.stringify(query)}`, () => readSummary(db, visibility, query, today));
}

async function readSummary(db: DbOrTx, visibility: Visibility, query: SummaryQuery, today: string) {
  const filter: SummaryFilter = {
    scope: visibility,
    outcomeCode: query.outcome ?? null,
    district: query.district ?? null,
    directorate: query.directorate ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
  };
  const { totals, delivery, contracts, byOutcome, byQuarter } = await readParts(db, {
    totals: totalPart(filter),
    delivery: deliveryPart(filter, today),
    contracts: contractTotalsPart({ scope: visibility, directorate: filter.directorate ?? null, from: filter.from ?? null, to: filter.to ?? null }),
    byOutcome: byOutcomePart(filter),
    byQuarter: byQuarterPart(filter),
  });
  return { scope: visibility === 'all' ? 'staff' : 'public', filters: query, totals, deliveryToDate: delivery, contracts, byOutcome, byQuarter };
}

const figures = {
  promisedPence: { type: 'integer' },
  committedPence: { type: 'integer' },
  verifiedPence: { type: 'integer' },
  additionalPence: { type: 'integer' },
  promisedHundredths: { type: 'integer' },
  committedHundredths: { type: 'integer' },
  verifiedHundredths: { type: 'integer' },
  additionalHundredths: { type: 'integer' },
  verifiedLines: { type: 'integer' },
} as const;

const quarter = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'the first day of a quarter, like 2026-04-01' } as const;

export const summaryQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    scope: { type: 'string', enum: ['public', 'staff'] },
    outcome: { type: 'string', maxLength: 50, description: 'a strategic outcome’s code' },
    district: { type: 'string', maxLength: 100 },
    directorate: { type: 'string', maxLength: 200 },
    from: quarter,
    to: quarter,
  },
} as const;

export const summarySchema = {
  type: 'object',
  description: 'Promised (tender), committed and verified delivered social value, in pence for measures with a proxy value',
  properties: {
    scope: { type: 'string', enum: ['public', 'staff'] },
    filters: { type: 'object', additionalProperties: { type: 'string' } },
    totals: { type: 'object', properties: figures },
    deliveryToDate: {
      type: 'object',
      properties: { duePence: { type: 'integer' }, verifiedPence: { type: 'integer' }, rateBps: { type: ['integer', 'null'] }, until: { type: 'string' } },
    },
    contracts: {
      type: 'object',
      properties: {
        contracts: { type: 'integer' },
        inScopeContracts: { type: 'integer' },
        valuePence: { type: 'integer' },
        sizeKnownValuePence: { type: 'integer' },
        smeValuePence: { type: 'integer' },
        vcseValuePence: { type: 'integer' },
        localValuePence: { type: 'integer' },
      },
    },
    byOutcome: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' }, ...figures } } },
    byQuarter: { type: 'array', items: { type: 'object', properties: { quarter: { type: 'string' }, ...figures } } },
  },
} as const;
