import { sql, type SQL } from 'drizzle-orm';
import { bigint, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contractCommitments, contracts } from './contracts.js';
import { users } from './people.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const caseStudyStatuses = ['draft', 'in_review', 'published', 'withdrawn'] as const;
export type CaseStudyStatus = (typeof caseStudyStatuses)[number];

/**
 * A case study of a contract's social value: a story in Markdown, with statistics that are never typed in but read at
 * render time from the verified delivery of the commitments it names (case_study_commitments). Drafted by an officer
 * or the contract's supplier, reviewed and published by an officer, withdrawn when it should no longer be public.
 */
export const caseStudies = pgTable(
  'case_studies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Markdown, rendered and sanitised when shown; raw HTML in it is never passed through */
    story: text('story').notNull(),
    /** strategic outcome codes ("GC"), which stay the same across framework versions */
    outcomeCodes: text('outcome_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    districts: text('districts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status', { enum: caseStudyStatuses }).notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    /** the public library's full-text search: title first, then the summary, then the story (English stemming) */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('english', ${caseStudies.title}), 'A') || setweight(to_tsvector('english', ${caseStudies.summary}), 'B') || setweight(to_tsvector('english', ${caseStudies.story}), 'C')`,
      ),
  },
  (t) => [
    index('case_studies_contract_idx').on(t.contractId),
    index('case_studies_status_idx').on(t.status, t.updatedAt),
    index('case_studies_search_idx').using('gin', t.searchVector),
    // the public library, newest first
    index('case_studies_published_idx')
      .on(t.publishedAt)
      .where(sql`${t.status} = 'published'`),
  ],
);

/** The commitments whose verified delivery a case study shows as its statistics, in the order chosen. */
export const caseStudyCommitments = pgTable(
  'case_study_commitments',
  {
    caseStudyId: uuid('case_study_id')
      .notNull()
      .references(() => caseStudies.id, { onDelete: 'cascade' }),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => contractCommitments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.caseStudyId, t.commitmentId] })],
);

/** A case study's images: what they show in words (alt text, required), and their checked type, size and checksum. */
export const caseStudyImages = pgTable(
  'case_study_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseStudyId: uuid('case_study_id')
      .notNull()
      .references(() => caseStudies.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    altText: text('alt_text').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_study_images_case_study_idx').on(t.caseStudyId, t.createdAt)],
);

/** An image's bytes, apart from its audited details (like evidence chunks, content is not copied into the trail). */
export const caseStudyImageContent = pgTable('case_study_image_content', {
  imageId: uuid('image_id')
    .primaryKey()
    .references(() => caseStudyImages.id, { onDelete: 'cascade' }),
  data: bytea('data').notNull(),
});

/** What someone said about the work, and who they are, in the words the author was given permission to publish. */
export const caseStudyQuotes = pgTable(
  'case_study_quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseStudyId: uuid('case_study_id')
      .notNull()
      .references(() => caseStudies.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    attribution: text('attribution').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_study_quotes_case_study_idx').on(t.caseStudyId, t.createdAt)],
);
