import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { deliveryReports, evidenceFiles } from '../../db/schema/index.js';
import { withAudit } from '../../platform/audit.js';
import { readEvidence } from '../../platform/evidence-store.js';
import { contractReaders, isStaff } from '../contracts/route-support.js';
import { recordInPath, uuidParam } from '../../platform/route-params.js';
import { reportFlash } from './flash.js';
import { lineValuesOf } from './line-form.js';
import { linePagePath, showLinePage } from './line-page.js';
import { reportInPath, suppliers } from './report-in-path.js';
import { commitmentsToReport, loadEvidenceFile, loadLines } from './repository.js';
import { MAX_FILES, discardUnreadFiles, readFieldsBeforeFiles, streamedFiles } from './streamed-files.js';
import { uploadEvidence } from './upload-evidence.js';

/** "attachment" with the file's name, in plain ASCII and (for other characters) RFC 5987 encoding. */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Evidence files: uploaded to a line (streamed, checked, counted), removed while the report is a draft, downloaded. */
export async function evidenceRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const maxBytes = services.config.evidenceMaxBytes;
  const P = '/supplier/contracts/:id/reports/:reportId';

  async function lineInPath(request: FastifyRequest, reply: FastifyReply) {
    const context = await reportInPath(db, request, reply);
    if (!context) return null;
    const line = await recordInPath(request, reply, 'lineId', async (lineId) => (await loadLines(db, context.report.id)).find((l) => l.id === lineId));
    if (!line) return null;
    const commitment = line.commitmentId ? ((await commitmentsToReport(db, context.contract.id)).find((c) => c.id === line.commitmentId) ?? null) : null;
    return { context, line, commitment };
  }

  /** Stores the files sent for a line, or shows the line again naming each file refused. */
  async function receiveEvidence(request: FastifyRequest, reply: FastifyReply) {
    const found = await lineInPath(request, reply);
    if (!found) return reply;
    const { context, line } = found;
    if (context.report.status !== 'draft' && line.status !== 'queried') return reply.redirect(reportFlash.path(context.path, 'already-submitted'), 303);
    const describe = (filename: string) =>
      `Added evidence ${filename} to ${line.code} in the ${context.label} report on contract ${context.contract.reference}`;
    let problems: string[];
    try {
      const result = await uploadEvidence(db, request.actor, streamedFiles(request), { lineId: line.id, uploadedBy: request.user!.id, describe, maxBytes });
      problems = result.stored.length === 0 && result.problems.length === 0 ? ['Select one or more files to upload'] : result.problems;
    } catch (error) {
      if ((error as { code?: string }).code !== 'FST_FILES_LIMIT') throw error;
      problems = [`Upload ${MAX_FILES} files or fewer at a time: the first ${MAX_FILES} were added`];
    }
    const back = context.report.status === 'draft' ? linePagePath(context, line) : `${context.path}/lines/${line.id}`;
    if (problems.length === 0) return reply.redirect(reportFlash.path(`${back}#evidence`, 'evidence'), 303);
    return showLinePage(services, reply.code(400), request, {
      ...found,
      values: lineValuesOf(line, context.report.revision),
      errors: { errors: { files: problems.join('. ') }, errorList: problems.map((text) => ({ text, href: '#files' })) },
    });
  }

  app.post(
    `${P}/lines/:lineId/evidence`,
    {
      config: { access: suppliers, streamsFiles: true },
      preValidation: readFieldsBeforeFiles(maxBytes),
      // Files left unread are read to their end, so that the connection can carry the next request: after the answer
      // for a request refused before the handler (sign-in, CSRF), when the handler returns for one it answered early.
      onResponse: async (request) => discardUnreadFiles(request),
    },
    async (request, reply) => {
      try {
        return await receiveEvidence(request, reply);
      } finally {
        await discardUnreadFiles(request);
      }
    },
  );

  app.post(`${P}/evidence/:fileId/remove`, { config: { access: suppliers } }, async (request, reply) => {
    const context = await reportInPath(db, request, reply);
    if (!context) return reply;
    const fileId = uuidParam(request, 'fileId');
    const file = fileId ? await loadEvidenceFile(db, fileId) : null;
    if (!file || file.reportId !== context.report.id) return reply.callNotFound();
    if (context.report.status !== 'draft') return reply.redirect(reportFlash.path(context.path, 'already-submitted'), 303);
    const line = (await loadLines(db, context.report.id)).find((l) => l.id === file.lineId)!;
    const removed = await withAudit(
      db,
      request.actor,
      `Removed evidence ${file.filename} from ${line.code} in the ${context.label} report on contract ${context.contract.reference}`,
      async (tx) => {
        // Locked, so that a submit at the same moment either comes first (and nothing is removed) or waits.
        const [report] = await tx
          .select({ status: deliveryReports.status })
          .from(deliveryReports)
          .where(eq(deliveryReports.id, context.report.id))
          .for('update');
        if (report?.status !== 'draft') return false;
        await tx.delete(evidenceFiles).where(eq(evidenceFiles.id, file.id));
        return true;
      },
    );
    if (!removed) return reply.redirect(reportFlash.path(context.path, 'already-submitted'), 303);
    return reply.redirect(reportFlash.path(`${linePagePath(context, line)}#evidence`, 'evidence-removed'), 303);
  });

  app.get('/evidence/:fileId', { config: { access: contractReaders } }, async (request, reply) => {
    const fileId = uuidParam(request, 'fileId');
    const file = fileId ? await loadEvidenceFile(db, fileId) : null;
    // Staff see evidence once its report is submitted; the supplier's own users, always.
    const allowed = file && (isStaff(request) ? file.reportStatus !== 'draft' : file.supplierId === request.user!.organisationId);
    if (!file || !allowed) return reply.callNotFound();
    return reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.sizeBytes))
      .header('content-disposition', attachmentHeader(file.filename))
      .header('x-content-type-options', 'nosniff')
      .send(readEvidence(db, file.id));
  });
}
