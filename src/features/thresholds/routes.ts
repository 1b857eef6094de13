import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { thresholdKinds } from '../../db/schema/index.js';
import { thresholdInForce, thresholdKindNames, vatBasis } from '../../domain/applicability.js';
import { formatDate, todayIso } from '../../domain/dates.js';
import { formatPounds } from '../../domain/money.js';
import { hasAnyRole, staffRoles } from '../../platform/current-user.js';
import { dateInputValues } from '../../platform/date-input.js';
import { field, isUuid } from '../../platform/forms.js';
import { addThreshold } from './add-threshold.js';
import { applicabilityFor } from './applicability-for.js';
import { duplicateErrors, readCheck, readThreshold, type CheckValues, type ThresholdValues } from './forms.js';
import { loadThresholds, type ThresholdRecord } from './repository.js';

const CHECK_FIELDS = ['value', 'vat', 'day', 'month', 'year'];
const emptyThreshold: ThresholdValues = { kind: '', amount: '', includesVat: '', source: '', day: '', month: '', year: '' };

/** The thresholds in force and their history, a check of any contract value, and (for admins) new thresholds. */
export async function thresholdRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const checkDefaults = (): CheckValues => ({ value: '', vat: '', ...dateInputValues(todayIso()) });

  app.get('/thresholds', { config: { access: staffRoles } }, async (request, reply) => {
    const today = todayIso();
    const all = await loadThresholds(db);
    const added = field(request.query, 'added');
    const addedThreshold = isUuid(added) ? all.find((t) => t.id === added) : undefined;
    return reply.page('thresholds/views/index.njk', {
      pageTitle: 'Thresholds',
      today,
      kinds: thresholdKinds.map((kind) => {
        const current = thresholdInForce(all, kind, today);
        const rows = all.filter((t) => t.kind === kind).reverse();
        return { kind, name: thresholdKindNames[kind], current, rows: rows.map((t) => ({ ...t, status: statusOf(t, current, today) })) };
      }),
      canAdd: hasAnyRole(request.user, ['admin']),
      values: checkDefaults(),
      flash: addedThreshold && addedMessage(addedThreshold),
    });
  });

  app.get('/thresholds/check', { config: { access: staffRoles } }, async (request, reply) => {
    const page = { pageTitle: 'Check a contract value', backLink: { href: '/thresholds' } };
    const query = request.query as Record<string, unknown>;
    if (!CHECK_FIELDS.some((name) => name in query)) return reply.page('thresholds/views/check.njk', { ...page, values: checkDefaults() });
    const reading = readCheck(query);
    if (!reading.ok) return reply.code(400).page('thresholds/views/check.njk', { ...page, values: reading.values, ...reading.errors });
    const answer = await applicabilityFor(db, reading.valuePence, reading.includesVat, reading.date);
    return reply.page('thresholds/views/check.njk', {
      ...page,
      values: reading.values,
      checked: { valuePence: reading.valuePence, includesVat: reading.includesVat, date: reading.date },
      answer,
    });
  });

  const newPage = { pageTitle: 'Add a threshold', backLink: { href: '/thresholds' } };

  app.get('/thresholds/new', { config: { access: ['admin'] } }, async (_request, reply) =>
    reply.page('thresholds/views/new.njk', { ...newPage, values: emptyThreshold }),
  );

  app.post('/thresholds/new', { config: { access: ['admin'] } }, async (request, reply) => {
    const reading = readThreshold(request.body);
    if (!reading.ok) return reply.code(400).page('thresholds/views/new.njk', { ...newPage, values: reading.values, ...reading.errors });
    const result = await addThreshold(db, request.actor, reading.threshold);
    if (!result.ok) {
      return reply.code(400).page('thresholds/views/new.njk', { ...newPage, values: reading.values, ...duplicateErrors(reading.threshold) });
    }
    return reply.redirect(`/thresholds?added=${result.id}`, 303);
  });
}

function addedMessage(threshold: ThresholdRecord): string {
  return `Added a ${thresholdKindNames[threshold.kind]} of ${formatPounds(threshold.amountPence)} ${vatBasis(threshold.includesVat)}, taking effect on ${formatDate(threshold.effectiveFrom)}.`;
}

/** Where a threshold stands today: the one in force, one announced for later, or one a later threshold replaced. */
function statusOf(threshold: ThresholdRecord, current: ThresholdRecord | null, today: string): string {
  if (threshold === current) return 'In force';
  return threshold.effectiveFrom > today ? 'Not yet in force' : 'Replaced';
}
