import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import { field, formErrors } from '../../platform/forms.js';
import { declareConflict } from './declare-conflict.js';
import { evaluatorWords, readDeclaration, readScores } from './forms.js';
import {
  findAssignment,
  listAnswers,
  listEvaluatorProgress,
  listOwnScores,
  listQuestions,
  listSubmittedBids,
  type Assignment,
  type BidSummary,
  type EvaluationTender,
} from './repository.js';
import { bidOr404, isManager, managers, refuse, tenderCaption, tenderOr404 } from './route-support.js';
import { saveEvaluatorScores } from './save-evaluator-scores.js';
import { scoreFormQuestions } from './score-form.js';
import { bidsOpenForEvaluation, whyBidsAreHidden, whyScoresCannotChange } from './scoring-window.js';

/**
 * The evaluators' pages: the conflict of interest declaration, then each bid's answers to score. An evaluator only
 * ever reads their own scores. Officers and admins who are not assigned see the progress view instead.
 */
export async function evaluatorRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const evaluatorsAndManagers = { config: { access: ['evaluator', ...managers] as Role[] } };

  /** The tender and the signed-in evaluator's assignment to it, or null after the 404 page (not assigned). */
  async function assigned(request: FastifyRequest, reply: FastifyReply): Promise<{ tender: EvaluationTender; assignment: Assignment } | null> {
    const tender = await tenderOr404(db, request, reply);
    if (!tender) return null;
    const assignment = await findAssignment(db, tender.id, request.user!.id);
    if (!assignment) {
      reply.callNotFound();
      return null;
    }
    return { tender, assignment };
  }

  async function evaluatorPage(
    request: FastifyRequest,
    reply: FastifyReply,
    tender: EvaluationTender,
    assignment: Assignment,
    form?: { values: Record<string, string>; problems: [string, string][] },
  ) {
    const open = bidsOpenForEvaluation(tender);
    const cancelled = tender.status === 'cancelled';
    const state = cancelled ? 'waiting' : !assignment.declaredAt ? 'declare' : assignment.hasConflict ? 'conflict' : open ? 'bids' : 'waiting';
    const showBids = open && (state === 'declare' || state === 'bids');
    const [bids, questions, own] = showBids
      ? await Promise.all([
          listSubmittedBids(db, tender.id),
          listQuestions(db, tender.id),
          state === 'bids' ? listOwnScores(db, tender.id, request.user!.id) : [],
        ])
      : [[], [], []];
    const saved = field(request.query, 'saved');
    const savedBid = bids.find((b) => b.id === saved);
    return reply.code(form ? 400 : 200).page('evaluation/views/evaluator.njk', {
      pageTitle: state === 'declare' ? 'Declare any conflict of interest' : 'Evaluate the bids',
      backLink: { href: '/tenders' },
      caption: tenderCaption(tender),
      tender,
      assignment,
      state,
      values: form?.values ?? { conflict: '', details: '' },
      ...(form ? formErrors(form.problems) : {}),
      bidders: state === 'declare' ? bids : [],
      closingMessage: whyBidsAreHidden(tender),
      bids: bids.map((bid) => ({ ...bid, scored: own.filter((s) => s.bidId === bid.id).length })),
      questionCount: questions.length,
      lockedReason: whyScoresCannotChange(tender),
      progressLink: isManager(request),
      flash: savedBid && `Your scores for the bid of ${savedBid.supplierName} have been saved`,
    });
  }

  app.get('/tenders/:tenderId/evaluation', evaluatorsAndManagers, async (request, reply) => {
    const tender = await tenderOr404(db, request, reply);
    if (!tender) return reply;
    const assignment = await findAssignment(db, tender.id, request.user!.id);
    if (assignment) return evaluatorPage(request, reply, tender, assignment);
    if (isManager(request)) return progressPage(reply, tender);
    return reply.callNotFound();
  });

  app.post('/tenders/:tenderId/evaluation/declaration', evaluatorsAndManagers, async (request, reply) => {
    const found = await assigned(request, reply);
    if (!found) return reply;
    const { tender, assignment } = found;
    const reading = readDeclaration(request.body);
    if (!reading.ok) return evaluatorPage(request, reply, tender, assignment, reading);
    const result = await declareConflict(db, request.actor, tender, request.user!.id, reading.value);
    if (result === 'not-assigned') return reply.callNotFound();
    if (result === 'already-declared') {
      return refuse(
        reply,
        'You have already made your declaration',
        ['A conflict of interest declaration is made once. If something has changed, tell the procurement officer.'],
        {
          href: `/tenders/${tender.id}/evaluation`,
          text: 'Go back to the evaluation',
        },
      );
    }
    return reply.redirect(`/tenders/${tender.id}/evaluation`, 303);
  });

  /** The bid an evaluator may score, or null after redirecting to the evaluation page (not declared, conflict, not closed) or the 404 page. */
  async function scorableBid(request: FastifyRequest, reply: FastifyReply): Promise<{ tender: EvaluationTender; bid: BidSummary } | null> {
    const found = await assigned(request, reply);
    if (!found) return null;
    const { tender, assignment } = found;
    if (!assignment.declaredAt || assignment.hasConflict || !bidsOpenForEvaluation(tender)) {
      reply.redirect(`/tenders/${tender.id}/evaluation`, 303);
      return null;
    }
    const bid = await bidOr404(db, tender, request, reply);
    return bid ? { tender, bid } : null;
  }

  async function scoringPage(
    reply: FastifyReply,
    tender: EvaluationTender,
    bid: BidSummary,
    evaluatorId: string,
    form?: { values: Record<string, string>; problems: [string, string][] },
  ) {
    const [questions, answers, own] = await Promise.all([listQuestions(db, tender.id), listAnswers(db, bid.id), listOwnScores(db, tender.id, evaluatorId)]);
    const mine = own.filter((s) => s.bidId === bid.id);
    return reply.code(form ? 400 : 200).page('evaluation/views/score-bid.njk', {
      pageTitle: `Score the bid of ${bid.supplierName}`,
      backLink: { href: `/tenders/${tender.id}/evaluation` },
      caption: tenderCaption(tender),
      tender,
      bid,
      readOnlyReason: whyScoresCannotChange(tender),
      ...scoreFormQuestions(
        questions,
        answers,
        tender.scale,
        'comment',
        mine.map((s) => ({ questionId: s.questionId, score: s.score, text: s.comment })),
        form?.values,
      ),
      ...(form ? formErrors(form.problems) : {}),
    });
  }

  app.get('/tenders/:tenderId/evaluation/bids/:bidId', evaluatorsAndManagers, async (request, reply) => {
    const found = await scorableBid(request, reply);
    if (!found) return reply;
    return scoringPage(reply, found.tender, found.bid, request.user!.id);
  });

  app.post('/tenders/:tenderId/evaluation/bids/:bidId', evaluatorsAndManagers, async (request, reply) => {
    const found = await scorableBid(request, reply);
    if (!found) return reply;
    const { tender, bid } = found;
    const back = { href: `/tenders/${tender.id}/evaluation`, text: 'Go back to the evaluation' };
    const why = whyScoresCannotChange(tender);
    if (why) return refuse(reply, 'Your scores cannot be saved', [`${why}.`], back);
    const questions = await listQuestions(db, tender.id);
    const reading = readScores(request.body, questions, tender.scale, evaluatorWords);
    if (!reading.ok) return scoringPage(reply, tender, bid, request.user!.id, reading);
    const result = await saveEvaluatorScores(db, request.actor, tender, bid, request.user!.id, reading.value);
    if (result.status === 'refused') return refuse(reply, 'Your scores cannot be saved', [`${result.reason}.`], back);
    return reply.redirect(`/tenders/${tender.id}/evaluation?saved=${bid.id}`, 303);
  });

  async function progressPage(reply: FastifyReply, tender: EvaluationTender) {
    const open = bidsOpenForEvaluation(tender);
    const [evaluators, bids, questions] = await Promise.all([
      listEvaluatorProgress(db, tender.id),
      open ? listSubmittedBids(db, tender.id) : [],
      open ? listQuestions(db, tender.id) : [],
    ]);
    return reply.page('evaluation/views/progress.njk', {
      pageTitle: 'Evaluation progress',
      backLink: { href: `/tenders/${tender.id}` },
      caption: tenderCaption(tender),
      tender,
      evaluators,
      conflicts: evaluators.filter((e) => e.hasConflict),
      closingMessage: open ? null : whyBidsAreHidden(tender),
      lockedMessage: tender.moderationLockedAt ? `${whyScoresCannotChange(tender)}.` : null,
      answersToScore: open ? bids.length * questions.length : null,
      bidCount: bids.length,
      questionCount: questions.length,
    });
  }

  app.get('/tenders/:tenderId/evaluation/progress', { config: { access: managers } }, async (request, reply) => {
    const tender = await tenderOr404(db, request, reply);
    if (!tender) return reply;
    return progressPage(reply, tender);
  });
}
