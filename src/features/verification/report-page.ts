import type { Db } from '../../db/client.js';
import { profiledInPeriod } from '../../domain/delivery-profile.js';
import { ragLabels } from '../../domain/rag.js';
import { formatQuantity } from '../../domain/quantity.js';
import { deliveryStatus } from '../contracts/delivery-status.js';
import { reportStatusLabels } from '../contracts/labels.js';
import { loadRemediation, type ContractRecord } from '../contracts/repository.js';
import { fileSize } from './file-size.js';
import { lineStatusLabels, lineStatusTags } from './labels.js';
import { lineLabel } from './line-label.js';
import { reportPeriodLabel } from '../../domain/report-period.js';
import { loadEvidence, loadLines, loadMessages, type LineRecord, type ReportRecord } from './repository.js';

/**
 * A line as both report pages show it: what was reported, its evidence, its status and its thread, and for a commitment
 * line what its profile asks for in the report's period (by the same rule as RAG, whatever the profile's periods).
 */
export async function lineViews(db: Db, lines: LineRecord[], period: { periodStart: string; periodEnd: string }) {
  const ids = lines.map((l) => l.id);
  const [messages, evidence] = await Promise.all([loadMessages(db, ids), loadEvidence(db, ids)]);
  return lines.map((line) => {
    const profiled = profiledInPeriod(line.profile ?? [], period.periodStart, period.periodEnd);
    return {
      ...line,
      label: lineLabel(line),
      additional: line.commitmentId === null,
      quantity: `${formatQuantity(line.quantityHundredths)} ${line.unit}`,
      profiled: line.commitmentId ? (profiled > 0 ? `${formatQuantity(profiled)} ${line.unit}` : 'Nothing profiled for this period') : null,
      statusLabel: lineStatusLabels[line.status],
      statusTag: lineStatusTags[line.status],
      messages: messages.filter((m) => m.lineId === line.id),
      evidence: evidence.filter((e) => e.lineId === line.id).map((e) => ({ ...e, size: fileSize(e.sizeBytes), shaPrefix: e.sha256.slice(0, 12) })),
    };
  });
}

/**
 * The council's view of a report: each line with its evidence and thread, and for each commitment line where its
 * commitment stands now (RAG from verified delivery) and whether it is red with no open remediation action.
 */
export async function loadReportPage(db: Db, contract: ContractRecord, report: ReportRecord, today: string) {
  const [lines, statuses, remediation] = await Promise.all([
    loadLines(db, report.id),
    deliveryStatus(db, [contract.id], today),
    loadRemediation(db, contract.id),
  ]);
  const rags = new Map(statuses.get(contract.id)!.commitments.map((c) => [c.commitmentId, c]));
  const views = await lineViews(db, lines, report);
  return {
    report: { ...report, label: reportPeriodLabel(contract, report), statusLabel: reportStatusLabels[report.status] },
    lines: views.map((line) => {
      const status = line.commitmentId ? rags.get(line.commitmentId) : undefined;
      return {
        ...line,
        rag: status
          ? {
              rag: status.rag,
              label: ragLabels[status.rag],
              delivered: formatQuantity(status.deliveredToDate),
              profiled: formatQuantity(status.profiledToDate),
              needsRemediation: status.rag === 'red' && !remediation.some((r) => r.commitmentId === line.commitmentId && r.status === 'open'),
            }
          : null,
      };
    }),
  };
}
