import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { contracts, evidenceChunks, evidenceFiles, mailOutbox } from '../../src/db/schema/index.js';
import { todayIso } from '../../src/domain/dates.js';
import { reportingPeriods } from '../../src/domain/reporting-periods.js';
import { image, pdfOfSize } from '../helpers/evidence-files.js';
import { demoMeasures, insertContract, organisationOf, quarters, userId } from './contracts-fixtures.js';

/** A one-page PDF, a small PNG, and a Linux program: what a disguised executable looks like. */
export const PDF = await pdfOfSize();
export const PNG = await image('png', 4);
export const ELF = Buffer.concat([Buffer.from('7f454c4602010100', 'hex'), Buffer.alloc(4000, 7)]);
export { pdfOfSize };

export const file = (name: string, content: Buffer, type = 'application/pdf') => ({ field: 'files', name, type, content });

/**
 * A quarterly contract of the demo supplier with two commitments, running from April two years ago for five years, so
 * that whatever today is, at least eight of its periods have ended and one has not.
 */
export async function reportingContract(db: Db) {
  const m = await demoMeasures(db);
  const today = todayIso();
  const year = Number(today.slice(0, 4)) - 2;
  const contract = await insertContract(db, {
    supplierId: await organisationOf(db, 'supplier@supplier.example'),
    managerId: await userId(db, 'manager@council.example'),
    frameworkVersionId: m.versionId,
    commitments: [
      { measureId: m.valued.id, quantityHundredths: 800, profile: quarters(200) },
      { measureId: m.valued2.id, quantityHundredths: 400, profile: quarters(100) },
    ],
  });
  const startDate = `${year}-04-01`;
  const endDate = `${year + 5}-03-31`;
  await db.update(contracts).set({ startDate, endDate }).where(eq(contracts.id, contract.id));
  const periods = reportingPeriods(startDate, endDate, 'quarterly');
  const ended = periods.filter((p) => p.periodEnd < today);
  const notEnded = periods.find((p) => p.periodEnd >= today)!;
  return { ...contract, m, ended, notEnded, lastEnded: ended[ended.length - 1]! };
}

export async function evidenceCounts(db: Db, lineIds: string[]) {
  const files = await db
    .select({
      id: evidenceFiles.id,
      filename: evidenceFiles.filename,
      sha256: evidenceFiles.sha256,
      sizeBytes: evidenceFiles.sizeBytes,
      contentType: evidenceFiles.contentType,
    })
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.lineId, lineIds));
  const [chunks] = await db.select({ n: count() }).from(evidenceChunks);
  return { files, chunks: chunks!.n };
}

export async function mailTo(db: Db, email: string) {
  return db.select({ subject: mailOutbox.subject, text: mailOutbox.text }).from(mailOutbox).where(eq(mailOutbox.to, email));
}

/** The report id in a redirect to a report page. */
export function reportIdIn(location: string | undefined): string {
  const match = /\/reports\/([0-9a-f-]{36})/.exec(location ?? '');
  if (!match) throw new Error(`not a report address: ${location}`);
  return match[1]!;
}
