import { aliasedTable, and, arrayOverlaps, asc, count, desc, eq, gte, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  communityNeeds,
  contractCommitments,
  contracts,
  frameworkVersions,
  measures,
  needPledges,
  organisations,
  outcomes,
  users,
  type NeedType,
  type Role,
} from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';

/** The strategic outcomes of the active framework version, in its order: the outcomes a need may serve. */
export async function activeOutcomes(db: DbOrTx): Promise<{ code: string; title: string }[]> {
  return db
    .select({ code: outcomes.code, title: outcomes.title })
    .from(outcomes)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, outcomes.versionId))
    .where(eq(frameworkVersions.status, 'active'))
    .orderBy(asc(outcomes.position), asc(outcomes.code));
}

// ---- organisations --------------------------------------------------------------------------------------------

const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  communityType: organisations.communityType,
  charityNumber: organisations.charityNumber,
  postcode: organisations.postcode,
  district: organisations.district,
  description: organisations.description,
  approvalStatus: organisations.approvalStatus,
  approvalReason: organisations.approvalReason,
  approvalDecidedAt: organisations.approvalDecidedAt,
  createdAt: organisations.createdAt,
};

export async function findCommunityOrganisation(db: DbOrTx, id: string) {
  const [row] = await db
    .select(organisationColumns)
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.kind, 'community')));
  return row ?? null;
}

export type CommunityOrganisation = NonNullable<Awaited<ReturnType<typeof findCommunityOrganisation>>>;

/** Community organisations by approval status, oldest registration first, each with the people who registered it. */
export async function listRegistrations(db: DbOrTx, status: 'pending' | 'approved' | 'declined') {
  const rows = await db
    .select(organisationColumns)
    .from(organisations)
    .where(and(eq(organisations.kind, 'community'), eq(organisations.approvalStatus, status)))
    .orderBy(asc(organisations.createdAt), asc(organisations.id));
  const people = await peopleOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, people: people.filter((p) => p.organisationId === r.id) }));
}

export async function peopleOf(db: DbOrTx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({ organisationId: users.organisationId, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.organisationId, organisationIds))
    .orderBy(asc(users.createdAt));
}

/**
 * The active people to email about the board: those with one of `roles`, of one organisation (or, with null, of any:
 * the council's officers who approve registrations).
 */
export async function peopleToTell(db: DbOrTx, roles: readonly Role[], organisationId: string | null) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), arrayOverlaps(users.roles, [...roles]), organisationId ? eq(users.organisationId, organisationId) : undefined))
    .orderBy(asc(users.createdAt), asc(users.id));
}

/** The contract's manager, if it has one who can still sign in. */
export async function contractManagerOf(db: DbOrTx, contractId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(contracts)
    .innerJoin(users, eq(users.id, contracts.contractManagerId))
    .where(and(eq(contracts.id, contractId), eq(users.active, true)));
  return row ?? null;
}

export async function countRegistrationsAwaiting(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(organisations)
    .where(and(eq(organisations.kind, 'community'), eq(organisations.approvalStatus, 'pending')));
  return row?.n ?? 0;
}

// ---- needs ----------------------------------------------------------------------------------------------------

const needColumns = {
  id: communityNeeds.id,
  number: communityNeeds.number,
  organisationId: communityNeeds.organisationId,
  organisationName: organisations.name,
  title: communityNeeds.title,
  needType: communityNeeds.needType,
  description: communityNeeds.description,
  district: communityNeeds.district,
  postcode: communityNeeds.postcode,
  outcomeCode: communityNeeds.outcomeCode,
  neededBy: communityNeeds.neededBy,
  howUsed: communityNeeds.howUsed,
  contactName: communityNeeds.contactName,
  contactEmail: communityNeeds.contactEmail,
  contactPhone: communityNeeds.contactPhone,
  publishContact: communityNeeds.publishContact,
  status: communityNeeds.status,
  closedAt: communityNeeds.closedAt,
  createdAt: communityNeeds.createdAt,
};

export async function findNeed(db: DbOrTx, id: string) {
  const [row] = await db
    .select(needColumns)
    .from(communityNeeds)
    .innerJoin(organisations, eq(organisations.id, communityNeeds.organisationId))
    .where(eq(communityNeeds.id, id));
  return row ?? null;
}

export type NeedRecord = NonNullable<Awaited<ReturnType<typeof findNeed>>>;

