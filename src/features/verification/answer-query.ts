import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { lineMessages, reportLines } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueMail } from '../../platform/mail.js';
import { answerEmail, type LineContext } from './emails.js';
import { correctionText, type Answer } from './forms.js';
import { lockSubmittedReport, refreshReportStatus } from './report-status.js';
import { managerOf } from '../delivery-reports/repository.js';

export interface AnswerTarget {
  contract: { id: string; reference: string; supplierName: string };
  reportId: string;
  lineId: string;
  unit: string;
  line: LineContext;
  /** where the contract manager decides the line again */
  reportLink: string;
}

/**
 * The supplier's answer to a query: kept in the line's thread (with what it corrected), the correction applied to
 * the line (the audit trail keeps the values before it), the line back to pending for a new decision, the report's
 * status set from its lines, and the contract manager told by email. False when the line is no longer queried.
 */
export async function answerQuery(db: Db, actor: Actor, target: AnswerTarget, answer: Answer): Promise<boolean> {
  const action = `Answered a query on a line of the ${target.line.periodLabel} report on contract ${target.contract.reference}`;
  return withAudit(db, actor, action, async (tx) => {
    if (!(await lockSubmittedReport(tx, target.reportId))) return false;
    const [before] = await tx
      .select({ quantityHundredths: reportLines.quantityHundredths, narrative: reportLines.narrative })
      .from(reportLines)
      .where(and(eq(reportLines.id, target.lineId), eq(reportLines.reportId, target.reportId), eq(reportLines.status, 'queried')));
    if (!before) return false;
    await tx
      .update(reportLines)
      .set({ status: 'pending', quantityHundredths: answer.quantityHundredths, narrative: answer.narrative, decidedBy: null, decidedAt: null })
      .where(eq(reportLines.id, target.lineId));
    const correction = correctionText(before, answer, target.unit);
    await tx
      .insert(lineMessages)
      .values({ lineId: target.lineId, authorId: actor.id!, body: correction ? `${answer.answer}\n\n${correction}` : answer.answer });
    await refreshReportStatus(tx, target.reportId);
    const manager = await managerOf(tx, target.contract.id);
    if (manager) await queueMail(tx, answerEmail(manager, target.line, target.contract.supplierName, target.reportLink));
    return true;
  });
}
