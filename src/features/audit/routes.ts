import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { dateParts, readDateInput } from '../../platform/date-input.js';
import { field, formErrors } from '../../platform/forms.js';
import { fieldChanges } from './changes.js';
import { findAuditEvent, searchAudit, type AuditFilters } from './search-audit.js';

const auditedTables = ['organisations', 'users', 'invitations', 'framework_versions', 'outcomes', 'measures', 'thresholds'];

/** An optional date filter: none when all three boxes are empty. */
function dateFilter(query: unknown, prefix: string, label: string, problems: [string, string][]): string | null {
  const date = readDateInput(query, { id: prefix, label, missing: '' });
  if (dateParts.every((part) => date.values[part] === '')) return null;
  if (date.problem) problems.push([`${prefix}-${date.problem.parts[0] ?? 'day'}`, date.problem.message]);
  return date.iso;
}

export async function auditRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  app.get('/admin/audit', { config: { access: ['admin'] } }, async (request, reply) => {
    const query = request.query;
    const problems: [string, string][] = [];
    const from = dateFilter(query, 'from', 'Date from', problems);
    const to = dateFilter(query, 'to', 'Date to', problems);
    const beforeText = field(query, 'before');
    const filters: AuditFilters = {
      actor: field(query, 'actor').trim().slice(0, 200),
      action: field(query, 'action').trim().slice(0, 200),
      entityTable: auditedTables.includes(field(query, 'table')) ? field(query, 'table') : '',
      operation: field(query, 'operation'),
      from,
      to,
      before: /^\d{1,15}$/.test(beforeText) ? Number(beforeText) : null,
    };
    const { events, hasOlder } = problems.length ? { events: [], hasOlder: false } : await searchAudit(db, filters);
    const params = new URLSearchParams();
    for (const key of ['actor', 'action', 'table', 'operation', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year']) {
      const value = field(query, key);
      if (value) params.set(key, value);
    }
    const last = events[events.length - 1];
    if (last) params.set('before', String(last.id));
    return reply.code(problems.length ? 400 : 200).page('audit/views/list.njk', {
      pageTitle: 'Audit trail',
      events,
      filters,
      values: Object.fromEntries(params),
      tableItems: [
        { value: '', text: 'Any record' },
        ...auditedTables.map((t) => ({ value: t, text: t.replace('_', ' ').replace(/^./, (c) => c.toUpperCase()), selected: filters.entityTable === t })),
      ],
      olderHref: hasOlder ? `/admin/audit?${params.toString()}` : null,
      paged: filters.before !== null,
      ...formErrors(problems),
    });
  });

  app.get('/admin/audit/:id', { config: { access: ['admin'] } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const event = /^\d{1,15}$/.test(id) ? await findAuditEvent(db, Number(id)) : null;
    if (!event) return reply.callNotFound();
    return reply.page('audit/views/event.njk', {
      pageTitle: `Audit event ${event.id}`,
      event,
      changes: fieldChanges(event.before, event.after),
      backLink: { href: '/admin/audit' },
    });
  });
}
