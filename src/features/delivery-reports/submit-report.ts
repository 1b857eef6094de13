import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deliveryReports } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueMail, type MailMessage } from '../../platform/mail.js';
import { COUNCIL_NAME } from '../../platform/views.js';
import type { ContractRecord } from '../contracts/repository.js';
import { managerOf, type CommitmentToReport, type LineRecord } from './repository.js';

/** The commitments that have no line yet: a report is complete when every commitment has one (0 with a reason is a line). */
export function missingCommitments(commitments: readonly CommitmentToReport[], lines: readonly LineRecord[]): CommitmentToReport[] {
  const reported = new Set(lines.map((l) => l.commitmentId));
  return commitments.filter((c) => !reported.has(c.id));
}

export type SubmitOutcome = 'submitted' | 'changed' | 'already-submitted';

export interface SubmitRequest {
  contract: ContractRecord;
  reportId: string;
  periodLabel: string;
  revision: number;
  submittedBy: { id: string; name: string; organisationName: string };
  reportLink: string;
}

function waitingForVerificationEmail(to: { email: string; name: string }, request: SubmitRequest): MailMessage {
  const { contract, periodLabel, submittedBy, reportLink } = request;
  return {
    to: to.email,
    subject: `Delivery report to verify: ${contract.reference}, ${periodLabel}`,
    text: [
      `Dear ${to.name},`,
      '',
      `${submittedBy.name} of ${submittedBy.organisationName} submitted the ${periodLabel} delivery report on contract ${contract.reference}: ${contract.title}.`,
      '',
      'It waits for you to verify each line, or to query what needs more evidence:',
      reportLink,
      '',
      COUNCIL_NAME,
    ].join('\n'),
  };
}

/**
 * Submits a draft at the revision the check page showed: its lines are then frozen for the supplier, and the contract
 * manager is told once. A second submit (a double click, an old form) changes nothing and says the report was submitted.
 */
export async function submitReport(db: Db, actor: Actor, request: SubmitRequest): Promise<SubmitOutcome> {
  const { contract, reportId, periodLabel, revision, submittedBy } = request;
  return withAudit(db, actor, `Submitted the ${periodLabel} report on contract ${contract.reference}`, async (tx) => {
    const done = await tx
      .update(deliveryReports)
      .set({ status: 'submitted', submittedAt: sql`now()`, submittedBy: submittedBy.id, revision: sql`${deliveryReports.revision} + 1`, updatedAt: sql`now()` })
      .where(and(eq(deliveryReports.id, reportId), eq(deliveryReports.status, 'draft'), eq(deliveryReports.revision, revision)))
      .returning({ id: deliveryReports.id });
    if (done.length === 0) {
      const [report] = await tx.select({ status: deliveryReports.status }).from(deliveryReports).where(eq(deliveryReports.id, reportId));
      return report?.status === 'draft' ? 'changed' : 'already-submitted';
    }
    const manager = await managerOf(tx, contract.id);
    if (manager) await queueMail(tx, waitingForVerificationEmail(manager, request));
    return 'submitted';
  });
}
