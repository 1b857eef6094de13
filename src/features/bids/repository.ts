import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import {
  bidAnswers,
  bidCommitments,
  bids,
  measures,
  outcomes,
  requirements,
  tenderMeasures,
  tenderSuppliers,
  tenders,
  type ProfilePeriod,
} from '../../db/schema/index.js';

/**
 * The supplier portal's queries. Every read is scoped to the supplier's organisation: a tender is only found when
 * the organisation is invited to it and it has been published, and a bid only when it is the organisation's own.
 */

const tenderColumns = {
  id: tenders.id,
  number: tenders.number,
  title: tenders.title,
  status: tenders.status,
  closingAt: tenders.closingAt,
  publishedAt: tenders.publishedAt,
  svWeightBps: tenders.svWeightBps,
  quantitativeShareBps: tenders.quantitativeShareBps,
  quantitativeMethod: tenders.quantitativeMethod,
  scale: tenders.scale,
  frameworkVersionId: tenders.frameworkVersionId,
  expectedStart: requirements.expectedStart,
  durationMonths: requirements.durationMonths,
};

/** A published tender the organisation is invited to, or null (whether it does not exist or is someone else's). */
export async function findInvitedTender(db: DbOrTx, tenderId: string, organisationId: string) {
  const [row] = await db
    .select(tenderColumns)
    .from(tenders)
    .innerJoin(tenderSuppliers, and(eq(tenderSuppliers.tenderId, tenders.id), eq(tenderSuppliers.organisationId, organisationId)))
    .innerJoin(requirements, eq(requirements.id, tenders.requirementId))
    .where(and(eq(tenders.id, tenderId), isNotNull(tenders.publishedAt)))
    .limit(1);
  return row ?? null;
}

export type SupplierTender = NonNullable<Awaited<ReturnType<typeof findInvitedTender>>>;

/** The tender's status and closing time; inside a transaction, locked against an early close until its end. */
export async function tenderTiming(db: DbOrTx, tenderId: string) {
  const [row] = await db.select({ status: tenders.status, closingAt: tenders.closingAt }).from(tenders).where(eq(tenders.id, tenderId)).for('share');
  return row ?? null;
}

/** A measure the tender asks for, with its valuation from the tender's frozen framework version. */
export interface TenderMeasure {
  measureId: string;
  code: string;
  title: string;
  unit: string;
  countingGuidance: string;
  evidenceExpected: string;
  proxyPencePerUnit: number | null;
  proxySource: string | null;
  deadweightBps: number;
  attributionBps: number;
  minimumHundredths: number | null;
}

export async function listTenderMeasures(db: DbOrTx, tender: Pick<SupplierTender, 'id' | 'frameworkVersionId'>): Promise<TenderMeasure[]> {
  return db
    .select({
      measureId: measures.id,
      code: measures.code,
      title: measures.title,
      unit: measures.unit,
      countingGuidance: measures.countingGuidance,
      evidenceExpected: measures.evidenceExpected,
      proxyPencePerUnit: measures.proxyPencePerUnit,
      proxySource: measures.proxySource,
      deadweightBps: measures.deadweightBps,
      attributionBps: measures.attributionBps,
      minimumHundredths: tenderMeasures.minimumHundredths,
    })
    .from(tenderMeasures)
    .innerJoin(measures, and(eq(measures.id, tenderMeasures.measureId), eq(measures.versionId, tender.frameworkVersionId)))
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId))
    .where(eq(tenderMeasures.tenderId, tender.id))
    .orderBy(asc(outcomes.position), asc(measures.code));
}

export interface CommitmentRecord {
  measureId: string;
  quantityHundredths: number;
  profile: ProfilePeriod[];
  districts: string[];
  narrative: string;
}

export type BidRow = typeof bids.$inferSelect;

/** A bid with its commitments and its answers by question. */
export interface BidRecord extends BidRow {
  commitments: CommitmentRecord[];
  answers: Map<string, string>;
}

async function withContent(db: DbOrTx, bid: BidRow | undefined): Promise<BidRecord | null> {
  if (!bid) return null;
  const [commitments, answers] = await Promise.all([
    db
      .select({
        measureId: bidCommitments.measureId,
        quantityHundredths: bidCommitments.quantityHundredths,
        profile: bidCommitments.profile,
        districts: bidCommitments.districts,
        narrative: bidCommitments.narrative,
      })
      .from(bidCommitments)
      .where(eq(bidCommitments.bidId, bid.id)),
    db.select({ questionId: bidAnswers.questionId, answer: bidAnswers.answer }).from(bidAnswers).where(eq(bidAnswers.bidId, bid.id)),
  ]);
  return { ...bid, commitments, answers: new Map(answers.map((a) => [a.questionId, a.answer])) };
}

const ownBid = (tenderId: string, organisationId: string) => and(eq(bids.tenderId, tenderId), eq(bids.organisationId, organisationId));

/** The organisation's bid for a tender, if it has started one. */
export async function findBid(db: DbOrTx, tenderId: string, organisationId: string): Promise<BidRecord | null> {
  const [bid] = await db.select().from(bids).where(ownBid(tenderId, organisationId)).limit(1);
  return withContent(db, bid);
}

/** The organisation's bid, locked until the end of the transaction, so that two saves cannot interleave. */
export async function lockBid(tx: Tx, tenderId: string, organisationId: string): Promise<BidRecord | null> {
  const [bid] = await tx.select().from(bids).where(ownBid(tenderId, organisationId)).for('update');
  return withContent(tx, bid);
}

/** Every published tender the organisation is invited to, with its own bid's status (if any). */
export async function listInvitedTenders(db: DbOrTx, organisationId: string) {
  return db
    .select({
      id: tenders.id,
      number: tenders.number,
      title: tenders.title,
      status: tenders.status,
      closingAt: tenders.closingAt,
      bidStatus: bids.status,
      submittedAt: bids.submittedAt,
      bidUpdatedAt: bids.updatedAt,
    })
    .from(tenders)
    .innerJoin(tenderSuppliers, and(eq(tenderSuppliers.tenderId, tenders.id), eq(tenderSuppliers.organisationId, organisationId)))
    .leftJoin(bids, and(eq(bids.tenderId, tenders.id), eq(bids.organisationId, organisationId)))
    .where(isNotNull(tenders.publishedAt))
    .orderBy(asc(tenders.closingAt), asc(tenders.number));
}
