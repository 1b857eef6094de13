import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { formatDateTime } from '../../domain/dates.js';
import { field, formErrors } from '../../platform/forms.js';
import { confirmPage } from '../../platform/shared-pages.js';
import { agreeScores } from './agree-scores.js';
import { moderationWords, readScores } from './forms.js';
import { lockModeration } from './lock-moderation.js';
import { describeUnagreed, unagreedAnswers } from './moderation-status.js';
import {
  listAnswers,
  listBidEvaluatorScores,
  listEvaluatorProgress,
  listQuestions,
  listSubmittedBids,
  listTenderModeratedScores,
  type BidSummary,
  type EvaluationTender,
} from './repository.js';
import { bidOr404, managers, refuse, tenderCaption, tenderOr404 } from './route-support.js';
import { scoreFormQuestions } from './score-form.js';
import { bidsOpenForEvaluation, whyBidsAreHidden, whyScoresCannotChange } from './scoring-window.js';

/** Moderation (officers and admins): the evaluators' scores side by side, the agreed score with a reason, the lock. */
export async function moderationRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const officers = { config: { access: managers } };

  function lockedMessage(tender: EvaluationTender): string | null {
    if (!tender.moderationLockedAt) return null;
    const by = tender.moderationLockedByName ? ` by ${tender.moderationLockedByName}` : '';
    return `Moderation was locked on ${formatDateTime(tender.moderationLockedAt)}${by}. No score can change.`;
  }

  async function overview(request: FastifyRequest, reply: FastifyReply, tender: EvaluationTender) {
    const open = bidsOpenForEvaluation(tender);
    const [bids, questions, agreed, evaluators] = open
      ? await Promise.all([
          listSubmittedBids(db, tender.id),
          listQuestions(db, tender.id),
          listTenderModeratedScores(db, tender.id),
          listEvaluatorProgress(db, tender.id),
        ])
      : [[], [], [], []];
    const savedBid = bids.find((b) => b.id === field(request.query, 'saved'));
    return reply.page('evaluation/views/moderation.njk', {
      pageTitle: 'Moderation',
      backLink: { href: `/tenders/${tender.id}` },
      caption: tenderCaption(tender),
      tender,
      closingMessage: open ? null : whyBidsAreHidden(tender),
      lockedMessage: lockedMessage(tender),
      conflictNames: evaluators.filter((e) => e.hasConflict).map((e) => e.name),
      bids: bids.map((bid) => ({ ...bid, agreed: agreed.filter((a) => a.bidId === bid.id).length })),
      questionCount: questions.length,
      missing: describeUnagreed(unagreedAnswers(bids, questions, agreed)),
      flash: savedBid
        ? `The agreed scores for the bid of ${savedBid.supplierName} have been saved`
        : field(request.query, 'locked')
          ? 'Moderation is locked'
          : undefined,
    });
  }

  app.get('/tenders/:tenderId/moderation', officers, async (request, reply) => {
    const tender = await tenderOr404(db, request, reply);
    if (!tender) return reply;
    return overview(request, reply, tender);
  });

  /** The tender and bid to moderate, or null after the 404 page, or the page that says bids cannot be seen yet. */
  async function moderatedBid(request: FastifyRequest, reply: FastifyReply): Promise<{ tender: EvaluationTender; bid: BidSummary } | null> {
    const tender = await tenderOr404(db, request, reply);
    if (!tender) return null;
    if (!bidsOpenForEvaluation(tender)) {
      refuse(reply, 'Bids cannot be moderated yet', [`${whyBidsAreHidden(tender)}.`], {
        href: `/tenders/${tender.id}/moderation`,
        text: 'Go back to moderation',
      });
      return null;
    }
    const bid = await bidOr404(db, tender, request, reply);
    return bid ? { tender, bid } : null;
  }

  async function bidPage(
    reply: FastifyReply,
    tender: EvaluationTender,
    bid: BidSummary,
    form?: { values: Record<string, string>; problems: [string, string][] },
  ) {
    const [questions, answers, scores, evaluators, agreed] = await Promise.all([
      listQuestions(db, tender.id),
      listAnswers(db, bid.id),
      listBidEvaluatorScores(db, bid.id),
      listEvaluatorProgress(db, tender.id),
      listTenderModeratedScores(db, tender.id),
    ]);
    const agreedHere = agreed.filter((a) => a.bidId === bid.id);
    const filled = scoreFormQuestions(
      questions,
      answers,
      tender.scale,
      'reason',
      agreedHere.map((a) => ({ questionId: a.questionId, score: a.score, text: a.reason })),
      form?.values,
    );
    return reply.code(form ? 400 : 200).page('evaluation/views/moderate-bid.njk', {
      pageTitle: `Moderate the bid of ${bid.supplierName}`,
      backLink: { href: `/tenders/${tender.id}/moderation` },
      caption: tenderCaption(tender),
      tender,
      bid,
      readOnlyReason: whyScoresCannotChange(tender),
      values: filled.values,
      questions: filled.questions.map((q) => {
        const agreement = agreedHere.find((a) => a.questionId === q.id);
        return {
          ...q,
          agreedBy: agreement ? `${agreement.moderatorName}, ${formatDateTime(agreement.moderatedAt)}` : '',
          evaluatorScores: evaluators.map((e) => {
            const score = scores.find((s) => s.questionId === q.id && s.evaluatorId === e.userId);
            return {
              name: e.name,
              score: score?.score ?? null,
              comment: score?.comment ?? '',
              note: e.hasConflict ? 'Declared a conflict of interest: did not score' : 'Not scored yet',
            };
          }),
        };
      }),
      ...(form ? formErrors(form.problems) : {}),
    });
  }

  app.get('/tenders/:tenderId/moderation/bids/:bidId', officers, async (request, reply) => {
    const found = await moderatedBid(request, reply);
    if (!found) return reply;
    return bidPage(reply, found.tender, found.bid);
  });

  app.post('/tenders/:tenderId/moderation/bids/:bidId', officers, async (request, reply) => {
    const found = await moderatedBid(request, reply);
    if (!found) return reply;
    const { tender, bid } = found;
    const back = { href: `/tenders/${tender.id}/moderation`, text: 'Go back to moderation' };
    const why = whyScoresCannotChange(tender);
    if (why) return refuse(reply, 'The agreed scores cannot be saved', [`${why}.`], back);
    const questions = await listQuestions(db, tender.id);
    const reading = readScores(request.body, questions, tender.scale, moderationWords);
    if (!reading.ok) return bidPage(reply, tender, bid, reading);
    const result = await agreeScores(db, request.actor, tender, bid, request.user!.id, reading.value);
    if (result.status === 'refused') return refuse(reply, 'The agreed scores cannot be saved', [`${result.reason}.`], back);
    return reply.redirect(`/tenders/${tender.id}/moderation?saved=${bid.id}`, 303);
  });

  app.get('/tenders/:tenderId/moderation/lock', officers, async (request, reply) => {
    const tender = await tenderOr404(db, request, reply);
    if (!tender) return reply;
    const back = { href: `/tenders/${tender.id}/moderation`, text: 'Go back to moderation' };
    const why = whyScoresCannotChange(tender);
    if (why) return refuse(reply, 'Moderation cannot be locked', [`${why}.`], back);
    return confirmPage(reply, {
      pageTitle: 'Lock moderation',
      backLink: { href: back.href },
      caption: tenderCaption(tender),
      heading: 'Lock moderation?',
      paragraphs: [
        'Locking fixes every evaluator’s score and every agreed score of this tender. The results then use the agreed scores, and evaluators can see the results.',
        'You can lock moderation only when every answer of every bid has an agreed score.',
      ],
      warning: 'Once moderation is locked, no score can be changed by anyone.',
      action: `/tenders/${tender.id}/moderation/lock`,
      buttonText: 'Lock moderation',
      danger: true,
      cancelHref: back.href,
    });
  });

  app.post('/tenders/:tenderId/moderation/lock', officers, async (request, reply) => {
    const tender = await tenderOr404(db, request, reply);
    if (!tender) return reply;
    const back = { href: `/tenders/${tender.id}/moderation`, text: 'Go back to moderation' };
    const result = await lockModeration(db, request.actor, tender);
    if (result.status === 'refused') return refuse(reply, 'Moderation cannot be locked', [`${result.reason}.`], back);
    if (result.status === 'incomplete') {
      return refuse(
        reply,
        'Moderation cannot be locked yet',
        ['Every answer of every bid needs an agreed score first. Still to agree:', ...result.missing.map((m) => `${m}.`)],
        back,
      );
    }
    return reply.redirect(`/tenders/${tender.id}/moderation?locked=1`, 303);
  });
}
