import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { field, formErrors } from '../../platform/forms.js';
import { recordInPath } from '../../platform/route-params.js';
import { reportFlash } from './flash.js';
import { changeDraft, removeAdditionalLine, saveAdditionalLine, saveCommitmentLine, type DraftChange } from './change-draft.js';
import { describeLine, lineValues, lineValuesOf, readLineForm, revisionOf } from './line-form.js';
import { showLinePage, type LinePage } from './line-page.js';
import { reportInPath, suppliers, type ReportContext } from './report-in-path.js';
import { commitmentsToReport, loadLines, reportableMeasures, type LineRecord } from './repository.js';

const CHANGED = 'The report was changed by someone else since you opened this page. Check what is saved now, shown above the form, then save again';

/** Entering what was delivered against each commitment, and additional social value against any measure. */
export async function lineRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const P = '/supplier/contracts/:id/reports/:reportId';
  const linePage = (reply: FastifyReply, request: FastifyRequest, page: LinePage) => showLinePage(services, reply, request, page);

  /** Redirects after a draft change, or shows why it was refused. */
  function afterChange(
    reply: FastifyReply,
    result: DraftChange<string>,
    context: ReportContext,
    refused: () => Promise<FastifyReply>,
    next: (value: string) => string,
  ) {
    if (result.outcome === 'submitted') return reply.redirect(reportFlash.path(context.path, 'already-submitted'), 303);
    if (result.outcome === 'changed') return refused();
    return reply.redirect(next(result.value), 303);
  }

  async function commitmentInPath(request: FastifyRequest, reply: FastifyReply) {
    const context = await reportInPath(db, request, reply);
    if (!context) return null;
    const commitment = await recordInPath(request, reply, 'commitmentId', async (commitmentId) =>
      (await commitmentsToReport(db, context.contract.id)).find((c) => c.id === commitmentId),
    );
    if (!commitment) return null;
    const line = (await loadLines(db, context.report.id)).find((l) => l.commitmentId === commitment.id && !l.pledgeId) ?? null;
    return { context, commitment, line };
  }

  app.get(`${P}/commitments/:commitmentId`, { config: { access: suppliers } }, async (request, reply) => {
    const found = await commitmentInPath(request, reply);
    if (!found) return reply;
    return linePage(reply, request, { ...found, values: lineValuesOf(found.line, found.context.report.revision) });
  });

  app.post(`${P}/commitments/:commitmentId`, { config: { access: suppliers } }, async (request, reply) => {
    const found = await commitmentInPath(request, reply);
    if (!found) return reply;
    const { context, commitment } = found;
    const values = lineValues(request.body);
    const reading = readLineForm(values, { unit: commitment.unit });
    if (!reading.ok) return linePage(reply.code(400), request, { ...found, values, errors: formErrors(reading.problems) });
    const action = `Entered delivery of ${commitment.code} in the ${context.label} report on contract ${context.contract.reference}`;
    const result = await changeDraft(db, request.actor, action, context.report.id, reading.revision, (tx) =>
      saveCommitmentLine(tx, context.report.id, commitment, reading.input),
    );
    return afterChange(
      reply,
      result,
      context,
      async () => {
        const fresh = await commitmentInPath(request, reply);
        if (!fresh) return reply;
        const savedNow = fresh.line ? describeLine(fresh.line, commitment.unit) : 'Nothing entered yet';
        return linePage(reply.code(409), request, {
          ...fresh,
          values: { ...values, revision: String(fresh.context.report.revision) },
          savedNow,
          errors: formErrors([['quantity', CHANGED]]),
        });
      },
      () => reportFlash.path(`${context.path}/commitments/${commitment.id}#evidence`, 'saved'),
    );
  });

  async function additionalInPath(request: FastifyRequest, reply: FastifyReply) {
    const context = await reportInPath(db, request, reply);
    if (!context) return null;
    const line = await recordInPath(request, reply, 'lineId', async (lineId) =>
      (await loadLines(db, context.report.id)).find((l) => l.id === lineId && l.commitmentId === null && !l.pledgeId),
    );
    if (!line) return null;
    return { context, commitment: null, line };
  }

  async function saveAdditional(request: FastifyRequest, reply: FastifyReply, context: ReportContext, line: LineRecord | null) {
    const values = lineValues(request.body);
    const measures = await reportableMeasures(db, context.contract.frameworkVersionId);
    const reading = readLineForm(values, { unit: null, measures: new Map(measures.map((m) => [m.id, m.unit])) });
    const page = { context, commitment: null, line, values };
    if (!reading.ok) return linePage(reply.code(400), request, { ...page, errors: formErrors(reading.problems) });
    const code = measures.find((m) => m.id === reading.input.measureId)!.code;
    const action = `${line ? 'Changed' : 'Added'} additional social value (${code}) in the ${context.label} report on contract ${context.contract.reference}`;
    const result = await changeDraft(db, request.actor, action, context.report.id, reading.revision, (tx) =>
      saveAdditionalLine(tx, context.report.id, line?.id ?? null, { ...reading.input, measureId: reading.input.measureId! }),
    );
    return afterChange(
      reply,
      result,
      context,
      async () => {
        const fresh = await reportInPath(db, request, reply);
        if (!fresh) return reply;
        const now = line ? (await loadLines(db, fresh.report.id)).find((l) => l.id === line.id) : undefined;
        const savedNow = line ? (now ? describeLine(now, now.unit) : 'This line has been removed') : undefined;
        const refused = {
          ...page,
          context: fresh,
          line: now ?? null,
          values: { ...values, revision: String(fresh.report.revision) },
          errors: formErrors([['quantity', CHANGED]]),
        };
        return linePage(reply.code(409), request, savedNow ? { ...refused, savedNow } : refused);
      },
      (lineId) => reportFlash.path(`${context.path}/additional/${lineId}#evidence`, 'saved'),
    );
  }

  app.get(`${P}/additional`, { config: { access: suppliers } }, async (request, reply) => {
    const context = await reportInPath(db, request, reply);
    if (!context) return reply;
    if (context.report.status !== 'draft') return reply.redirect(reportFlash.path(context.path, 'already-submitted'), 303);
    return linePage(reply, request, { context, commitment: null, line: null, values: lineValuesOf(null, context.report.revision) });
  });

  app.post(`${P}/additional`, { config: { access: suppliers } }, async (request, reply) => {
    const context = await reportInPath(db, request, reply);
    if (!context) return reply;
    return saveAdditional(request, reply, context, null);
  });

  app.get(`${P}/additional/:lineId`, { config: { access: suppliers } }, async (request, reply) => {
    const found = await additionalInPath(request, reply);
    if (!found) return reply;
    return linePage(reply, request, { ...found, values: lineValuesOf(found.line, found.context.report.revision) });
  });

  app.post(`${P}/additional/:lineId`, { config: { access: suppliers } }, async (request, reply) => {
    const found = await additionalInPath(request, reply);
    if (!found) return reply;
    return saveAdditional(request, reply, found.context, found.line);
  });

  app.post(`${P}/additional/:lineId/remove`, { config: { access: suppliers } }, async (request, reply) => {
    const found = await additionalInPath(request, reply);
    if (!found) return reply;
    const { context, line } = found;
    const revision = revisionOf(field(request.body, 'revision'));
    const action = `Removed additional social value (${line.code}) from the ${context.label} report on contract ${context.contract.reference}`;
    const result = await changeDraft(db, request.actor, action, context.report.id, revision, async (tx) => {
      await removeAdditionalLine(tx, context.report.id, line.id);
      return line.id;
    });
    return afterChange(
      reply,
      result,
      context,
      async () => {
        const fresh = await additionalInPath(request, reply);
        if (!fresh) return reply;
        return linePage(reply.code(409), request, {
          ...fresh,
          values: lineValuesOf(fresh.line, fresh.context.report.revision),
          savedNow: describeLine(fresh.line, fresh.line.unit),
          errors: formErrors([
            ['quantity', 'The report was changed by someone else since you opened this page. Check this line, then remove it again if you still want to'],
          ]),
        });
      },
      () => reportFlash.path(context.path, 'removed'),
    );
  });
}
