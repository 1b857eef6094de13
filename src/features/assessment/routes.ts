import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import type { Db } from '../../db/client.js';
import { applicabilityLabels } from '../../domain/applicability.js';
import { staffRoles } from '../../platform/current-user.js';
import { doneKey, withDone } from '../../platform/flash.js';
import { formErrors } from '../../platform/forms.js';
import { loadContext, type AssessmentContext } from './assessment-context.js';
import { completeAssessment } from './complete-assessment.js';
import { costValues } from './forms.js';
import {
  canChange,
  changeRoles,
  inScopeRequirement,
  refuseSettled,
  refuseSettledLater,
  requirementHref,
  settledReason,
  type RequirementRow,
} from './requirement-pages.js';
import { saveTask } from './save-task.js';
import { targetInWords, taskPages, type TaskPage } from './task-pages.js';
import { statusLabels, taskKeys, taskTitles, type TaskKey, type TaskStatus } from './tasks.js';

const notNeeded = { heading: 'No social value assessment is needed', what: 'a social value opportunity assessment' };
const settledHeading = 'The assessment can no longer be changed';

function base(requirement: Pick<RequirementRow, 'id'>): string {
  return `/requirements/${requirement.id}/assessment`;
}

/** The social value opportunity assessment of an in-scope requirement: a task list, five tasks, and check and complete. */
export async function assessmentRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  app.get('/requirements/:id/assessment', { config: { access: staffRoles } }, async (request, reply) => {
    const requirement = await inScopeRequirement(db, request, reply, notNeeded);
    if (!requirement) return reply;
    const context = await loadContext(db, requirement);
    const editable = canChange(request.user) && !settledReason(requirement);
    const done = doneKey(request);
    return reply.page('assessment/views/task-list.njk', {
      pageTitle: 'Social value opportunity assessment',
      backLink: { href: requirementHref(requirement) },
      requirement,
      applicability: applicabilityOf(requirement),
      assessment: context.assessment,
      framework: context.framework,
      newerFramework: !!context.framework && !!context.activeVersionId && context.framework.versionId !== context.activeVersionId,
      settled: settledReason(requirement),
      editable,
      reopened: done === 'reopened',
      flash: done === 'completed' ? 'Assessment completed' : undefined,
      taskItems: [...taskKeys, 'check' as const].map((key) => taskItem(requirement, key, context.statuses[key], editable)),
    });
  });

  for (const page of taskPages) taskRoutes(app, db, page);

  app.get('/requirements/:id/assessment/check', { config: { access: staffRoles } }, async (request, reply) => {
    const requirement = await inScopeRequirement(db, request, reply, notNeeded);
    if (!requirement) return reply;
    return renderCheck(reply, await loadContext(db, requirement), canChange(request.user), []);
  });

  app.post('/requirements/:id/assessment/check', { config: { access: changeRoles } }, async (request, reply) => {
    const requirement = await inScopeRequirement(db, request, reply, notNeeded);
    if (!requirement) return reply;
    if (settledReason(requirement)) return refuseSettled(reply, requirement, settledHeading, base(requirement));
    const result = await completeAssessment(db, request.actor, requirement);
    if (result.status === 'settled') return refuseSettledLater(db, reply, requirement, settledHeading, base(requirement));
    if (result.status === 'unfinished') {
      const problems = result.tasks.map((key): [string, string] => [key, `Complete “${taskTitles[key]}” before you complete the assessment`]);
      const context = await loadContext(db, requirement);
      return renderCheck(reply.code(400), context, true, problems);
    }
    return reply.redirect(result.status === 'completed' ? withDone(base(requirement), 'completed') : base(requirement), 303);
  });
}

/** The requirement's stored applicability, as the applicability tag shows it. */
function applicabilityOf(requirement: RequirementRow) {
  return { level: requirement.applicability, label: applicabilityLabels[requirement.applicability], explanation: requirement.applicabilityExplanation };
}

