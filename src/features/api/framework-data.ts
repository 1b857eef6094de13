import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { measures } from '../../db/schema/index.js';
import { findVersionByStatus, listOutcomes } from '../framework/repository.js';

/** The framework in use: its strategic outcomes, each with its measures, units and valuations. */
export async function activeFramework(db: DbOrTx) {
  const version = await findVersionByStatus(db, 'active');
  if (!version) return null;
  const [outcomeRows, measureRows] = await Promise.all([
    listOutcomes(db, version.id),
    db.select().from(measures).where(eq(measures.versionId, version.id)).orderBy(asc(measures.code)),
  ]);
  return {
    id: version.id,
    number: version.number,
    name: version.name,
    outcomes: outcomeRows.map((o) => ({
      code: o.code,
      title: o.title,
      description: o.description,
      measures: measureRows
        .filter((m) => m.outcomeId === o.id)
        .map((m) => ({
          id: m.id,
          code: m.code,
          title: m.title,
          unit: m.unit,
          countingGuidance: m.countingGuidance,
          evidenceExpected: m.evidenceExpected,
          valuation:
            m.proxyPencePerUnit === null
              ? null
              : {
                  proxyPencePerUnit: m.proxyPencePerUnit,
                  source: m.proxySource,
                  sourceUrl: m.proxySourceUrl,
                  year: m.proxyYear,
                  licence: m.proxyLicence,
                  deadweightBps: m.deadweightBps,
                  attributionBps: m.attributionBps,
                },
        })),
    })),
  };
}

export const frameworkSchema = {
  type: 'object',
  description: 'The active framework version: strategic outcomes and the measures social value is counted in',
  properties: {
    id: { type: 'string', format: 'uuid' },
    number: { type: 'integer' },
    name: { type: 'string' },
    outcomes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          title: { type: 'string' },
          description: { type: 'string' },
          measures: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string', format: 'uuid' },
                code: { type: 'string' },
                title: { type: 'string' },
                unit: { type: 'string' },
                countingGuidance: { type: 'string' },
                evidenceExpected: { type: 'string' },
                valuation: {
                  type: ['object', 'null'],
                  properties: {
                    proxyPencePerUnit: { type: 'integer' },
                    source: { type: ['string', 'null'] },
                    sourceUrl: { type: ['string', 'null'] },
                    year: { type: ['integer', 'null'] },
                    licence: { type: ['string', 'null'] },
                    deadweightBps: { type: 'integer' },
                    attributionBps: { type: 'integer' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
