import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { field } from '../../platform/forms.js';
import { contractInPath } from '../contracts/route-support.js';
import { param } from '../../platform/route-params.js';
import { evidenceRoutes } from './evidence-routes.js';
import { lineRoutes } from './line-routes.js';
import { reportFlash } from './flash.js';
import { revisionOf } from './line-form.js';
import { reportInPath, reportPath, suppliers, type ReportContext } from './report-in-path.js';
import { loadReportPage } from './report-page.js';
import { startReport } from './start-report.js';
import { submitReport } from './submit-report.js';
import { loadSupplierHome } from './supplier-home.js';

/** The supplier's home and its delivery reports: start one for an ended period, fill it in, check it and submit it. */
export async function deliveryReportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  app.get('/supplier', { config: { access: suppliers } }, async (request, reply) =>
    reply.page('delivery-reports/views/home.njk', {
      pageTitle: 'Your contracts',
      ...(await loadSupplierHome(db, request.user!.organisationId, todayIso())),
    }),
  );

  app.post('/supplier/contracts/:id/periods/:periodStart', { config: { access: suppliers } }, async (request, reply) => {
    const contract = await contractInPath(db, request, reply);
    if (!contract) return reply;
    const started = await startReport(db, request.actor, contract, param(request, 'periodStart'), todayIso());
    if (!started.ok) {
      return reply.code(400).page('delivery-reports/views/not-started.njk', {
        pageTitle: 'This report cannot be started',
        backLink: { href: `/contracts/${contract.id}#reports` },
        contract,
        problem: started.problem,
      });
    }
    return reply.redirect(reportPath(contract.id, started.reportId), 303);
  });

  app.get('/supplier/contracts/:id/reports/:reportId', { config: { access: suppliers } }, async (request, reply) => {
    const context = await reportInPath(db, request, reply);
    if (!context) return reply;
    return reply.page('delivery-reports/views/report.njk', {
      pageTitle: `${context.label} report: ${context.contract.reference}`,
      backLink: { href: `/contracts/${context.contract.id}#reports` },
      ...context,
      ...(await loadReportPage(db, context)),
      flash: reportFlash.of(request),
    });
  });

  async function checkPage(reply: FastifyReply, context: ReportContext, extra: Record<string, unknown> = {}) {
    return reply.page('delivery-reports/views/check.njk', {
      pageTitle: `Check the ${context.label} report before you submit it`,
      backLink: { href: context.path },
      ...context,
      ...(await loadReportPage(db, context)),
      ...extra,
    });
  }

  app.get('/supplier/contracts/:id/reports/:reportId/check', { config: { access: suppliers } }, async (request, reply) => {
    const context = await reportInPath(db, request, reply);
    if (!context) return reply;
    if (context.report.status !== 'draft') return reply.redirect(reportFlash.path(context.path, 'already-submitted'), 303);
    return checkPage(reply, context);
  });

  app.post('/supplier/contracts/:id/reports/:reportId/submit', { config: { access: suppliers } }, async (request, reply) => {
    const context = await reportInPath(db, request, reply);
    if (!context) return reply;
    const { contract, report, label, path } = context;
    if (report.status !== 'draft') return reply.redirect(reportFlash.path(path, 'already-submitted'), 303);
    const page = await loadReportPage(db, context);
    if (page.missing.length > 0) {
      const problems = page.missing.map((c) => ({ text: `Enter what was delivered for ${c.code} ${c.title}, even if it was 0`, href: `#commitment-${c.id}` }));
      return checkPage(reply.code(400), context, { errorList: problems });
    }
    const revision = revisionOf(field(request.body, 'revision'));
    const user = request.user!;
    const outcome = await submitReport(db, request.actor, {
      contract,
      reportId: report.id,
      periodLabel: label,
      revision,
      submittedBy: { id: user.id, name: user.name, organisationName: user.organisationName },
      reportLink: `${services.config.baseUrl}/contracts/${contract.id}/reports/${report.id}`,
    });
    if (outcome === 'changed') {
      const fresh = await reportInPath(db, request, reply);
      if (!fresh) return reply;
      return checkPage(reply.code(409), fresh, {
        errorList: [{ text: 'The report was changed since you opened this page. Check the answers below, then submit again', href: '#lines' }],
      });
    }
    return reply.redirect(reportFlash.path(path, outcome), 303);
  });

  await lineRoutes(app, services);
  await evidenceRoutes(app, services);
}
