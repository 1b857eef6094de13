import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { reportFiles } from '../../db/schema/index.js';
import type { ReportKind } from './report-periods.js';

/** Finished PDFs are kept this long (then forgotten: the report can be made again). */
export const KEEP_READY_HOURS = 24;

/** What the status page shows of a report's PDF: everything but the file's bytes. */
const summary = {
  id: reportFiles.id,
  kind: reportFiles.kind,
  period: reportFiles.period,
  status: reportFiles.status,
  step: reportFiles.step,
  percent: reportFiles.percent,
  requestedBy: reportFiles.requestedBy,
  requestedAt: reportFiles.requestedAt,
  producedOn: reportFiles.producedOn,
  attempts: reportFiles.attempts,
  error: reportFiles.error,
  byteSize: reportFiles.byteSize,
  finishedAt: reportFiles.finishedAt,
};

export type ReportFile = NonNullable<Awaited<ReturnType<typeof loadReportFile>>>;

/**
 * Asks for a report's PDF to be made, or joins the one the same person already asked for that is still being made
 * (so that reloading the address does not queue the work twice). Returns its id.
 */
export async function requestReportFile(
  db: Db,
  request: { kind: ReportKind; period: string; requestedBy: string | null; producedOn: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [waiting] = await tx
      .select({ id: reportFiles.id })
      .from(reportFiles)
      .where(
        and(
          inArray(reportFiles.status, ['queued', 'running']),
          eq(reportFiles.kind, request.kind),
          eq(reportFiles.period, request.period),
          eq(reportFiles.producedOn, request.producedOn),
          request.requestedBy ? eq(reportFiles.requestedBy, request.requestedBy) : isNull(reportFiles.requestedBy),
        ),
      )
      .limit(1);
    if (waiting) return waiting.id;
    const [row] = await tx.insert(reportFiles).values(request).returning({ id: reportFiles.id });
    return row!.id;
  });
}

export async function loadReportFile(db: DbOrTx, id: string) {
  const [row] = await db.select(summary).from(reportFiles).where(eq(reportFiles.id, id));
  return row ?? null;
}

/** The bytes of a PDF that is ready, or null. */
export async function reportFileBytes(db: DbOrTx, id: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ pdf: reportFiles.pdf })
    .from(reportFiles)
    .where(and(eq(reportFiles.id, id), eq(reportFiles.status, 'ready')));
  return row?.pdf ?? null;
}

/**
 * Claims the oldest PDF waiting to be made (or one whose maker stopped: its lease ran out), with FOR UPDATE SKIP
 * LOCKED and a lease, so that of several instances on one database only one makes it. Null when none waits.
 */
export async function claimReportFile(db: Db, leaseMs: number) {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: reportFiles.id })
      .from(reportFiles)
      .where(and(inArray(reportFiles.status, ['queued', 'running']), or(isNull(reportFiles.lockedUntil), lt(reportFiles.lockedUntil, sql`now()`))))
      .orderBy(asc(reportFiles.requestedAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return null;
    const [claimed] = await tx
      .update(reportFiles)
      .set({
        status: 'running',
        lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
        attempts: sql`${reportFiles.attempts} + 1`,
      })
      .where(eq(reportFiles.id, next.id))
      .returning(summary);
    return claimed!;
  });
}

export async function recordProgress(db: DbOrTx, id: string, step: string, percent: number): Promise<void> {
  await db.update(reportFiles).set({ step, percent }).where(eq(reportFiles.id, id));
}

export async function finishReportFile(db: DbOrTx, id: string, pdf: Buffer, figuresKey: string): Promise<void> {
  await db
    .update(reportFiles)
    .set({ status: 'ready', step: 'Ready', percent: 100, pdf, byteSize: pdf.length, figuresKey, error: null, lockedUntil: null, finishedAt: sql`now()` })
    .where(eq(reportFiles.id, id));
}

/** The bytes of the latest finished PDF of a report whose figures key is `figuresKey` (it says the same), or null. */
export async function readyReportPdf(db: DbOrTx, report: { kind: ReportKind; period: string; figuresKey: string }): Promise<Buffer | null> {
  const [row] = await db
    .select({ pdf: reportFiles.pdf })
    .from(reportFiles)
    .where(
      and(
        eq(reportFiles.status, 'ready'),
        eq(reportFiles.kind, report.kind),
        eq(reportFiles.period, report.period),
        eq(reportFiles.figuresKey, report.figuresKey),
      ),
    )
    .orderBy(desc(reportFiles.finishedAt))
    .limit(1);
  return row?.pdf ?? null;
}

/** Keeps a PDF made at once (not by the worker: for a link to the report), ready to be served again. */
export async function saveReadyReportFile(db: DbOrTx, file: { kind: ReportKind; period: string; producedOn: string; figuresKey: string; pdf: Buffer }) {
  await db.insert(reportFiles).values({
    ...file,
    requestedBy: null,
    status: 'ready',
    step: 'Ready',
    percent: 100,
    byteSize: file.pdf.length,
    finishedAt: sql`now()`,
  });
}

export async function failReportFile(db: DbOrTx, id: string, error: string): Promise<void> {
  await db
    .update(reportFiles)
    .set({ status: 'failed', step: 'Failed', error, lockedUntil: null, finishedAt: sql`now()` })
    .where(eq(reportFiles.id, id));
}

/** Forgets PDFs finished more than `hours` ago: their figures are out of date, and the report can be made again. */
export async function deleteOldReportFiles(db: DbOrTx, hours: number): Promise<number> {
  const deleted = await db
    .delete(reportFiles)
    .where(lt(reportFiles.finishedAt, sql`now() - make_interval(hours => ${hours})`))
    .returning({ id: reportFiles.id });
  return deleted.length;
}
