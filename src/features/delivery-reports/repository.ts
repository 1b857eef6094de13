import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  communityNeeds,
  contractCommitments,
  contracts,
  deliveryReports,
  evidenceFiles,
  frameworkVersions,
  measures,
  needPledges,
  organisations,
  reportLines,
  users,
} from '../../db/schema/index.js';

export async function loadReport(db: DbOrTx, contractId: string, reportId: string) {
  const [row] = await db
    .select({
      id: deliveryReports.id,
      contractId: deliveryReports.contractId,
      periodStart: deliveryReports.periodStart,
      periodEnd: deliveryReports.periodEnd,
      dueDate: deliveryReports.dueDate,
      status: deliveryReports.status,
      revision: deliveryReports.revision,
      submittedAt: deliveryReports.submittedAt,
      submittedByName: users.name,
    })
    .from(deliveryReports)
    .leftJoin(users, eq(users.id, deliveryReports.submittedBy))
    .where(and(eq(deliveryReports.id, reportId), eq(deliveryReports.contractId, contractId)));
  return row ?? null;
}

export type ReportRecord = NonNullable<Awaited<ReturnType<typeof loadReport>>>;

/**
 * A report's lines with their measures, ordered by measure. A line made from a met pledge on the community needs board
 * names its pledge and the organisation that confirmed it (`pledgeId`, `pledgeTo`); the supplier does not edit it.
 */
export async function loadLines(db: DbOrTx, reportId: string) {
  return db
    .select({
      id: reportLines.id,
      commitmentId: reportLines.commitmentId,
      pledgeId: needPledges.id,
      pledgeTo: organisations.name,
      measureId: reportLines.measureId,
      code: measures.code,
      title: measures.title,
      unit: measures.unit,
      quantityHundredths: reportLines.quantityHundredths,
      narrative: reportLines.narrative,
      districts: reportLines.districts,
      status: reportLines.status,
    })
    .from(reportLines)
    .innerJoin(measures, eq(measures.id, reportLines.measureId))
    .leftJoin(needPledges, eq(needPledges.reportLineId, reportLines.id))
    .leftJoin(communityNeeds, eq(communityNeeds.id, needPledges.needId))
    .leftJoin(organisations, eq(organisations.id, communityNeeds.organisationId))
    .where(eq(reportLines.reportId, reportId))
    .orderBy(asc(measures.code), asc(reportLines.id));
}

export type LineRecord = Awaited<ReturnType<typeof loadLines>>[number];

/** The evidence files of some lines, oldest first. */
export async function loadEvidence(db: DbOrTx, lineIds: readonly string[]) {
  if (lineIds.length === 0) return [];
  return db
    .select({
      id: evidenceFiles.id,
      lineId: evidenceFiles.lineId,
      filename: evidenceFiles.filename,
      contentType: evidenceFiles.contentType,
      sizeBytes: evidenceFiles.sizeBytes,
      sha256: evidenceFiles.sha256,
      createdAt: evidenceFiles.createdAt,
    })
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.lineId, [...lineIds]))
    .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id));
}

export type EvidenceRecord = Awaited<ReturnType<typeof loadEvidence>>[number];

/** An evidence file with what decides who may see or remove it. */
export async function loadEvidenceFile(db: DbOrTx, fileId: string) {
  const [row] = await db
    .select({
      id: evidenceFiles.id,
      filename: evidenceFiles.filename,
      contentType: evidenceFiles.contentType,
      sizeBytes: evidenceFiles.sizeBytes,
      sha256: evidenceFiles.sha256,
      lineId: evidenceFiles.lineId,
      reportId: deliveryReports.id,
      reportStatus: deliveryReports.status,
      contractId: contracts.id,
      supplierId: contracts.supplierId,
    })
    .from(evidenceFiles)
    .innerJoin(reportLines, eq(reportLines.id, evidenceFiles.lineId))
    .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
    .innerJoin(contracts, eq(contracts.id, deliveryReports.contractId))
    .where(eq(evidenceFiles.id, fileId));
  return row ?? null;
}