function taskItem(requirement: RequirementRow, key: TaskKey | 'check', status: TaskStatus, editable: boolean) {
  const linked = key === 'check' ? status !== 'cannot_start' : editable && status !== 'cannot_start';
  const label = statusLabels[status];
  return {
    title: { text: taskTitles[key] },
    href: linked ? `${base(requirement)}/${key}` : undefined,
    status:
      status === 'completed'
        ? { text: label }
        : status === 'cannot_start'
          ? { text: label, classes: 'govuk-task-list__status--cannot-start-yet' }
          : { tag: { text: label, classes: status === 'not_started' ? 'govuk-tag--blue' : 'govuk-tag--light-blue' } },
  };
}

/** Serves one task's page: its form (GET) and saving it (POST). */
function taskRoutes(app: FastifyInstance, db: Db, page: TaskPage): void {
  const url = `/requirements/:id/assessment/${page.key}`;
  const heading = taskTitles[page.key];

  /** The context for the task, or null after replying: not found, not needed, settled, or not yet possible. */
  async function contextFor(request: FastifyRequest, reply: FastifyReply): Promise<AssessmentContext | null> {
    const requirement = await inScopeRequirement(db, request, reply, notNeeded);
    if (!requirement) return null;
    if (settledReason(requirement)) {
      refuseSettled(reply, requirement, settledHeading, base(requirement));
      return null;
    }
    const context = await loadContext(db, requirement);
    if (page.needsFramework && !context.framework) {
      reply
        .code(409)
        .page('assessment/views/no-framework.njk', { pageTitle: 'There is no active framework', requirement, backLink: { href: base(requirement) } });
      return null;
    }
    if (context.statuses[page.key] === 'cannot_start') {
      reply.redirect(base(requirement), 303);
      return null;
    }
    return context;
  }

  function render(reply: FastifyReply, context: AssessmentContext, values: Record<string, unknown>, problems: [string, string][]) {
    const errors = formErrors(problems);
    return reply.page(`assessment/views/${page.key}.njk`, {
      pageTitle: heading,
      heading,
      backLink: { href: base(context.requirement) },
      action: `${base(context.requirement)}/${page.key}`,
      requirement: context.requirement,
      values,
      ...errors,
      ...(page.view ? page.view(context, values, errors.errors) : {}),
    });
  }

  app.get(url, { config: { access: changeRoles } }, async (request, reply) => {
    const context = await contextFor(request, reply);
    if (!context) return reply;
    const status = context.statuses[page.key];
    const completed = status === 'completed' ? 'yes' : status === 'in_progress' ? 'no' : '';
    return render(reply, context, { ...page.saved(context), completed }, []);
  });

  app.post(url, { config: { access: changeRoles } }, async (request, reply) => {
    const context = await contextFor(request, reply);
    if (!context) return reply;
    const reading = page.read(request.body, context);
    if (!reading.answer) return render(reply.code(400), context, reading.values, reading.problems);
    const saved = await saveTask(db, request.actor, context.requirement, reading.answer.value, reading.answer.complete);
    if (saved.status === 'settled') return refuseSettledLater(db, reply, context.requirement, settledHeading, base(context.requirement));
    return reply.redirect(saved.reopened ? withDone(base(context.requirement), 'reopened') : base(context.requirement), 303);
  });
}

function renderCheck(reply: FastifyReply, context: AssessmentContext, userCanChange: boolean, problems: [string, string][]) {
  const { requirement, assessment, framework, statuses } = context;
  const editable = userCanChange && !settledReason(requirement);
  const errors = formErrors(problems);
  // Each unfinished task's message links to its page.
  for (const item of errors.errorList) item.href = `${base(requirement)}/${item.href.slice(1)}`;
  const outcomeTitles = new Map((framework?.outcomes ?? []).map((o) => [o.code, o.title]));
  return reply.page('assessment/views/check.njk', {
    pageTitle: 'Check your answers',
    backLink: { href: base(requirement) },
    requirement,
    assessment,
    editable,
    canComplete: editable && statuses.check === 'not_started',
    statuses,
    titles: taskTitles,
    base: base(requirement),
    outcomes: (assessment?.outcomeCodes ?? []).map((code) => outcomeTitles.get(code) ?? code),
    measures: context.chosen.map((m) => ({ ...m, target: targetInWords(m.targetHundredths, m.unit) })),
    cost: costValues(assessment?.supplierCost ?? null),
    ...errors,
  });
}
