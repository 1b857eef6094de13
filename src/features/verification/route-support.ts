import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { ContractRecord } from '../contracts/repository.js';
import { uuidParam } from '../../platform/route-params.js';
import type { LineContext } from './emails.js';
import { lineLabel } from './line-label.js';
import { reportPeriodLabel } from '../../domain/report-period.js';
import { reportInPath } from '../delivery-reports/report-in-path.js';
import { loadLines, type LineRecord, type ReportRecord } from './repository.js';

export { reportInPath };

/** As reportInPath, with one line of that report (:lineId); a line of another report is not found. */
export async function lineInPath(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ contract: ContractRecord; report: ReportRecord; line: LineRecord } | null> {
  const found = await reportInPath(db, request, reply);
  if (!found) return null;
  const lineId = uuidParam(request, 'lineId');
  const [line] = lineId ? await loadLines(db, found.report.id, lineId) : [];
  if (!line) {
    reply.callNotFound();
    return null;
  }
  return { ...found, line };
}

export const reportPath = (contractId: string, reportId: string) => `/contracts/${contractId}/reports/${reportId}`;
export const answerPath = (contractId: string, reportId: string, lineId: string) => `/supplier/contracts/${contractId}/reports/${reportId}/lines/${lineId}`;

/** What an email or an audit entry says about a line. */
export function lineContext(contract: ContractRecord, report: ReportRecord, line: LineRecord): LineContext {
  return { contractReference: contract.reference, contractTitle: contract.title, periodLabel: reportPeriodLabel(contract, report), lineLabel: lineLabel(line) };
}
