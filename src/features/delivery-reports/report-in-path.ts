import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { formatDate } from '../../domain/dates.js';
import { reportingPeriods } from '../../domain/reporting-periods.js';
import { isUuid } from '../../platform/forms.js';
import type { ContractRecord } from '../contracts/repository.js';
import { contractInPath, param } from '../contracts/route-support.js';
import { loadReport, type ReportRecord } from './repository.js';

export interface ReportContext {
  contract: ContractRecord;
  report: ReportRecord;
  /** "July to September 2026" */
  label: string;
  /** /supplier/contracts/:id/reports/:reportId */
  path: string;
}

export const reportPath = (contractId: string, reportId: string) => `/supplier/contracts/${contractId}/reports/${reportId}`;

/** The period's name in the contract's schedule, or its dates when the schedule has changed since. */
export function periodLabel(contract: Pick<ContractRecord, 'startDate' | 'endDate' | 'reportingFrequency'>, periodStart: string, periodEnd: string): string {
  const period = reportingPeriods(contract.startDate, contract.endDate, contract.reportingFrequency).find((p) => p.periodStart === periodStart && p.periodEnd === periodEnd);
  return period?.label ?? `${formatDate(periodStart)} to ${formatDate(periodEnd)}`;
}

/** The contract (:id) and its report (:reportId) in the path, if this user may see them; otherwise null after the 404 page. */
export async function reportInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<ReportContext | null> {
  const contract = await contractInPath(db, request, reply);
  if (!contract) return null;
  const reportId = param(request, 'reportId');
  const report = isUuid(reportId) ? await loadReport(db, contract.id, reportId) : null;
  if (!report) {
    reply.callNotFound();
    return null;
  }
  return { contract, report, label: periodLabel(contract, report.periodStart, report.periodEnd), path: reportPath(contract.id, report.id) };
}
