import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contracts } from './contracts.js';
import { users } from './people.js';

export const apiScopes = ['public', 'staff'] as const;
export type ApiScope = (typeof apiScopes)[number];

/**
 * Tokens for the read-only API. Only the SHA-256 of the token is kept: the token itself is shown once, when an
 * administrator creates it. `public` reads what the transparency site shows; `staff` reads every contract.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    scope: text('scope', { enum: apiScopes }).notNull(),
    tokenHash: text('token_hash').notNull(),
    /** the first characters of the token, so that people can tell their tokens apart */
    tokenStart: text('token_start').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash)],
);

/**
 * Contracts that came from an OCDS award: the contracting process (OCID) and award they came from, and the date of
 * the latest release applied, so that a second import of the same notice, or an award update, changes the same
 * contract instead of adding another.
 */
export const contractAwards = pgTable(
  'contract_awards',
  {
    contractId: uuid('contract_id')
      .primaryKey()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    ocid: text('ocid').notNull(),
    awardId: text('award_id').notNull(),
    releaseId: text('release_id').notNull(),
    releaseDate: timestamp('release_date', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('contract_awards_key').on(t.ocid, t.awardId)],
);

/** What an OCDS import will do, worked out when the file is uploaded and shown for review before it is applied. */
export interface OcdsImportPlan {
  releaseCount: number;
  /** awards to add as contracts or to apply to the contracts they came from */
  awards: PlannedAward[];
  /** releases that change nothing, each with the reason */
  skipped: { releaseId: string; ocid: string; reason: string }[];
}

export interface PlannedSupplier {
  name: string;
  identifier: string | null;
  companiesHouseNumber: string | null;
  postcode: string | null;
  size: 'micro' | 'small' | 'medium' | 'large' | null;
  isVcse: boolean | null;
}

export interface PlannedAward {
  ocid: string;
  awardId: string;
  releaseId: string;
  releaseDate: string;
  /** 'new' adds a contract; 'update' changes the contract that came from the same award */
  action: 'new' | 'update';
  title: string;
  description: string;
  valuePence: number;
  startDate: string;
  endDate: string;
  supplier: PlannedSupplier;
}

/**
 * OCDS release packages uploaded for import, kept between the review and the import. Operational, like
 * contract_imports: the upload and the import are audit events, and the contracts and suppliers it creates or
 * changes are audited as usual.
 */
export const ocdsImports = pgTable(
  'ocds_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    plan: jsonb('plan').$type<OcdsImportPlan>().notNull(),
    contractIds: uuid('contract_ids').array(),
    importedAt: timestamp('imported_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ocds_imports_uploaded_by_idx').on(t.uploadedBy, t.createdAt)],
);
