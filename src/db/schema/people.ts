import { sql } from 'drizzle-orm';
import { boolean, index, type AnyPgColumn, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const organisationKinds = ['council', 'supplier', 'community', 'partner'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
export const organisationSizes = ['micro', 'small', 'medium', 'large'] as const;
/** What kind of community organisation registered for the needs board. */
export const communityTypes = ['charity', 'community_group', 'social_enterprise', 'school'] as const;
export type CommunityType = (typeof communityTypes)[number];
/**
 * Whether an organisation may act in the service: those the council adds are approved; a community organisation that
 * registers itself waits for an officer's decision.
 */
export const approvalStatuses = ['pending', 'approved', 'declined'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind', { enum: organisationKinds }).notNull(),
  companiesHouseNumber: text('companies_house_number'),
  charityNumber: text('charity_number'),
  size: text('size', { enum: organisationSizes }),
  isVcse: boolean('is_vcse').notNull().default(false),
  isSocialEnterprise: boolean('is_social_enterprise').notNull().default(false),
  postcode: text('postcode'),
  district: text('district'),
  isLocal: boolean('is_local').notNull().default(false),
  /** categories of work, as CPV divisions (the first two digits of a CPV code, like '85') */
  categories: text('categories')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** willing to join a consortium or partner with others to bid */
  openToPartnering: boolean('open_to_partnering').notNull().default(false),
  /** what the organisation does, in its own words, for the directory */
  description: text('description'),
  /** a community organisation's type, given when it registers */
  communityType: text('community_type', { enum: communityTypes }),
  approvalStatus: text('approval_status', { enum: approvalStatuses }).notNull().default('approved'),
  approvalDecidedBy: uuid('approval_decided_by').references((): AnyPgColumn => users.id),
  approvalDecidedAt: timestamp('approval_decided_at', { withTimezone: true }),
  /** why a registration was declined, shown to the organisation */
  approvalReason: text('approval_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The areas the postcode data knows (the county council's districts and their neighbours), and which of them count as
 * local. Configuration an administrator changes (Settings, Local areas); seeded from the geography data.
 */
export const localAreas = pgTable('local_areas', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  councilName: text('council_name').notNull(),
  isLocal: boolean('is_local').notNull().default(false),
  position: integer('position').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const roles = ['admin', 'officer', 'evaluator', 'contract_manager', 'viewer', 'supplier', 'community'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    roles: text('roles', { enum: roles })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    oidcSubject: text('oidc_subject'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_oidc_subject_key').on(t.oidcSubject),
    index('users_organisation_idx').on(t.organisationId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invitations_token_key').on(t.tokenHash), index('invitations_user_idx').on(t.userId)],
);
