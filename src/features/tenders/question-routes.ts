import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { formatBps } from '../../domain/money.js';
import { partWeights } from '../../domain/scoring.js';
import { formErrors } from '../../platform/forms.js';
import { addQuestion } from './add-question.js';
import { changeQuestion } from './change-question.js';
import { removeQuestion } from './remove-question.js';
import { questionValues, readQuestion, type QuestionValues } from './question-form.js';
import { findQuestion, listQuestions, type QuestionRow, type TenderRow } from './repository.js';
import { draftTender, officerRoles, refuseFrozen, tenderFlash, tenderPath } from './route-support.js';
import { recordInPath } from '../../platform/route-params.js';
import { confirmPage } from '../../platform/shared-pages.js';

/** The method-statement questions of a draft tender: the list with its total weight, adding, changing and removing. */
export async function questionRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const officers = { config: { access: officerRoles } };
  const listPath = (tender: TenderRow) => `${tenderPath(tender)}/questions`;

  const otherWeights = async (tender: TenderRow, exceptId?: string) =>
    (await listQuestions(db, tender.id)).filter((q) => q.id !== exceptId).reduce((sum, q) => sum + q.weightBps, 0);

  function renderForm(
    reply: FastifyReply,
    tender: TenderRow,
    question: QuestionRow | null,
    values: QuestionValues,
    otherBps: number,
    problems: [string, string][] = [],
  ) {
    const heading = question ? `Change question ${question.position}` : 'Add a question';
    return reply.code(problems.length ? 400 : 200).page('tenders/views/question-form.njk', {
      pageTitle: `${heading} – tender ${tender.number}`,
      backLink: { href: listPath(tender) },
      heading,
      action: question ? `${listPath(tender)}/${question.id}/edit` : `${listPath(tender)}/new`,
      buttonText: question ? 'Save question' : 'Add question',
      cancelHref: listPath(tender),
      tender,
      values,
      otherBps,
      ...formErrors(problems),
    });
  }

  /** The draft tender and its question named in the path, or null after the 404 page or the page saying it cannot change. */
  async function draftQuestion(request: FastifyRequest, reply: FastifyReply): Promise<{ tender: TenderRow; question: QuestionRow } | null> {
    const tender = await draftTender(db, request, reply);
    if (!tender) return null;
    const question = await recordInPath(request, reply, 'questionId', (id) => findQuestion(db, tender.id, id));
    if (!question) return null;
    return { tender, question };
  }

  const tooHeavy = (otherBps: number): [string, string] => [
    'weight',
    `Another change has been saved meanwhile: the other questions now have ${formatBps(otherBps)}. Enter a weight of ${formatBps(10000 - otherBps)} or less`,
  ];

  app.get('/tenders/:tenderId/questions', officers, async (request, reply) => {
    const tender = await draftTender(db, request, reply);
    if (!tender) return reply;
    const questions = await listQuestions(db, tender.id);
    return reply.page('tenders/views/questions.njk', {
      pageTitle: `Questions – tender ${tender.number}`,
      backLink: { href: tenderPath(tender) },
      tender,
      questions,
      totalBps: questions.reduce((sum, q) => sum + q.weightBps, 0),
      qualitativeBps: partWeights(tender).qualitativeBps,
      flash: tenderFlash.of(request),
    });
  });

  app.get('/tenders/:tenderId/questions/new', officers, async (request, reply) => {
    const tender = await draftTender(db, request, reply);
    if (!tender) return reply;
    return renderForm(reply, tender, null, questionValues(null), await otherWeights(tender));
  });

  app.post('/tenders/:tenderId/questions/new', officers, async (request, reply) => {
    const tender = await draftTender(db, request, reply);
    if (!tender) return reply;
    const others = await otherWeights(tender);
    const reading = readQuestion(request.body, others);
    if (!reading.result) return renderForm(reply, tender, null, reading.values, others, reading.problems);
    const saved = await addQuestion(db, request.actor, tender, reading.result);
    if (saved.status === 'missing') return reply.callNotFound();
    if (saved.status === 'frozen') return refuseFrozen(reply, tender);
    if (saved.value === 'too-heavy') {
      const now = await otherWeights(tender);
      return renderForm(reply, tender, null, reading.values, now, [tooHeavy(now)]);
    }
    return reply.redirect(tenderFlash.path(listPath(tender), 'question-added'), 303);
  });

  app.get('/tenders/:tenderId/questions/:questionId/edit', officers, async (request, reply) => {
    const found = await draftQuestion(request, reply);
    if (!found) return reply;
    const { tender, question } = found;
    return renderForm(reply, tender, question, questionValues(question), await otherWeights(tender, question.id));
  });

  app.post('/tenders/:tenderId/questions/:questionId/edit', officers, async (request, reply) => {
    const found = await draftQuestion(request, reply);
    if (!found) return reply;
    const { tender, question } = found;
    const others = await otherWeights(tender, question.id);
    const reading = readQuestion(request.body, others);
    if (!reading.result) return renderForm(reply, tender, question, reading.values, others, reading.problems);
    const saved = await changeQuestion(db, request.actor, tender, question, reading.result);
    if (saved.status === 'missing') return reply.callNotFound();
    if (saved.status === 'frozen') return refuseFrozen(reply, tender);
    if (saved.value === 'too-heavy') {
      const now = await otherWeights(tender, question.id);
      return renderForm(reply, tender, question, reading.values, now, [tooHeavy(now)]);
    }
    return reply.redirect(tenderFlash.path(listPath(tender), 'question-saved'), 303);
  });

  app.get('/tenders/:tenderId/questions/:questionId/delete', officers, async (request, reply) => {
    const found = await draftQuestion(request, reply);
    if (!found) return reply;
    const { tender, question } = found;
    return confirmPage(reply, {
      pageTitle: `Remove question ${question.position} – tender ${tender.number}`,
      backLink: { href: listPath(tender) },
      caption: `Tender ${tender.number}: ${tender.title}`,
      heading: `Remove question ${question.position}?`,
      paragraphs: [question.title, `Its weight of ${formatBps(question.weightBps)} is freed for the other questions.`],
      action: `${listPath(tender)}/${question.id}/delete`,
      buttonText: 'Remove question',
      danger: true,
      cancelHref: listPath(tender),
    });
  });

  app.post('/tenders/:tenderId/questions/:questionId/delete', officers, async (request, reply) => {
    const found = await draftQuestion(request, reply);
    if (!found) return reply;
    const { tender, question } = found;
    const saved = await removeQuestion(db, request.actor, tender, question);
    if (saved.status === 'missing') return reply.callNotFound();
    if (saved.status === 'frozen') return refuseFrozen(reply, tender);
    return reply.redirect(tenderFlash.path(listPath(tender), 'question-removed'), 303);
  });
}