const livePledges = sql<number>`(select count(*)::int from ${needPledges} where ${needPledges.needId} = ${communityNeeds.id} and ${needPledges.status} <> 'withdrawn')`;

/** An organisation's needs, open first then the most recent, each with how many pledges it has. */
export async function needsOfOrganisation(db: DbOrTx, organisationId: string) {
  return db
    .select({ ...needColumns, pledges: livePledges })
    .from(communityNeeds)
    .innerJoin(organisations, eq(organisations.id, communityNeeds.organisationId))
    .where(eq(communityNeeds.organisationId, organisationId))
    .orderBy(sql`${communityNeeds.status} = 'closed'`, desc(communityNeeds.createdAt), asc(communityNeeds.id));
}

export interface BoardFilters {
  q: string;
  district: string;
  outcome: string;
  type: NeedType | '';
}

/** Open needs of approved organisations, still needed (by today or later), by filters and search words; soonest first. */
export async function searchOpenNeeds(db: DbOrTx, filters: BoardFilters, today: string, page: Page) {
  const conditions: SQL[] = [eq(communityNeeds.status, 'open'), gte(communityNeeds.neededBy, today), eq(organisations.approvalStatus, 'approved')];
  if (filters.district) conditions.push(eq(communityNeeds.district, filters.district));
  if (filters.outcome) conditions.push(eq(communityNeeds.outcomeCode, filters.outcome));
  if (filters.type) conditions.push(eq(communityNeeds.needType, filters.type));
  if (filters.q) {
    conditions.push(
      sql`to_tsvector('english', ${communityNeeds.title} || ' ' || ${communityNeeds.description} || ' ' || ${communityNeeds.howUsed} || ' ' || ${organisations.name}) @@ websearch_to_tsquery('english', ${filters.q})`,
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...needColumns, pledges: livePledges })
      .from(communityNeeds)
      .innerJoin(organisations, eq(organisations.id, communityNeeds.organisationId))
      .where(where)
      .orderBy(asc(communityNeeds.neededBy), asc(communityNeeds.number))
      .limit(page.size)
      .offset(page.offset),
    db.select({ n: count() }).from(communityNeeds).innerJoin(organisations, eq(organisations.id, communityNeeds.organisationId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function countOpenNeeds(db: DbOrTx, today: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(communityNeeds)
    .innerJoin(organisations, eq(organisations.id, communityNeeds.organisationId))
    .where(and(eq(communityNeeds.status, 'open'), gte(communityNeeds.neededBy, today), eq(organisations.approvalStatus, 'approved')));
  return row?.n ?? 0;
}

/**
 * Where open needs have found no pledge (none, or only withdrawn ones): the number of such needs by district and
 * strategic outcome, the most first.
 */
export async function needsWithoutPledges(db: DbOrTx, today: string) {
  const needs = sql<number>`count(*)::int`;
  return db
    .select({ district: communityNeeds.district, outcomeCode: communityNeeds.outcomeCode, needs, soonest: sql<string>`min(${communityNeeds.neededBy})::text` })
    .from(communityNeeds)
    .innerJoin(organisations, eq(organisations.id, communityNeeds.organisationId))
    .where(
      and(
        eq(communityNeeds.status, 'open'),
        gte(communityNeeds.neededBy, today),
        eq(organisations.approvalStatus, 'approved'),
        sql`not exists (select 1 from ${needPledges} where ${needPledges.needId} = ${communityNeeds.id} and ${needPledges.status} <> 'withdrawn')`,
      ),
    )
    .groupBy(communityNeeds.district, communityNeeds.outcomeCode)
    .orderBy(desc(needs), asc(communityNeeds.district), asc(communityNeeds.outcomeCode));
}

// ---- pledges --------------------------------------------------------------------------------------------------

const supplier = aliasedTable(organisations, 'supplier');
const needOrganisation = aliasedTable(organisations, 'need_organisation');

const pledgeColumns = {
  id: needPledges.id,
  needId: needPledges.needId,
  needTitle: communityNeeds.title,
  needNumber: communityNeeds.number,
  needOrganisationId: communityNeeds.organisationId,
  needOrganisationName: needOrganisation.name,
  needDistrict: communityNeeds.district,
  supplierId: needPledges.supplierId,
  supplierName: supplier.name,
  contractId: needPledges.contractId,
  contractReference: contracts.reference,
  contractTitle: contracts.title,
  commitmentId: needPledges.commitmentId,
  measureId: needPledges.measureId,
  measureCode: measures.code,
  measureTitle: measures.title,
  unit: measures.unit,
  quantityHundredths: needPledges.quantityHundredths,
  offer: needPledges.offer,
  status: needPledges.status,
  metQuantityHundredths: needPledges.metQuantityHundredths,
  metDescription: needPledges.metDescription,
  metOn: needPledges.metOn,
  confirmedAt: needPledges.confirmedAt,
  reportLineId: needPledges.reportLineId,
  tooLateAt: needPledges.tooLateAt,
  createdAt: needPledges.createdAt,
};

function pledgesQuery(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(pledgeColumns)
    .from(needPledges)
    .innerJoin(communityNeeds, eq(communityNeeds.id, needPledges.needId))
    .innerJoin(needOrganisation, eq(needOrganisation.id, communityNeeds.organisationId))
    .innerJoin(supplier, eq(supplier.id, needPledges.supplierId))
    .innerJoin(contracts, eq(contracts.id, needPledges.contractId))
    .innerJoin(measures, eq(measures.id, needPledges.measureId))
    .where(where)
    .orderBy(desc(needPledges.createdAt), asc(needPledges.id));
}

export async function findPledge(db: DbOrTx, id: string) {
  const [row] = await pledgesQuery(db, eq(needPledges.id, id));
  return row ?? null;
}

export type PledgeRecord = NonNullable<Awaited<ReturnType<typeof findPledge>>>;

export const pledgesOfNeed = (db: DbOrTx, needId: string) => pledgesQuery(db, eq(needPledges.needId, needId));
export const pledgesOfSupplier = (db: DbOrTx, supplierId: string) => pledgesQuery(db, eq(needPledges.supplierId, supplierId));
/** Pledges to an organisation's needs that wait for it to confirm they were met. */
export const pledgesToConfirm = (db: DbOrTx, organisationId: string) =>
  pledgesQuery(db, and(eq(communityNeeds.organisationId, organisationId), eq(needPledges.status, 'pledged')));

export async function countPledgesToConfirm(db: DbOrTx, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(needPledges)
    .innerJoin(communityNeeds, eq(communityNeeds.id, needPledges.needId))
    .where(and(eq(communityNeeds.organisationId, organisationId), eq(needPledges.status, 'pledged')));
  return row?.n ?? 0;
}

/** Met pledges confirmed after every delivery report that could carry them was handed in: in no report, so not counted. */
export const pledgesTooLate = (db: DbOrTx) =>
  pledgesQuery(db, and(eq(needPledges.status, 'met'), isNull(needPledges.reportLineId), isNotNull(needPledges.tooLateAt)));

/** Met pledges, newest first, for the public board. */
export const metPledges = (db: DbOrTx, limit: number) =>
  pledgesQuery(db, and(eq(needPledges.status, 'met'), eq(needOrganisation.approvalStatus, 'approved'))).limit(limit);

/**
 * What a supplier may count a pledge towards: each commitment of its own contracts that have not ended by `runningOn`
 * (or all of them, with null, to tell a chosen contract that has ended from one that is not the supplier's), and
 * additional social value on each of those contracts.
 */
export async function pledgeTargetRows(db: DbOrTx, supplierId: string, runningOn: string | null) {
  const own = await db
    .select({ id: contracts.id, reference: contracts.reference, title: contracts.title, frameworkVersionId: contracts.frameworkVersionId })
    .from(contracts)
    .where(and(eq(contracts.supplierId, supplierId), runningOn ? gte(contracts.endDate, runningOn) : undefined))
    .orderBy(asc(contracts.reference));
  const commitments = own.length
    ? await db
        .select({
          id: contractCommitments.id,
          contractId: contractCommitments.contractId,
          measureId: measures.id,
          code: measures.code,
          title: measures.title,
          unit: measures.unit,
        })
        .from(contractCommitments)
        .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
        .where(
          inArray(
            contractCommitments.contractId,
            own.map((c) => c.id),
          ),
        )
        .orderBy(asc(contractCommitments.createdAt), asc(contractCommitments.id))
    : [];
  return own.map((c) => ({ ...c, commitments: commitments.filter((m) => m.contractId === c.id) }));
}
