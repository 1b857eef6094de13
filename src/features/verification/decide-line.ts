import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { lineMessages, reportLines } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueMail } from '../../platform/mail.js';
import { supplierContacts } from '../tenders/repository.js';
import { queryEmail, type LineContext } from './emails.js';
import type { LineDecision } from './forms.js';
import { lockSubmittedReport, refreshReportStatus } from './report-status.js';

export type DecideResult = 'decided' | 'already-decided' | 'not-submitted';

const verbs = { verify: 'Verified', query: 'Queried', reject: 'Rejected' } as const;
const lineStatusOf = { verify: 'verified', query: 'queried', reject: 'rejected' } as const;

export interface DecisionTarget {
  contract: { id: string; reference: string; supplierId: string };
  reportId: string;
  lineId: string;
  line: LineContext;
  /** where the supplier answers a query */
  answerLink: string;
}

/**
 * Decides a pending line of a submitted report, keeps the question, reason or note in its thread, sets the
 * report's status from its lines, and asks the supplier's users by email to answer a query. The report is locked
 * and the line changes only while still pending, so of two decisions at once the second is told it came too late.
 * A decision is final: only the supplier's answer to a query puts a line back to pending.
 */
export async function decideLine(db: Db, actor: Actor, target: DecisionTarget, decision: LineDecision): Promise<DecideResult> {
  const action = `${verbs[decision.decision]} a line of the ${target.line.periodLabel} report on contract ${target.contract.reference}`;
  return withAudit(db, actor, action, async (tx) => {
    if (!(await lockSubmittedReport(tx, target.reportId))) return 'not-submitted';
    const decided = await tx
      .update(reportLines)
      .set({ status: lineStatusOf[decision.decision], decidedBy: actor.id, decidedAt: new Date() })
      .where(and(eq(reportLines.id, target.lineId), eq(reportLines.reportId, target.reportId), eq(reportLines.status, 'pending')))
      .returning({ id: reportLines.id });
    if (decided.length === 0) return 'already-decided';
    if (decision.note) await tx.insert(lineMessages).values({ lineId: target.lineId, authorId: actor.id!, body: decision.note });
    await refreshReportStatus(tx, target.reportId);
    if (decision.decision === 'query') {
      for (const person of await supplierContacts(tx, [target.contract.supplierId])) {
        await queueMail(tx, queryEmail(person, target.line, decision.note!, target.answerLink));
      }
    }
    return 'decided';
  });
}
