import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import type { ContractRecord } from '../contracts/repository.js';
import { reportFlash } from '../delivery-reports/flash.js';
import { flashMessages } from '../../platform/flash.js';
import { MAX_FILES } from '../delivery-reports/streamed-files.js';
import { answerQuery } from './answer-query.js';
import { answerValuesOf, readAnswer, type AnswerValues } from './forms.js';
import { reportPeriodLabel } from '../../domain/report-period.js';
import { lineViews } from './report-page.js';
import { loadLines, type LineRecord, type ReportRecord } from './repository.js';
import { answerPath, lineContext, lineInPath, reportPath } from './route-support.js';

/** The banners on a line's answer page: the report's, and one after the supplier answers. */
const answerFlash = flashMessages({ ...reportFlash.messages, answered: 'Answer sent. The council will look at the line again.' });

const NOT_QUERIED = 'This line is not waiting for your answer any more. Check its status below.';

type Found = { contract: ContractRecord; report: ReportRecord; line: LineRecord };

/**
 * A supplier's view of one line of its report with the conversation about it, and its answer while the council's
 * query waits: the answer, and the line's quantity and description corrected if need be.
 */
export async function answerRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const { baseUrl } = services.config;
  const access = { access: ['supplier'] as const };
  const path = '/supplier/contracts/:id/reports/:reportId/lines/:lineId';

  async function answerPage(
    reply: FastifyReply,
    found: Found,
    values: AnswerValues,
    extras: { errors?: Record<string, string>; errorList?: object[]; flash?: string } = {},
  ) {
    const { contract, report } = found;
    const [line] = await lineViews(db, [found.line], report);
    const queried = line!.status === 'queried';
    return reply.page('verification/views/answer.njk', {
      pageTitle: queried ? `Answer the council’s question on ${line!.label}` : line!.label,
      backLink: { href: `/supplier/contracts/${contract.id}/reports/${report.id}` },
      contract,
      report: { ...report, label: reportPeriodLabel(contract, report) },
      line,
      queried,
      // the reporting feature takes the files, and comes back here
      upload: {
        action: `${answerPath(contract.id, report.id, line!.id)}/evidence`,
        maxFiles: MAX_FILES,
        maxMegabytes: Math.floor(services.config.evidenceMaxBytes / (1024 * 1024)),
      },
      values,
      ...extras,
    });
  }

  app.get(path, { config: access }, async (request, reply) => {
    const found = await lineInPath(db, request, reply);
    if (!found) return reply;
    return answerPage(reply, found, answerValuesOf(found.line), { flash: answerFlash.of(request) });
  });

  app.post(path, { config: access }, async (request, reply) => {
    const found = await lineInPath(db, request, reply);
    if (!found) return reply;
    const { contract, report, line } = found;
    // shown with the line as it is now, which a decision or another answer may have changed
    const refuse = async (values: AnswerValues) => {
      const [latest] = await loadLines(db, report.id, line.id);
      return answerPage(reply.code(409), { ...found, line: latest ?? line }, values, { errorList: [{ text: NOT_QUERIED, href: '#line' }] });
    };
    const reading = readAnswer(request.body, { additional: line.commitmentId === null });
    if (line.status !== 'queried') return refuse(reading.values);
    if (!reading.ok) return answerPage(reply.code(400), found, reading.values, reading);
    const answered = await answerQuery(
      db,
      request.actor,
      {
        contract,
        reportId: report.id,
        lineId: line.id,
        unit: line.unit,
        line: lineContext(contract, report, line),
        reportLink: `${baseUrl}${reportPath(contract.id, report.id)}#line-${line.id}`,
      },
      reading.answer,
    );
    if (!answered) return refuse(reading.values);
    return reply.redirect(answerFlash.path(answerPath(contract.id, report.id, line.id), 'answered'), 303);
  });
}
