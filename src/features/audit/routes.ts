import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { dateParts, readDateInput } from '../../platform/date-input.js';
import { field, formErrors } from '../../platform/forms.js';
import { param } from '../../platform/route-params.js';
import { fieldChanges } from './changes.js';
import { findAuditAction, listAuditedTables, searchAudit, type AuditFilters } from './search-audit.js';
import { rowChangeLabel, tableLabel } from './table-labels.js';

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
    const auditedTables = await listAuditedTables(db);
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
      tableItems: [{ value: '', text: 'Any record' }, ...auditedTables.map((t) => ({ value: t, text: tableLabel(t), selected: filters.entityTable === t }))],
      olderHref: hasOlder ? `/admin/audit?${params.toString()}` : null,
      paged: filters.before !== null,
      ...formErrors(problems),
    });
  });

  app.get('/admin/audit/:id', { config: { access: ['admin'] } }, async (request, reply) => {
    const id = param(request, 'id');
    const afterText = field(request.query, 'after');
    const after = /^\d{1,15}$/.test(afterText) ? Number(afterText) : null;
    const action = /^\d{1,15}$/.test(id) ? await findAuditAction(db, Number(id), after) : null;
    if (!action) return reply.callNotFound();
    const { first, rows } = action;
    const last = rows[rows.length - 1];
    return reply.page('audit/views/event.njk', {
      pageTitle: `${first.action}: audit event ${first.id}`,
      event: first,
      total: action.total,
      changes: rows.map((row) => ({
        id: row.id,
        heading: rowChangeLabel(row.entityTable, row.operation),
        entityId: row.entityId,
        operation: row.operation,
        fields: fieldChanges(row.before, row.after),
      })),
      paged: after !== null,
      moreHref: action.hasMore && last ? `/admin/audit/${first.id}?after=${last.id}` : null,
      backLink: { href: '/admin/audit' },
    });
  });
}
