import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { ForbiddenError } from '../../platform/access.js';
import { hasAnyRole, staffRoles, type CurrentUser } from '../../platform/current-user.js';
import { flashMessages } from '../../platform/flash.js';
import { type FormErrors } from '../../platform/forms.js';
import { recordInPath } from '../../platform/route-params.js';
import { canChange, changeRoles, inScopeRequirement, requirementHref, type RequirementRow } from '../assessment/requirement-pages.js';
import { DATE_FIELD, emptyEntry, entryValues, readEntry, type EntryValues } from './forms.js';
import { engagementMethods, methodLabel, methodLabels } from './methods.js';
import { findEntry, listEntries, type EntryRow } from './repository.js';
import { addEntry, changeEntry } from './save-entry.js';

const notNeeded = { heading: 'No engagement log is needed', what: 'a stakeholder engagement log' };

const flash = flashMessages({ added: 'Engagement added to the log', changed: 'Engagement changed' });

function logHref(requirement: Pick<RequirementRow, 'id'>): string {
  return `/requirements/${requirement.id}/engagement`;
}

/** An entry can be changed by whoever added it, or by an officer. */
function mayEdit(user: CurrentUser | null, entry: Pick<EntryRow, 'createdBy'>): boolean {
  return !!user && (entry.createdBy === user.id || hasAnyRole(user, ['officer']));
}

type FormState = { values: EntryValues; errors?: FormErrors & { dateErrorParts: string[] } };

function methodItems(values: EntryValues) {
  return engagementMethods.map((method) => ({ value: method, text: methodLabels[method], checked: values.method === method }));
}

/** The stakeholder engagement log of an in-scope requirement: who, when, how, and what was learned. */
export async function engagementRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  async function renderLog(request: FastifyRequest, reply: FastifyReply, requirement: RequirementRow, form: FormState) {
    const entries = await listEntries(db, requirement.id);
    return reply.page('engagement/views/log.njk', {
      pageTitle: 'Stakeholder engagement log',
      backLink: { href: requirementHref(requirement) },
      requirement,
      entries: entries.map((entry) => ({ ...entry, methodText: methodLabel(entry.method), editable: mayEdit(request.user, entry) })),
      canAdd: canChange(request.user),
      action: logHref(requirement),
      dateField: DATE_FIELD,
      methodItems: methodItems(form.values),
      values: form.values,
      ...form.errors,
      flash: flash.of(request),
    });
  }

  app.get('/requirements/:id/engagement', { config: { access: staffRoles } }, async (request, reply) => {
    const requirement = await inScopeRequirement(db, request, reply, notNeeded);
    if (!requirement) return reply;
    return renderLog(request, reply, requirement, { values: emptyEntry });
  });

  app.post('/requirements/:id/engagement', { config: { access: changeRoles } }, async (request, reply) => {
    const requirement = await inScopeRequirement(db, request, reply, notNeeded);
    if (!requirement) return reply;
    const reading = readEntry(request.body, todayIso());
    if (!reading.ok) return renderLog(request, reply.code(400), requirement, reading);
    const id = await addEntry(db, request.actor, requirement, reading.entry);
    return reply.redirect(flash.path(`${logHref(requirement)}#entry-${id}`, 'added'), 303);
  });

  /** The requirement and the entry in the path, or null after replying; refuses people who may not change the entry. */
  async function entryFor(request: FastifyRequest, reply: FastifyReply): Promise<{ requirement: RequirementRow; entry: EntryRow } | null> {
    const requirement = await inScopeRequirement(db, request, reply, notNeeded);
    if (!requirement) return null;
    const entry = await recordInPath(request, reply, 'entryId', (entryId) => findEntry(db, requirement.id, entryId));
    if (!entry) return null;
    if (!mayEdit(request.user, entry)) throw new ForbiddenError('Only the person who added an engagement, or an officer, can change it');
    return { requirement, entry };
  }

  function renderEdit(reply: FastifyReply, requirement: RequirementRow, entry: EntryRow, form: FormState) {
    return reply.page('engagement/views/edit.njk', {
      pageTitle: 'Change an engagement',
      backLink: { href: logHref(requirement) },
      requirement,
      action: `${logHref(requirement)}/${entry.id}/edit`,
      dateField: DATE_FIELD,
      methodItems: methodItems(form.values),
      values: form.values,
      ...form.errors,
    });
  }

  app.get('/requirements/:id/engagement/:entryId/edit', { config: { access: changeRoles } }, async (request, reply) => {
    const found = await entryFor(request, reply);
    if (!found) return reply;
    return renderEdit(reply, found.requirement, found.entry, { values: entryValues(found.entry) });
  });

  app.post('/requirements/:id/engagement/:entryId/edit', { config: { access: changeRoles } }, async (request, reply) => {
    const found = await entryFor(request, reply);
    if (!found) return reply;
    const { requirement, entry } = found;
    const reading = readEntry(request.body, todayIso());
    if (!reading.ok) return renderEdit(reply.code(400), requirement, entry, reading);
    if (!(await changeEntry(db, request.actor, requirement, entry.id, reading.entry))) return reply.callNotFound();
    return reply.redirect(flash.path(`${logHref(requirement)}#entry-${entry.id}`, 'changed'), 303);
  });
}