/** The measures additional social value may be reported against: the contract's framework version, else the active one. */
export async function reportableMeasures(db: DbOrTx, frameworkVersionId: string | null) {
  const version = frameworkVersionId
    ? eq(measures.versionId, frameworkVersionId)
    : inArray(measures.versionId, db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active')));
  return db
    .select({ id: measures.id, code: measures.code, title: measures.title, unit: measures.unit })
    .from(measures)
    .where(version)
    .orderBy(asc(measures.code));
}

export type MeasureChoice = Awaited<ReturnType<typeof reportableMeasures>>[number];

/** The reports of some contracts (period and status), for their schedules. */
export async function reportsOfContracts(db: DbOrTx, contractIds: readonly string[]) {
  if (contractIds.length === 0) return [];
  return db
    .select({ id: deliveryReports.id, contractId: deliveryReports.contractId, periodStart: deliveryReports.periodStart, status: deliveryReports.status })
    .from(deliveryReports)
    .where(inArray(deliveryReports.contractId, [...contractIds]));
}

/** A supplier organisation's contracts with the council, newest first. */
export async function supplierContracts(db: DbOrTx, organisationId: string) {
  return db
    .select({
      id: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      valuePence: contracts.valuePence,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      reportingFrequency: contracts.reportingFrequency,
    })
    .from(contracts)
    .where(eq(contracts.supplierId, organisationId))
    .orderBy(desc(contracts.startDate), asc(contracts.reference));
}

/** The lines of a supplier's reports that the council has queried and that wait for an answer. */
export async function queriedLines(db: DbOrTx, organisationId: string) {
  return db
    .select({
      lineId: reportLines.id,
      reportId: deliveryReports.id,
      contractId: contracts.id,
      reference: contracts.reference,
      periodStart: deliveryReports.periodStart,
      periodEnd: deliveryReports.periodEnd,
      code: measures.code,
      title: measures.title,
    })
    .from(reportLines)
    .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
    .innerJoin(contracts, eq(contracts.id, deliveryReports.contractId))
    .innerJoin(measures, eq(measures.id, reportLines.measureId))
    .where(and(eq(contracts.supplierId, organisationId), eq(reportLines.status, 'queried')))
    .orderBy(asc(contracts.reference), asc(deliveryReports.periodStart), asc(measures.code));
}

/** Verified quantities a supplier delivered, by measure, against commitments or as additional social value. */
export async function verifiedByMeasure(db: DbOrTx, organisationId: string) {
  const quantity = sql<string>`sum(${reportLines.quantityHundredths})`;
  return db
    .select({ code: measures.code, title: measures.title, unit: measures.unit, additional: sql<boolean>`${isNull(reportLines.commitmentId)}`, quantity })
    .from(reportLines)
    .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
    .innerJoin(contracts, eq(contracts.id, deliveryReports.contractId))
    .innerJoin(measures, eq(measures.id, reportLines.measureId))
    .where(and(eq(contracts.supplierId, organisationId), eq(reportLines.status, 'verified')))
    .groupBy(measures.code, measures.title, measures.unit, isNull(reportLines.commitmentId))
    .orderBy(asc(measures.code));
}

/** A contract's commitments with their measures (what each report line is expected for). */
export async function commitmentsToReport(db: DbOrTx, contractId: string) {
  return db
    .select({ id: contractCommitments.id, measureId: contractCommitments.measureId, code: measures.code, title: measures.title, unit: measures.unit })
    .from(contractCommitments)
    .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
    .where(eq(contractCommitments.contractId, contractId))
    .orderBy(asc(contractCommitments.createdAt), asc(contractCommitments.id));
}

export type CommitmentToReport = Awaited<ReturnType<typeof commitmentsToReport>>[number];

/** The contract manager's email, when the contract has an active one. */
export async function managerOf(db: DbOrTx, contractId: string) {
  const [row] = await db
    .select({ email: users.email, name: users.name })
    .from(contracts)
    .innerJoin(users, eq(users.id, contracts.contractManagerId))
    .where(and(eq(contracts.id, contractId), eq(users.active, true)));
  return row ?? null;
}

/**
 * Whether evidence may still be added to a line (its report a draft, or the line queried), locking both rows until
 * the transaction ends: a report submitted while a file is uploading waits for it, and one submitted before is refused.
 */
export async function evidenceStillAccepted(tx: DbOrTx, lineId: string): Promise<boolean> {
  const [row] = await tx
    .select({ report: deliveryReports.status, line: reportLines.status })
    .from(reportLines)
    .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
    .where(eq(reportLines.id, lineId))
    .for('share');
  return !!row && (row.report === 'draft' || row.line === 'queried');
}
