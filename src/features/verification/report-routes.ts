import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { hasAnyRole, staffRoles } from '../../platform/current-user.js';
import { flashMessages } from '../../platform/flash.js';
import { field } from '../../platform/forms.js';
import type { ContractRecord } from '../contracts/repository.js';
import { contractChangers } from '../contracts/route-support.js';
import { verifiers } from './access.js';
import { decideLine } from './decide-line.js';
import { readDecision, type DecisionValues } from './forms.js';
import { loadReportPage } from './report-page.js';
import { loadReport, type ReportRecord } from './repository.js';
import { answerPath, lineContext, lineInPath, reportInPath, reportPath } from './route-support.js';

const decisionFlash = flashMessages({
  verified: 'Line verified. It now counts as delivered.',
  queried: 'Question sent to the supplier. The line waits for their answer.',
  rejected: 'Line rejected. It does not count as delivered.',
});
const doneOf = { verify: 'verified', query: 'queried', reject: 'rejected' } as const;

const TOO_LATE = 'This line has already been decided, perhaps by someone else at the same time. Check its status below.';

interface PageExtras {
  /** the decision form that was sent, with its problems */
  form?: { lineId: string; values: DecisionValues; errors: Record<string, string> };
  errorList?: { text: string; href: string }[];
  flash?: string;
  /** the line just decided, to say when its commitment is left red */
  decidedLineId?: string;
}

/** The council's page of a delivery report, and a verifier's decision on each of its lines. */
export async function reportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const { baseUrl } = services.config;

  async function reportPage(request: FastifyRequest, reply: FastifyReply, found: { contract: ContractRecord; report: ReportRecord }, extras: PageExtras = {}) {
    const { contract, report } = found;
    const page = await loadReportPage(db, contract, report, todayIso());
    return reply.page('verification/views/report.njk', {
      pageTitle: `${page.report.label} delivery report for contract ${contract.reference}`,
      backLink: { href: `/contracts/${contract.id}#reports` },
      contract,
      ...page,
      canDecide: report.status !== 'draft' && hasAnyRole(request.user, verifiers),
      canRemediate: hasAnyRole(request.user, contractChangers),
      form: extras.form ?? null,
      errorList: extras.errorList,
      flash: extras.flash,
      decidedLineId: extras.decidedLineId,
    });
  }

  app.get('/contracts/:id/reports/:reportId', { config: { access: staffRoles } }, async (request, reply) => {
    const found = await reportInPath(db, request, reply);
    if (!found) return reply;
    // A draft is the supplier's until it is submitted: the council does not see it.
    if (found.report.status === 'draft') return reply.callNotFound();
    const flash = decisionFlash.of(request);
    if (!flash) return reportPage(request, reply, found);
    return reportPage(request, reply, found, { flash, decidedLineId: field(request.query, 'line') });
  });

  app.post('/contracts/:id/reports/:reportId/lines/:lineId/decision', { config: { access: verifiers } }, async (request, reply) => {
    const found = await lineInPath(db, request, reply);
    if (!found) return reply;
    const { contract, report, line } = found;
    // shown with the report as it is now, which another decision may have changed
    const refuse = async (text: string) =>
      reportPage(
        request,
        reply.code(409),
        { contract, report: (await loadReport(db, contract.id, report.id)) ?? report },
        { errorList: [{ text, href: `#line-${line.id}` }] },
      );
    if (report.status === 'draft') return reply.callNotFound(); // the council does not see a draft
    const reading = readDecision(request.body);
    if (!reading.ok) {
      const errorList = Object.entries(reading.errors).map(([name, text]) => ({ text, href: `#${name}-${line.id}` }));
      return reportPage(request, reply.code(400), found, { form: { lineId: line.id, values: reading.values, errors: reading.errors }, errorList });
    }
    const result = await decideLine(
      db,
      request.actor,
      {
        contract,
        reportId: report.id,
        lineId: line.id,
        line: lineContext(contract, report, line),
        answerLink: `${baseUrl}${answerPath(contract.id, report.id, line.id)}`,
      },
      reading,
    );
    if (result === 'not-submitted') return reply.callNotFound();
    if (result === 'already-decided') return refuse(TOO_LATE);
    return reply.redirect(`${decisionFlash.path(reportPath(contract.id, report.id), doneOf[reading.decision])}&line=${line.id}`, 303);
  });
}
