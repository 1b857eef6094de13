import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import type { Role } from '../../db/schema/index.js';
import { applicabilityLabels } from '../../domain/applicability.js';
import { hasAnyRole, staffRoles } from '../../platform/current-user.js';
import { flashMessages } from '../../platform/flash.js';
import { field, formErrors, isUuid } from '../../platform/forms.js';
import { param } from '../../platform/route-params.js';
import { COUNTYWIDE, districts } from '../organisations/postcode-districts.js';
import { cancelRequirement } from './cancel-requirement.js';
import { commonCategories } from './categories.js';
import { directorates } from './directorates.js';
import { districtsText, emptyValues, readCancelReason, readRequirement, valuesOf, type RequirementErrors, type RequirementValues } from './forms.js';
import { loadForwardPlan } from './forward-plan.js';
import { isChangeable, isInScope, progressLabels, stageLabels, type Progress } from './progress.js';
import { tenderGate, tenderReadiness } from './readiness.js';
import { findCancellation, findRequirement, ownerChoices, type RequirementDetails } from './repository.js';
import { changeRequirement, createRequirement } from './save-requirement.js';

/** Officers run commissioning; admins can step in. Other staff read. */
const managerRoles: readonly Role[] = ['officer', 'admin'];
const manage = { access: managerRoles } as const;
const read = { access: staffRoles } as const;

const flash = flashMessages({ added: 'Requirement added', saved: 'Changes saved', cancelled: 'Requirement cancelled' });

/** A task's status for GOV.UK's task list: a tag while there is something to do, plain text once it is done. */
function taskStatus(progress: Progress) {
  if (progress === 'completed') return { text: progressLabels.completed };
  return { tag: { text: progressLabels[progress], classes: progress === 'not_started' ? 'govuk-tag--blue' : 'govuk-tag--light-blue' } };
}

/** The social value tasks of an in-scope requirement, with links to the pages where they are done. */
function socialValueTasks(requirement: RequirementDetails) {
  const base = `/requirements/${requirement.id}`;
  const entries = requirement.engagementCount;
  return [
    {
      title: { text: 'Social value opportunity assessment' },
      hint: { text: 'How the requirement could bring wider benefits, and the measures and targets to ask bidders for' },
      href: `${base}/assessment`,
      status: taskStatus(requirement.work.assessment),
    },
    {
      title: { text: 'Health impact assessment screening' },
      hint: { text: 'Its effects on health, and whether a fuller health impact assessment is needed' },
      href: `${base}/hia`,
      status: taskStatus(requirement.work.screening),
    },
    {
      title: { text: 'Stakeholder engagement log' },
      hint: { text: 'Who you talked to, when and how, and what you learned' },
      href: `${base}/engagement`,
      status: entries
        ? { text: `${entries.toLocaleString('en-GB')} ${entries === 1 ? 'entry' : 'entries'}` }
        : { tag: { text: 'No entries yet', classes: 'govuk-tag--grey' } },
    },
  ];
}

const tenderStatusLabels: Record<string, string> = {
  draft: 'Draft: not yet published',
  published: 'Published: open for bids',
  closed: 'Closed for bids',
  awarded: 'Awarded',
};

