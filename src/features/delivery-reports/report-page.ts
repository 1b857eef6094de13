import type { Db } from '../../db/client.js';
import { formatQuantity } from '../../domain/quantity.js';
import { lineStatusTags } from '../verification/labels.js';
import { unitWords } from './line-form.js';
import type { ReportContext } from './report-in-path.js';
import { commitmentsToReport, loadEvidence, loadLines, type EvidenceRecord, type LineRecord } from './repository.js';
import { missingCommitments } from './submit-report.js';

/** Line statuses as the supplier reads them (the council's pages word them for the verifier). */
export const lineStatusLabels = { pending: 'Waiting for verification', verified: 'Verified', queried: 'Queried', rejected: 'Rejected' } as const;

export function lineView(line: LineRecord, evidence: readonly EvidenceRecord[]) {
  return {
    ...line,
    quantity: formatQuantity(line.quantityHundredths),
    unitText: unitWords(line.unit),
    statusLabel: lineStatusLabels[line.status],
    tagClass: lineStatusTags[line.status],
    evidence: evidence.filter((e) => e.lineId === line.id),
  };
}

export type LineView = ReturnType<typeof lineView>;

/** A report with a row for each commitment (and its line once entered), its additional lines, its lines from met pledges, and their evidence. */
export async function loadReportPage(db: Db, { contract, report }: ReportContext) {
  const [commitments, lines] = await Promise.all([commitmentsToReport(db, contract.id), loadLines(db, report.id)]);
  const evidence = await loadEvidence(
    db,
    lines.map((l) => l.id),
  );
  // lines made from met pledges are shown on their own: they are neither the commitment's own line nor the supplier's to change
  const ownLines = lines.filter((l) => !l.pledgeId);
  const byCommitment = new Map(ownLines.filter((l) => l.commitmentId).map((l) => [l.commitmentId!, lineView(l, evidence)]));
  return {
    commitments: commitments.map((c) => ({ ...c, unitText: unitWords(c.unit), line: byCommitment.get(c.id) ?? null })),
    additional: ownLines.filter((l) => !l.commitmentId).map((l) => lineView(l, evidence)),
    pledged: lines.filter((l) => l.pledgeId).map((l) => lineView(l, evidence)),
    missing: missingCommitments(commitments, ownLines),
    editable: report.status === 'draft',
  };
}
