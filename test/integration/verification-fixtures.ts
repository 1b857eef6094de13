import { eq, like } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { deliveryReports, evidenceFiles, lineMessages, mailOutbox, reportLines } from '../../src/db/schema/index.js';
import { demoMeasures, insertContract, organisationOf, quarters, userId } from './contracts-fixtures.js';

/**
 * A contract of Charnwood Care Services Ltd managed by the demo contract manager, with one commitment of 800
 * (200 a quarter over the 2025 to 2026 financial year, all due by now: red until delivery is verified), and a
 * second one of another measure, so that a report can carry two commitment lines and an additional one.
 */
export async function verificationContract(db: Db, options: { managed?: boolean; supplierEmail?: string; title?: string } = {}) {
  const m = await demoMeasures(db);
  const contract = await insertContract(db, {
    supplierId: await organisationOf(db, options.supplierEmail ?? 'supplier@supplier.example'),
    managerId: options.managed === false ? null : await userId(db, 'manager@council.example'),
    frameworkVersionId: m.versionId,
    ...(options.title ? { title: options.title } : {}),
    commitments: [
      { measureId: m.valued.id, quantityHundredths: 80_000, profile: quarters(20_000) },
      { measureId: m.valued2.id, quantityHundredths: 4_000, profile: quarters(1_000) },
    ],
  });
  return { ...contract, measures: m };
}

export interface SubmittedLine {
  commitmentId: string | null;
  measureId: string;
  quantityHundredths: number;
  narrative?: string;
  districts?: string[];
}

/** A report as the supplier submits it: status submitted, every line pending. */
export async function insertSubmittedReport(
  db: Db,
  contractId: string,
  period: { periodStart: string; periodEnd: string },
  lines: SubmittedLine[],
  options: { status?: 'draft' | 'submitted'; submittedBy?: string } = {},
) {
  const status = options.status ?? 'submitted';
  const submittedBy = status === 'submitted' ? (options.submittedBy ?? (await userId(db, 'supplier@supplier.example'))) : null;
  const [report] = await db
    .insert(deliveryReports)
    .values({ contractId, ...period, dueDate: period.periodEnd, status, submittedAt: submittedBy ? new Date('2025-07-10T09:30:00Z') : null, submittedBy })
    .returning({ id: deliveryReports.id });
  const inserted = await db
    .insert(reportLines)
    .values(lines.map((l) => ({ reportId: report!.id, narrative: '', districts: [], ...l })))
    .returning({ id: reportLines.id });
  return { reportId: report!.id, lineIds: inserted.map((l) => l.id) };
}

/** Evidence metadata as the upload would leave it (its content is not needed here). */
export async function insertEvidence(db: Db, lineId: string, uploadedBy: string) {
  const [file] = await db
    .insert(evidenceFiles)
    .values({ lineId, filename: 'payroll-extract.pdf', contentType: 'application/pdf', sizeBytes: 15_360, sha256: 'ab12cd34ef56'.padEnd(64, '0'), uploadedBy })
    .returning({ id: evidenceFiles.id });
  return file!.id;
}

export const period2025Q1 = { periodStart: '2025-04-01', periodEnd: '2025-06-30' };
export const period2025Q2 = { periodStart: '2025-07-01', periodEnd: '2025-09-30' };

export async function lineRow(db: Db, lineId: string) {
  const [row] = await db.select().from(reportLines).where(eq(reportLines.id, lineId));
  return row!;
}

export async function reportStatus(db: Db, reportId: string) {
  const [row] = await db.select({ status: deliveryReports.status }).from(deliveryReports).where(eq(deliveryReports.id, reportId));
  return row!.status;
}

export async function threadOf(db: Db, lineId: string) {
  return db
    .select({ body: lineMessages.body, authorId: lineMessages.authorId })
    .from(lineMessages)
    .where(eq(lineMessages.lineId, lineId))
    .orderBy(lineMessages.createdAt, lineMessages.id);
}

/** Emails queued whose subject mentions the contract reference. */
export async function mailAbout(db: Db, reference: string) {
  return db
    .select({ to: mailOutbox.to, subject: mailOutbox.subject, text: mailOutbox.text })
    .from(mailOutbox)
    .where(like(mailOutbox.subject, `%${reference}%`))
    .orderBy(mailOutbox.id);
}
