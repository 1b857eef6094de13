import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { staffRoles } from '../../platform/current-user.js';
import { doneKey, withDone } from '../../platform/flash.js';
import { formErrors } from '../../platform/forms.js';
import {
  canChange,
  changeRoles,
  inScopeRequirement,
  refuseSettled,
  refuseSettledLater,
  requirementHref,
  settledReason,
  type RequirementRow,
} from '../assessment/requirement-pages.js';
import { progressLabels, progressOf } from '../requirements/progress.js';
import { completeImpacts, determinants, impactLabels, impacts, type Answers } from './determinants.js';
import { impactField, noteField, readAnswers, readResult, resultProblems } from './forms.js';
import { proposeResult, resultLabels, type HiaResult, type Proposal } from './propose-result.js';
import { findScreening } from './repository.js';
import { saveAnswers, saveResult } from './save-screening.js';

const notNeeded = { heading: 'No health impact screening is needed', what: 'a health impact assessment screening' };
const settledHeading = 'The health impact screening can no longer be changed';

function base(requirement: Pick<RequirementRow, 'id'>): string {
  return `/requirements/${requirement.id}/hia`;
}

/** Health impact assessment screening of an in-scope requirement: an answer per health determinant, then the result. */
export async function hiaRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  app.get('/requirements/:id/hia', { config: { access: staffRoles } }, async (request, reply) => {
    const requirement = await inScopeRequirement(db, request, reply, notNeeded);
    if (!requirement) return reply;
    const screening = await findScreening(db, requirement.id);
    const impactsGiven = screening && completeImpacts(screening.answers);
    const progress = progressOf(!!screening, screening?.completedAt ?? null);
    const proposal = impactsGiven && proposeResult(impactsGiven);
    return reply.page('hia/views/summary.njk', {
      pageTitle: 'Health impact assessment screening',
      backLink: { href: requirementHref(requirement) },
      requirement,
      screening,
      base: base(requirement),
      progress,
      progressLabel: progressLabels[progress],
      rows: answerRows(screening?.answers ?? {}),
      answered: !!impactsGiven,
      proposal,
      resultLabel: screening?.result ? resultLabels[screening.result] : null,
      overridden: !!(proposal && screening?.result && screening.result !== proposal.result),
      proposalLabel: proposal ? resultLabels[proposal.result] : null,
      editable: canChange(request.user) && !settledReason(requirement),
      settled: settledReason(requirement),
      flash: doneKey(request) === 'completed' ? 'Screening completed' : undefined,
    });
  });

  /** The in-scope requirement whose screening may change, or null after replying. */
  async function changeable(request: FastifyRequest, reply: FastifyReply): Promise<RequirementRow | null> {
    const requirement = await inScopeRequirement(db, request, reply, notNeeded);
    if (!requirement) return null;
    if (settledReason(requirement)) {
      refuseSettled(reply, requirement, settledHeading, base(requirement));
      return null;
    }
    return requirement;
  }

  function renderAnswers(reply: FastifyReply, requirement: RequirementRow, values: Answers, problems: [string, string][]) {
    return reply.page('hia/views/answers.njk', {
      pageTitle: 'Screen the requirement for health impacts',
      backLink: { href: base(requirement) },
      requirement,
      action: `${base(requirement)}/answers`,
      questions: determinants.map((d) => ({
        ...d,
        impactField: impactField(d.key),
        noteField: noteField(d.key),
        impact: values[d.key]?.impact ?? '',
        note: values[d.key]?.note ?? '',
        items: impacts.map((impact) => ({ value: impact, text: impactLabels[impact], checked: values[d.key]?.impact === impact })),
      })),
      ...formErrors(problems),
    });
  }

  app.get('/requirements/:id/hia/answers', { config: { access: changeRoles } }, async (request, reply) => {
    const requirement = await changeable(request, reply);
    if (!requirement) return reply;
    const screening = await findScreening(db, requirement.id);
    return renderAnswers(reply, requirement, screening?.answers ?? {}, []);
  });

  app.post('/requirements/:id/hia/answers', { config: { access: changeRoles } }, async (request, reply) => {
    const requirement = await changeable(request, reply);
    if (!requirement) return reply;
    const reading = readAnswers(request.body);
    if (!reading.answers) return renderAnswers(reply.code(400), requirement, reading.values, reading.problems);
    const saved = await saveAnswers(db, request.actor, requirement, reading.answers);
    if (saved.status === 'settled') return refuseSettledLater(db, reply, requirement, settledHeading, base(requirement));
    return reply.redirect(saved.reopened ? withDone(`${base(requirement)}/result`, 'reopened') : `${base(requirement)}/result`, 303);
  });

  function renderResult(
    reply: FastifyReply,
    requirement: RequirementRow,
    proposal: Proposal,
    values: { result: string; notes: string },
    problems: [string, string][],
    reopened = false,
  ) {
    return reply.page('hia/views/result.njk', {
      pageTitle: 'Result of the screening',
      backLink: { href: base(requirement) },
      requirement,
      action: `${base(requirement)}/result`,
      answersHref: `${base(requirement)}/answers`,
      proposal,
      proposalLabel: resultLabels[proposal.result],
      reopened,
      values,
      resultItems: (Object.keys(resultLabels) as HiaResult[]).map((result) => ({
        value: result,
        text: resultLabels[result] + (result === proposal.result ? ' (proposed)' : ''),
        hint: { text: resultHints[result] },
        checked: values.result === result,
      })),
      ...formErrors(problems),
    });
  }

  /** The screening's proposal, or null after sending the officer back to answer every determinant first. */
  async function proposalFor(requirement: RequirementRow, reply: FastifyReply) {
    const screening = await findScreening(db, requirement.id);
    const impactsGiven = screening && completeImpacts(screening.answers);
    if (!impactsGiven) {
      reply.redirect(`${base(requirement)}/answers`, 303);
      return null;
    }
    return { screening, proposal: proposeResult(impactsGiven) };
  }

  app.get('/requirements/:id/hia/result', { config: { access: changeRoles } }, async (request, reply) => {
    const requirement = await changeable(request, reply);
    if (!requirement) return reply;
    const found = await proposalFor(requirement, reply);
    if (!found) return reply;
    const { screening, proposal } = found;
    const values = { result: screening.result ?? proposal.result, notes: screening.notes };
    return renderResult(reply, requirement, proposal, values, [], doneKey(request) === 'reopened');
  });

  app.post('/requirements/:id/hia/result', { config: { access: changeRoles } }, async (request, reply) => {
    const requirement = await changeable(request, reply);
    if (!requirement) return reply;
    const found = await proposalFor(requirement, reply);
    if (!found) return reply;
    const values = readResult(request.body);
    const problems = resultProblems(values.result, values.notes, found.proposal);
    if (problems.length) return renderResult(reply.code(400), requirement, found.proposal, values, problems);
    const saved = await saveResult(db, request.actor, requirement, values);
    if (saved.status === 'settled') return refuseSettledLater(db, reply, requirement, settledHeading, base(requirement));
    if (saved.status === 'unanswered') return reply.redirect(`${base(requirement)}/answers`, 303);
    if (saved.status === 'invalid') {
      // The answers changed while the form was open: show the result page again with the new proposal.
      const again = await proposalFor(requirement, reply);
      return again ? renderResult(reply.code(400), requirement, again.proposal, values, saved.problems) : reply;
    }
    return reply.redirect(withDone(base(requirement), 'completed'), 303);
  });
}

const resultHints: Record<HiaResult, string> = {
  no_further_assessment: 'The requirement is unlikely to affect health in ways that need a closer look.',
  rapid: 'A short look at the effects found, usually from the evidence already held and with a few stakeholders.',
  full: 'A thorough assessment with new evidence and engagement, for effects on health that are significant or uncertain.',
};

/** The answers as table rows: each determinant, its likely effect and note. */
function answerRows(answers: Answers) {
  return determinants.map((d) => {
    const impact = answers[d.key]?.impact;
    return {
      name: d.name,
      effect: impact && impact in impactLabels ? impactLabels[impact as keyof typeof impactLabels] : 'Not answered',
      note: answers[d.key]?.note ?? '',
    };
  });
}