/** The pipeline of requirements: the forward plan, adding and changing requirements, and cancelling them. */
export async function requirementRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  async function loadRequirement(request: FastifyRequest): Promise<RequirementDetails | null> {
    const id = param(request, 'id');
    return isUuid(id) ? findRequirement(db, id) : null;
  }

  /** The form's choices: the lists, plus a saved requirement's own directorate and owner if they have left the lists. */
  async function formChoices(current?: RequirementDetails) {
    const owners = await ownerChoices(db);
    if (current && !owners.some((o) => o.id === current.ownerId)) owners.push({ id: current.ownerId, name: current.ownerName });
    const directorateList = current && !directorates.includes(current.directorate) ? [...directorates, current.directorate] : directorates;
    return { owners, directorateList };
  }

  async function renderForm(
    reply: FastifyReply,
    values: RequirementValues,
    options: { requirement?: RequirementDetails; version?: string; errors?: RequirementErrors },
  ) {
    const { owners, directorateList } = await formChoices(options.requirement);
    const { requirement } = options;
    return reply.code(options.errors ? 400 : 200).page('requirements/views/form.njk', {
      pageTitle: requirement ? `Change requirement ${requirement.number}` : 'Add a requirement',
      backLink: { href: requirement ? `/requirements/${requirement.id}` : '/requirements' },
      requirement,
      answer: requirement && {
        level: requirement.applicability,
        label: applicabilityLabels[requirement.applicability],
        explanation: requirement.applicabilityExplanation,
      },
      action: requirement ? `/requirements/${requirement.id}/edit` : '/requirements/new',
      version: options.version,
      values,
      directorateItems: [
        { value: '', text: 'Select a directorate' },
        ...directorateList.map((d) => ({ value: d, text: d, selected: d === values.directorate })),
      ],
      categoryItems: [
        { value: '', text: 'Select a category' },
        ...commonCategories.map((c) => ({ value: c.code, text: `${c.label} (${c.code})`, selected: c.code === values.category })),
      ],
      districtItems: [
        ...districts.map((d) => ({ value: d.name, text: d.name, checked: values.districts.includes(d.name) })),
        { divider: 'or' },
        {
          value: COUNTYWIDE,
          text: 'Countywide',
          hint: { text: 'All seven districts' },
          behaviour: 'exclusive',
          checked: values.districts.includes(COUNTYWIDE),
        },
      ],
      ownerItems: [{ value: '', text: 'Select the owner' }, ...owners.map((o) => ({ value: o.id, text: o.name, selected: o.id === values.owner }))],
      ...options.errors,
    });
  }

  app.get('/requirements', { config: read }, async (request, reply) =>
    reply.page('requirements/views/list.njk', {
      pageTitle: 'Requirements',
      canManage: hasAnyRole(request.user, managerRoles),
      ...(await loadForwardPlan(db, request.query)),
    }),
  );

  app.get('/requirements/new', { config: manage }, async (request, reply) => {
    const owners = await ownerChoices(db);
    const me = owners.find((o) => o.id === request.user?.id);
    return renderForm(reply, emptyValues(me?.id ?? ''), {});
  });

  app.post('/requirements/new', { config: manage }, async (request, reply) => {
    const { owners } = await formChoices();
    const reading = readRequirement(request.body, { directorates, ownerIds: owners.map((o) => o.id) });
    if (!reading.ok) return renderForm(reply, reading.values, { errors: reading.errors });
    const id = await createRequirement(db, request.actor, reading.requirement);
    return reply.redirect(flash.path(`/requirements/${id}`, 'added'), 303);
  });

  app.get('/requirements/:id', { config: read }, async (request, reply) => {
    const requirement = await loadRequirement(request);
    if (!requirement) return reply.callNotFound();
    const canManage = hasAnyRole(request.user, managerRoles);
    const [gate, cancellation] = await Promise.all([
      tenderGate(db),
      requirement.stage === 'cancelled' ? findCancellation(db, requirement.id) : Promise.resolve(null),
    ]);
    return reply.page('requirements/views/view.njk', {
      pageTitle: requirement.title,
      backLink: { href: '/requirements', text: 'All requirements' },
      requirement,
      answer: { level: requirement.applicability, label: applicabilityLabels[requirement.applicability], explanation: requirement.applicabilityExplanation },
      inScope: isInScope(requirement.applicability),
      stageLabel: stageLabels[requirement.stage],
      districtsText: districtsText(requirement.districts),
      canChange: canManage && isChangeable(requirement.stage),
      canManage,
      tasks: socialValueTasks(requirement),
      tenderStatusLabel: requirement.work.tenderStatus ? tenderStatusLabels[requirement.work.tenderStatus] : null,
      readiness: tenderReadiness(requirement, gate),
      gateRelaxed: !gate.requireAssessment,
      cancellation,
      flash: flash.of(request),
    });
  });

  app.get('/requirements/:id/edit', { config: manage }, async (request, reply) => {
    const requirement = await loadRequirement(request);
    if (!requirement) return reply.callNotFound();
    if (!isChangeable(requirement.stage)) return reply.redirect(`/requirements/${requirement.id}`);
    return renderForm(reply, valuesOf(requirement), { requirement, version: requirement.updatedAt.toISOString() });
  });

  app.post('/requirements/:id/edit', { config: manage }, async (request, reply) => {
    const requirement = await loadRequirement(request);
    if (!requirement) return reply.callNotFound();
    const { owners, directorateList } = await formChoices(requirement);
    const reading = readRequirement(request.body, { directorates: directorateList, ownerIds: owners.map((o) => o.id) });
    const version = field(request.body, 'version');
    if (!reading.ok) return renderForm(reply, reading.values, { requirement, version, errors: reading.errors });
    const result = await changeRequirement(db, request.actor, requirement.id, requirement.number, version, reading.requirement);
    if (result === 'not-found') return reply.callNotFound();
    if (result === 'not-changeable') return reply.redirect(`/requirements/${requirement.id}`, 303);
    if (result === 'changed-meanwhile') {
      const message = 'Someone else saved this requirement while you were changing it. Check your answers against its page, then save again';
      return renderForm(reply, reading.values, {
        requirement,
        version: requirement.updatedAt.toISOString(),
        errors: { errors: {}, errorList: [{ text: message, href: '#title' }], dateErrorParts: [] },
      });
    }
    return reply.redirect(flash.path(`/requirements/${requirement.id}`, 'saved'), 303);
  });

  function renderCancel(reply: FastifyReply, requirement: RequirementDetails, reason: string, problem?: string) {
    return reply.code(problem ? 400 : 200).page('requirements/views/cancel.njk', {
      pageTitle: `Cancel requirement ${requirement.number}`,
      backLink: { href: `/requirements/${requirement.id}` },
      requirement,
      values: { reason },
      ...formErrors(problem ? [['reason', problem]] : []),
    });
  }

  app.get('/requirements/:id/cancel', { config: manage }, async (request, reply) => {
    const requirement = await loadRequirement(request);
    if (!requirement) return reply.callNotFound();
    if (!isChangeable(requirement.stage)) return reply.redirect(`/requirements/${requirement.id}`);
    return renderCancel(reply, requirement, '');
  });

  app.post('/requirements/:id/cancel', { config: manage }, async (request, reply) => {
    const requirement = await loadRequirement(request);
    if (!requirement) return reply.callNotFound();
    const { reason, problem } = readCancelReason(request.body);
    if (problem) return renderCancel(reply, requirement, reason, problem);
    const result = await cancelRequirement(db, request.actor, requirement.id, requirement.number, reason);
    if (result === 'not-found') return reply.callNotFound();
    return reply.redirect(result === 'cancelled' ? flash.path(`/requirements/${requirement.id}`, 'cancelled') : `/requirements/${requirement.id}`, 303);
  });
}
