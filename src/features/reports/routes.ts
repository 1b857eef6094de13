import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { recordEvent } from '../../platform/audit.js';
import { staffRoles } from '../../platform/current-user.js';
import { findReport, listReports } from './find-report.js';
import { loadReport } from './load-report.js';
import { loadReportFile, reportFileBytes, requestReportFile } from './report-files.js';
import { isUnderway, reportPeriod, type ReportKind, type ReportPeriod } from './report-periods.js';
import { reportTitle, reportView } from './report-view.js';
import { param, recordInPath } from '../../platform/route-params.js';

/**
 * Who reads the reports: every council role, as for the dashboard whose figures they show (DESIGN.md: evaluators and
 * viewers are internal staff, and the same reports are emailed to partner bodies outside the council); not suppliers,
 * community organisations or the public (who have the transparency site, and a link from a report email).
 */
export const reportReaders = staffRoles;
const access = { access: reportReaders };

/** The status page of a PDF being made asks the browser to load it again this often (no JavaScript needed). */
const REFRESH_SECONDS = 2;

const fileName = (period: ReportPeriod) => `social-value-report-${period.kind === 'quarterly' ? period.period : period.name.replaceAll(' ', '-')}.pdf`;
const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;

/** Quarterly and annual social value reports: a list, each report's page, and its PDF made in the background. */
export async function reportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  /** The report the address names, or null after sending a 404 page that says why there is none. */
  const reportOr404 = async (kind: ReportKind, request: FastifyRequest, reply: FastifyReply): Promise<ReportPeriod | null> => {
    const period = param(request, 'period');
    const found = await findReport(db, kind, period, todayIso());
    if (found) return found;
    const named = reportPeriod(kind, period);
    reply.code(404).page('reports/views/not-found.njk', {
      pageTitle: 'There is no such report',
      reason: named
        ? `There is no ${kind} report for ${named.months} (${named.name}): it has no social value figures, or it has not begun.`
        : `“${period}” is not a ${kind === 'quarterly' ? 'quarter' : 'financial year'}.`,
    });
    return null;
  };

  app.get('/reports', { config: access }, async (_request, reply) => {
    const today = todayIso();
    const { quarterly, annual } = await listReports(db, today);
    const withState = (periods: ReportPeriod[]) => periods.map((p) => ({ ...p, underway: isUnderway(p, today) }));
    return reply.page('reports/views/list.njk', { pageTitle: 'Social value reports', quarterly: withState(quarterly), annual: withState(annual) });
  });

  for (const kind of ['quarterly', 'annual'] as const) {
    app.get(`/reports/${kind}/:period`, { config: access }, async (request, reply) => {
      const period = await reportOr404(kind, request, reply);
      if (!period) return reply;
      const view = reportView(await loadReport(db, period, todayIso()), services.config.baseUrl);
      return reply.page('reports/views/report.njk', { pageTitle: view.title, backLink: { href: '/reports', text: 'All reports' }, period, view });
    });

    // The PDF is made in the background (see make-report-files.ts); this asks for it and shows its progress.
    app.get(`/reports/${kind}/:period.pdf`, { config: access }, async (request, reply) => {
      const period = await reportOr404(kind, request, reply);
      if (!period) return reply;
      const id = await requestReportFile(db, { kind, period: period.period, requestedBy: request.user?.id ?? null, producedOn: todayIso() });
      await recordEvent(db, request.actor, `Asked for the PDF of the ${reportTitle(period)}`, { entityTable: 'report_files', entityId: id });
      return reply.redirect(`/reports/files/${id}`, 303);
    });
  }

  /** The PDF in the path with its report, or null after sending the 404 page. */
  const fileOr404 = (request: FastifyRequest, reply: FastifyReply) =>
    recordInPath(request, reply, 'id', async (id) => {
      const file = await loadReportFile(db, id);
      const period = file ? reportPeriod(file.kind, file.period) : null;
      return file && period ? { file, period } : null;
    });

  app.get('/reports/files/:id', { config: access }, async (request, reply) => {
    const found = await fileOr404(request, reply);
    if (!found) return reply;
    const { file, period } = found;
    const waiting = file.status === 'queued' || file.status === 'running';
    // A Refresh header reloads the page without JavaScript while the PDF is being made, and stops once it is done.
    if (waiting) reply.header('refresh', String(REFRESH_SECONDS));
    return reply.page('reports/views/file.njk', {
      pageTitle: waiting ? 'Making the PDF' : file.status === 'ready' ? 'Your PDF is ready' : 'The PDF could not be made',
      reportName: period.name,
      reportTitle: reportTitle(period),
      reportPath: period.path,
      refreshSeconds: REFRESH_SECONDS,
      size: file.byteSize ? kilobytes(file.byteSize) : '',
      file,
    });
  });

  app.get('/reports/files/:id/download', { config: access }, async (request, reply) => {
    const found = await fileOr404(request, reply);
    if (!found) return reply;
    const pdf = await reportFileBytes(db, found.file.id);
    if (!pdf) return reply.redirect(`/reports/files/${found.file.id}`, 303);
    await recordEvent(db, request.actor, `Downloaded the PDF of the ${reportTitle(found.period)}`, { entityTable: 'report_files', entityId: found.file.id });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${fileName(found.period)}"`)
      .send(pdf);
  });
}
