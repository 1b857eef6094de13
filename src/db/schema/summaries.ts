import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { requirements } from './commissioning.js';
import { contractCommitments, contracts } from './contracts.js';

/**
 * Summaries of the social value database: derived from the detail tables and kept up to date by database triggers in
 * the same transaction as the change (migration "summaries_maintenance"; docs/architecture.md explains the design).
 * Read them through src/features/summaries; rebuild them with recountSummaries(). They are not audited: every change
 * to them follows from an audited change to a detail table.
 */

/** Whether a supplier is small or medium-sized: 'yes' (micro, small, medium), 'no' (large) or 'unknown' (no size). */
export const smeStates = ['yes', 'no', 'unknown'] as const;
export type SmeState = (typeof smeStates)[number];

/** The amounts every figures table holds, in hundredths of a measure's unit and in pence. */
const figureColumns = () => ({
  promisedHundredths: bigint('promised_hundredths', { mode: 'number' }).notNull().default(0),
  promisedPence: bigint('promised_pence', { mode: 'number' }).notNull().default(0),
  committedHundredths: bigint('committed_hundredths', { mode: 'number' }).notNull().default(0),
  committedPence: bigint('committed_pence', { mode: 'number' }).notNull().default(0),
  /** every verified line, against a commitment or additional */
  verifiedHundredths: bigint('verified_hundredths', { mode: 'number' }).notNull().default(0),
  verifiedPence: bigint('verified_pence', { mode: 'number' }).notNull().default(0),
  /** the part of verified that is additional value (lines without a commitment) */
  additionalHundredths: bigint('additional_hundredths', { mode: 'number' }).notNull().default(0),
  additionalPence: bigint('additional_pence', { mode: 'number' }).notNull().default(0),
  verifiedLines: integer('verified_lines').notNull().default(0),
});

/**
 * The figures by dimension: one row per quarter x measure x district x directorate x supplier flags x published.
 * Quarter: of the period end of the report (verified delivery) or of the profile period (promised and committed; the
 * part of a quantity no profile period holds falls due in the quarter the contract ends). District '*' holds every
 * figure once; each named district holds the figures that name it (a line naming two districts counts in full in
 * both), '' those that name none. Quantities in hundredths of the measure's unit; pence only for measures with a
 * proxy value (0 otherwise), each line or profile period valued on its own and rounded to the penny.
 */
export const svFigures = pgTable(
  'sv_figures',
  {
    quarter: date('quarter', { mode: 'string' }).notNull(),
    measureId: uuid('measure_id').notNull(),
    district: text('district').notNull(),
    directorate: text('directorate').notNull(),
    sme: text('sme', { enum: smeStates }).notNull(),
    vcse: boolean('vcse').notNull(),
    local: boolean('local').notNull(),
    published: boolean('published').notNull(),
    ...figureColumns(),
  },
  (t) => [
    primaryKey({
      name: 'sv_figures_pkey',
      columns: [t.district, t.quarter, t.measureId, t.directorate, t.sme, t.vcse, t.local, t.published],
    }),
  ],
);

/** Which contracts a summary row covers: all of them, or only those published on the transparency site. */
export const summaryScopes = ['all', 'published'] as const;
export type SummaryScope = (typeof summaryScopes)[number];

/**
 * The figures of sv_figures rolled up for the dashboard and the public summary, so that each of their questions reads
 * a few hundred rows whatever the number of lines: per scope, directorate ('*' for all), subject ('*' for everything,
 * 'outcome:<code>' for a strategic outcome across framework versions, 'measure:<id>' for one measure), district (as in
 * sv_figures: '*' all, '' none named) and quarter. Kept by a trigger on sv_figures.
 */
export const svRollup = pgTable(
  'sv_rollup',
  {
    scope: text('scope', { enum: summaryScopes }).notNull(),
    directorate: text('directorate').notNull(),
    subject: text('subject').notNull(),
    district: text('district').notNull(),
    quarter: date('quarter', { mode: 'string' }).notNull(),
    ...figureColumns(),
  },
  (t) => [
    primaryKey({ name: 'sv_rollup_pkey', columns: [t.scope, t.directorate, t.subject, t.district, t.quarter] }),
    index('sv_rollup_by_directorate_idx').on(t.scope, t.subject, t.district, t.directorate, t.quarter),
    // breakdowns by outcome or measure within one district: the subjects of that district only
    index('sv_rollup_by_subject_idx').on(t.scope, t.directorate, t.district, t.subject, t.quarter),
  ],
);

/**
 * Contracts by scope, directorate ('*' for all) and the quarter they start in: how many, how many in scope of the
 * policy, their value, and the value with suppliers that are SMEs (of the value whose supplier's size is known),
 * VCSEs and local. Supplier flags are read as they are now (a change of flags moves the supplier's contracts).
 */
