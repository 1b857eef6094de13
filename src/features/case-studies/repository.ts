import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  caseStudies,
  caseStudyCommitments,
  caseStudyImageContent,
  caseStudyImages,
  caseStudyQuotes,
  contractCommitments,
  contracts,
  measures,
  organisations,
  type CaseStudyStatus,
} from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';

const caseStudyColumns = {
  id: caseStudies.id,
  title: caseStudies.title,
  summary: caseStudies.summary,
  story: caseStudies.story,
  outcomeCodes: caseStudies.outcomeCodes,
  districts: caseStudies.districts,
  status: caseStudies.status,
  createdAt: caseStudies.createdAt,
  updatedAt: caseStudies.updatedAt,
  publishedAt: caseStudies.publishedAt,
  contractId: contracts.id,
  contractReference: contracts.reference,
  contractTitle: contracts.title,
  contractPublishedAt: contracts.publishedAt,
  supplierId: contracts.supplierId,
  supplierName: organisations.name,
};

/** A case study with its contract and supplier, or null. */
export async function findCaseStudy(db: DbOrTx, id: string) {
  const [row] = await db
    .select(caseStudyColumns)
    .from(caseStudies)
    .innerJoin(contracts, eq(contracts.id, caseStudies.contractId))
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .where(eq(caseStudies.id, id));
  return row ?? null;
}

export type CaseStudyRecord = NonNullable<Awaited<ReturnType<typeof findCaseStudy>>>;

export interface ListFilters {
  status: CaseStudyStatus | '';
  /** a supplier's organisation: only case studies of its contracts */
  supplierId: string | null;
}

function listConditions(filters: ListFilters): SQL | undefined {
  return and(
    filters.status ? eq(caseStudies.status, filters.status) : undefined,
    filters.supplierId ? eq(contracts.supplierId, filters.supplierId) : undefined,
  );
}

/** A page of case studies, most recently changed first, and how many there are. */
export async function listCaseStudies(db: DbOrTx, filters: ListFilters, page: Page) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: caseStudies.id,
        title: caseStudies.title,
        status: caseStudies.status,
        updatedAt: caseStudies.updatedAt,
        contractReference: contracts.reference,
        supplierName: organisations.name,
      })
      .from(caseStudies)
      .innerJoin(contracts, eq(contracts.id, caseStudies.contractId))
      .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
      .where(listConditions(filters))
      .orderBy(desc(caseStudies.updatedAt), asc(caseStudies.id))
      .limit(page.size)
      .offset(page.offset),
    db.select({ n: count() }).from(caseStudies).innerJoin(contracts, eq(contracts.id, caseStudies.contractId)).where(listConditions(filters)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The contract with this reference (compared without regard to case), or null. */
export async function contractByReference(db: DbOrTx, reference: string) {
  const [row] = await db
    .select({ id: contracts.id, reference: contracts.reference, title: contracts.title, supplierId: contracts.supplierId })
    .from(contracts)
    .where(eq(sql`lower(${contracts.reference})`, reference.toLowerCase()))
    .limit(1);
  return row ?? null;
}

/** A contract's reference and title, for a form started from its page. */
export async function contractById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ reference: contracts.reference, title: contracts.title, supplierId: contracts.supplierId })
    .from(contracts)
    .where(eq(contracts.id, id));
  return row ?? null;
}

/** A supplier's own contracts, to choose from. */
export async function contractsOfSupplier(db: DbOrTx, supplierId: string) {
  return db
    .select({ reference: contracts.reference, title: contracts.title })
    .from(contracts)
    .where(eq(contracts.supplierId, supplierId))
    .orderBy(asc(contracts.reference));
}

/** The commitments of a contract with their measures, to choose the statistics from. */
export async function commitmentsOfContract(db: DbOrTx, contractId: string) {
  return db
    .select({
      id: contractCommitments.id,
      measureCode: measures.code,
      measureTitle: measures.title,
      unit: measures.unit,
      proxyPencePerUnit: measures.proxyPencePerUnit,
    })
    .from(contractCommitments)
    .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
    .where(eq(contractCommitments.contractId, contractId))
    .orderBy(asc(measures.code), asc(contractCommitments.id));
}

/** The commitments a case study shows, in the order chosen. */
export async function chosenCommitmentIds(db: DbOrTx, caseStudyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: caseStudyCommitments.commitmentId })
    .from(caseStudyCommitments)
    .where(eq(caseStudyCommitments.caseStudyId, caseStudyId))
    .orderBy(asc(caseStudyCommitments.position), asc(caseStudyCommitments.commitmentId));
  return rows.map((r) => r.id);
}

export async function imagesOf(db: DbOrTx, caseStudyId: string) {
  return db
    .select({
      id: caseStudyImages.id,
      altText: caseStudyImages.altText,
      filename: caseStudyImages.filename,
      contentType: caseStudyImages.contentType,
      sizeBytes: caseStudyImages.sizeBytes,
    })
    .from(caseStudyImages)
    .where(eq(caseStudyImages.caseStudyId, caseStudyId))
    .orderBy(asc(caseStudyImages.createdAt), asc(caseStudyImages.id));
}

export async function quotesOf(db: DbOrTx, caseStudyId: string) {
  return db
    .select({ id: caseStudyQuotes.id, text: caseStudyQuotes.text, attribution: caseStudyQuotes.attribution })
    .from(caseStudyQuotes)
    .where(eq(caseStudyQuotes.caseStudyId, caseStudyId))
    .orderBy(asc(caseStudyQuotes.createdAt), asc(caseStudyQuotes.id));
}

/** An image of a case study with its bytes, or null. */
export async function imageWithContent(db: DbOrTx, caseStudyId: string, imageId: string) {
  const [row] = await db
    .select({ contentType: caseStudyImages.contentType, sha256: caseStudyImages.sha256, data: caseStudyImageContent.data })
    .from(caseStudyImages)
    .innerJoin(caseStudyImageContent, eq(caseStudyImageContent.imageId, caseStudyImages.id))
    .where(and(eq(caseStudyImages.id, imageId), eq(caseStudyImages.caseStudyId, caseStudyId)));
  return row ?? null;
}

/** How many case studies wait for an officer's review (the officer's home page). */
export async function countInReview(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(caseStudies).where(eq(caseStudies.status, 'in_review'));
  return row?.n ?? 0;
}
