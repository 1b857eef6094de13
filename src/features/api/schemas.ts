import { problemSchema } from './problem.js';

/** JSON schemas of the API's routes: they check the query, shape the responses and make the OpenAPI document. */

const nullable = (type: string) => ({ type: [type, 'null'] });
const date = { type: 'string', format: 'date' } as const;

const measure = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    title: { type: 'string' },
    unit: { type: 'string' },
    outcome: { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' } } },
    frameworkVersionId: { type: 'string', format: 'uuid' },
    valuation: {
      type: ['object', 'null'],
      description: 'The proxy value per unit and its adjustments; null when the measure is counted only in its own unit',
      properties: { proxyPencePerUnit: { type: 'integer' }, deadweightBps: { type: 'integer' }, attributionBps: { type: 'integer' } },
    },
  },
} as const;

export const commitmentSchema = {
  type: 'object',
  description: 'A social value commitment of a contract: what was promised at tender, what is committed now, and what has been verified as delivered',
  properties: {
    id: { type: 'string', format: 'uuid' },
    contractId: { type: 'string', format: 'uuid' },
    measure,
    promisedQuantity: { type: 'number' },
    committedQuantity: { type: 'number' },
    committedSocialValuePence: nullable('integer'),
    verifiedDeliveredQuantity: { type: 'number' },
    verifiedDeliveredSocialValuePence: nullable('integer'),
    profile: {
      type: 'array',
      items: { type: 'object', properties: { periodStart: date, periodEnd: date, quantity: { type: 'number' } } },
    },
    districts: { type: 'array', items: { type: 'string' } },
    narrative: { type: 'string' },
  },
} as const;

export const deliveredSchema = {
  type: 'object',
  description: 'A delivered output verified by the council: a line of a supplier’s delivery report',
  properties: {
    id: { type: 'string', format: 'uuid' },
    contractId: { type: 'string', format: 'uuid' },
    commitmentId: { type: ['string', 'null'], format: 'uuid', description: 'null for additional social value beyond the commitments' },
    measure,
    periodStart: date,
    periodEnd: date,
    quantity: { type: 'number' },
    socialValuePence: nullable('integer'),
    districts: { type: 'array', items: { type: 'string' } },
    narrative: { type: 'string' },
    verifiedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

const contractProperties = {
  id: { type: 'string', format: 'uuid' },
  reference: { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string' },
  directorate: { type: 'string' },
  valuePence: { type: 'integer' },
  valueIncludesVat: { type: 'boolean' },
  startDate: date,
  endDate: date,
  applicability: { type: 'string', enum: ['out_of_scope', 'policy', 'statutory'] },
  published: { type: 'boolean' },
  publishedAt: { type: ['string', 'null'], format: 'date-time' },
  supplier: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      companiesHouseNumber: nullable('string'),
      charityNumber: nullable('string'),
      size: { type: ['string', 'null'], enum: ['micro', 'small', 'medium', 'large', null] },
      sme: nullable('boolean'),
      vcse: { type: 'boolean' },
      socialEnterprise: { type: 'boolean' },
      district: nullable('string'),
      local: { type: 'boolean' },
    },
  },
  commitments: { type: 'array', items: commitmentSchema },
  additionalSocialValuePence: { type: 'integer', description: 'verified social value delivered beyond the commitments, in pence' },
} as const;

export const contractSchema = { type: 'object', properties: contractProperties } as const;

export const contractDetailSchema = {
  type: 'object',
  properties: { ...contractProperties, deliveredOutputs: { type: 'array', items: deliveredSchema } },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cursor: { type: 'string', maxLength: 200, description: 'the links.next of the page before' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
    scope: { type: 'string', enum: ['public', 'staff'], description: 'staff (every contract) needs a staff token; the default is the token’s scope' },
  },
} as const;

export const scopeQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { scope: listQuery.properties.scope },
} as const;

export function pageOf(item: object) {
  return {
    type: 'object',
    properties: {
      data: { type: 'array', items: item },
      links: { type: 'object', properties: { self: { type: 'string' }, next: nullable('string') } },
    },
  } as const;
}

/** The responses every API route may give besides its 200. */
export const errorResponses = {
  304: { description: 'Not modified: the ETag in If-None-Match is still current', type: 'null' },
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  429: problemSchema,
} as const;
