import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import type { ContractRecord } from '../contracts/repository.js';
import { contractInPath } from '../contracts/route-support.js';
import { recordInPath } from '../../platform/route-params.js';
import { reportPeriodLabel } from '../../domain/report-period.js';
import { loadReport, type ReportRecord } from './repository.js';

/** Who works on delivery reports here: supplier users, on their own organisation's contracts only. */
export const suppliers = ['supplier'] as const satisfies readonly Role[];

export interface ReportContext {
  contract: ContractRecord;
  report: ReportRecord;
  /** "July to September 2026" */
  label: string;
  /** /supplier/contracts/:id/reports/:reportId */
  path: string;
}

export const reportPath = (contractId: string, reportId: string) => `/supplier/contracts/${contractId}/reports/${reportId}`;

/** The contract (:id) and its report (:reportId) in the path, if this user may see them; otherwise null after the 404 page. */
export async function reportInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<ReportContext | null> {
  const contract = await contractInPath(db, request, reply);
  if (!contract) return null;
  const report = await recordInPath(request, reply, 'reportId', (reportId) => loadReport(db, contract.id, reportId));
  if (!report) return null;
  return { contract, report, label: reportPeriodLabel(contract, report), path: reportPath(contract.id, report.id) };
}