export const svContractTotals = pgTable(
  'sv_contract_totals',
  {
    scope: text('scope', { enum: summaryScopes }).notNull(),
    directorate: text('directorate').notNull(),
    startQuarter: date('start_quarter', { mode: 'string' }).notNull(),
    contracts: integer('contracts').notNull().default(0),
    inScopeContracts: integer('in_scope_contracts').notNull().default(0),
    valuePence: bigint('value_pence', { mode: 'number' }).notNull().default(0),
    sizeKnownValuePence: bigint('size_known_value_pence', { mode: 'number' }).notNull().default(0),
    smeValuePence: bigint('sme_value_pence', { mode: 'number' }).notNull().default(0),
    vcseValuePence: bigint('vcse_value_pence', { mode: 'number' }).notNull().default(0),
    localValuePence: bigint('local_value_pence', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ name: 'sv_contract_totals_pkey', columns: [t.scope, t.directorate, t.startQuarter] })],
);

/** One row per contract: its social value in pence (measures with a proxy value only). */
export const svContractFigures = pgTable('sv_contract_figures', {
  contractId: uuid('contract_id')
    .primaryKey()
    .references(() => contracts.id, { onDelete: 'cascade' }),
  promisedPence: bigint('promised_pence', { mode: 'number' }).notNull().default(0),
  committedPence: bigint('committed_pence', { mode: 'number' }).notNull().default(0),
  verifiedPence: bigint('verified_pence', { mode: 'number' }).notNull().default(0),
  additionalPence: bigint('additional_pence', { mode: 'number' }).notNull().default(0),
  verifiedLines: integer('verified_lines').notNull().default(0),
});

/**
 * One row per commitment: promised (tender), committed (current) and verified delivered, in hundredths of the unit and,
 * where its measure has a proxy value, in pence (null otherwise). Promised is valued with the original measure.
 */
export const svCommitmentFigures = pgTable(
  'sv_commitment_figures',
  {
    commitmentId: uuid('commitment_id')
      .primaryKey()
      .references(() => contractCommitments.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id').notNull(),
    promisedHundredths: bigint('promised_hundredths', { mode: 'number' }).notNull(),
    promisedPence: bigint('promised_pence', { mode: 'number' }),
    committedHundredths: bigint('committed_hundredths', { mode: 'number' }).notNull(),
    committedPence: bigint('committed_pence', { mode: 'number' }),
    verifiedHundredths: bigint('verified_hundredths', { mode: 'number' }).notNull().default(0),
    /** the verified lines' value in pence, each line valued with its own measure (0 when none has a proxy value) */
    verifiedPence: bigint('verified_pence', { mode: 'number' }).notNull().default(0),
    verifiedLines: integer('verified_lines').notNull().default(0),
  },
  (t) => [index('sv_commitment_figures_contract_idx').on(t.contractId)],
);

/**
 * A running contract's delivery to the end of each quarter from its start to its end, in pence: the committed profile
 * due by then and what was verified against its commitments for periods ending by then. The shortfall (due minus
 * verified) is indexed per quarter, so the contracts most behind are read from the top of an index.
 */
export const svContractQuarters = pgTable(
  'sv_contract_quarters',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    quarter: date('quarter', { mode: 'string' }).notNull(),
    duePence: bigint('due_pence', { mode: 'number' }).notNull().default(0),
    verifiedPence: bigint('verified_pence', { mode: 'number' }).notNull().default(0),
    shortfallPence: bigint('shortfall_pence', { mode: 'number' }).generatedAlwaysAs(sql`due_pence - verified_pence`),
  },
  (t) => [
    primaryKey({ name: 'sv_contract_quarters_pkey', columns: [t.contractId, t.quarter] }),
    index('sv_contract_quarters_behind_idx').on(t.quarter, t.shortfallPence.desc(), t.contractId),
  ],
);

/**
 * Policy compliance, one row per requirement in scope of the policy (at or above the policy minimum) whose tender went
 * ahead (published, closed or awarded; the latest such tender): whether it had social value criteria (a weighting
 * above 0), the weighting, and the recorded reason for a low or no weighting. Kept by triggers on requirements and
 * tenders; the quarter is the one the tender was published in.
 */
export const svRequirementCompliance = pgTable(
  'sv_requirement_compliance',
  {
    requirementId: uuid('requirement_id')
      .primaryKey()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    tenderId: uuid('tender_id').notNull(),
    directorate: text('directorate').notNull(),
    quarter: date('quarter', { mode: 'string' }).notNull(),
    withCriteria: boolean('with_criteria').notNull(),
    weightBps: integer('weight_bps').notNull(),
    reason: text('reason'),
  },
  (t) => [
    index('sv_requirement_compliance_without_idx')
      .on(t.quarter)
      .where(sql`not ${t.withCriteria}`),
  ],
);

/** sv_requirement_compliance added up per directorate ('*' for all) and quarter. */
export const svComplianceTotals = pgTable(
  'sv_compliance_totals',
  {
    directorate: text('directorate').notNull(),
    quarter: date('quarter', { mode: 'string' }).notNull(),
    requirements: integer('requirements').notNull().default(0),
    withCriteria: integer('with_criteria').notNull().default(0),
    weightSumBps: bigint('weight_sum_bps', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ name: 'sv_compliance_totals_pkey', columns: [t.directorate, t.quarter] })],
);
