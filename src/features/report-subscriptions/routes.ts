import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayIso } from '../../domain/dates.js';
import { pageFrom, paginationLinks } from '../../domain/pagination.js';
import { latestEndedPeriod, periodLabel } from './periods.js';
import { doneKey, flashMessages, withDone } from '../../platform/flash.js';
import { field, formErrors } from '../../platform/forms.js';
import { recordInPath, uuidParam } from '../../platform/route-params.js';
import { confirmPage } from '../../platform/shared-pages.js';
import type { Services } from '../../services.js';
import { changeStatus, type StatusChange } from './change-status.js';
import { createSubscription } from './create-subscription.js';
import { deliveryHints, deliveryLabels, kindHints, kindLabels, stateTags, statusTags } from './labels.js';
import { findSubscription, listSends, listSubscriptions, type SubscriptionRecord } from './repository.js';
import { retrySend } from './retry-send.js';
import { readSubscriptionForm, type SubscriptionValues } from './subscription-form.js';

/** Officers and administrators manage who is sent the reports; everyone else is refused. */
export const distributors = ['officer', 'admin'] as const;
const config = { access: distributors };

const LIST = '/reports/subscriptions';
const SENDS_PER_PAGE = 50;

const flash = flashMessages({
  paused: 'Subscription paused. Nothing is sent to it until it is resumed.',
  resumed: 'Subscription resumed. It is sent the latest report it has not had, then each new one.',
  removed: 'Subscription removed. Nothing more is sent to it; its send log is kept.',
  retried: 'The report is queued and will be sent within a minute.',
});

const pageContext = { kindLabels, deliveryLabels, statusTags, stateTags };

/** Views of send log rows: the period in words and the state as a tag. */
function sendRows(rows: Awaited<ReturnType<typeof listSends>>['rows']) {
  return rows.map((row) => ({ ...row, periodLabel: periodLabel(row.kind, row.period), tag: stateTags[row.state] }));
}

/** The subscriptions to the social value reports: list, add, pause, resume and remove them, and see what was sent. */
export async function reportSubscriptionRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  async function subscriptionInPath(request: FastifyRequest, reply: FastifyReply): Promise<SubscriptionRecord | null> {
    return recordInPath(request, reply, 'id', async (id) => {
      const subscription = await findSubscription(db, id);
      return subscription?.status === 'removed' ? null : subscription;
    });
  }

  function renderForm(reply: FastifyReply, values: SubscriptionValues, problems: [string, string][] = []) {
    const today = todayIso();
    return reply.code(problems.length ? 400 : 200).page('report-subscriptions/views/form.njk', {
      pageTitle: 'Add a report subscription',
      backLink: { href: LIST },
      values,
      latest: {
        quarterly: periodLabel('quarterly', latestEndedPeriod('quarterly', today)),
        annual: periodLabel('annual', latestEndedPeriod('annual', today)),
      },
      kindItems: (['quarterly', 'annual'] as const).map((value) => ({
        value,
        text: kindLabels[value],
        hint: { text: kindHints[value] },
        checked: values.kind === value,
      })),
      deliveryItems: (['attached', 'linked'] as const).map((value) => ({
        value,
        text: deliveryLabels[value],
        hint: { text: deliveryHints[value] },
        checked: values.delivery === value,
      })),
      ...formErrors(problems),
    });
  }

  app.get(LIST, { config }, async (request, reply) => {
    return reply.page('report-subscriptions/views/list.njk', {
      pageTitle: 'Report subscriptions',
      subscriptions: await listSubscriptions(db),
      flash: flash.of(request),
      ...pageContext,
    });
  });

  app.get(`${LIST}/new`, { config }, async (_request, reply) => renderForm(reply, { name: '', emails: '', kind: '', delivery: '' }));

  app.post(LIST, { config }, async (request, reply) => {
    const form = readSubscriptionForm(request.body);
    if (!form.ok) return renderForm(reply, form.values, form.problems);
    const { id } = await createSubscription(db, request.actor, form);
    return reply.redirect(withDone(`${LIST}/${id}`, 'added'), 303);
  });

  app.get(`${LIST}/sends`, { config }, async (request, reply) => {
    const page = pageFrom(field(request.query, 'page'), SENDS_PER_PAGE);
    const { rows, total } = await listSends(db, page);
    return reply.page('report-subscriptions/views/sends.njk', {
      pageTitle: 'Report send log',
      backLink: { href: LIST, text: 'Report subscriptions' },
      sends: sendRows(rows),
      total,
      pagination: paginationLinks(page, total, (n) => `${LIST}/sends?page=${n}`),
      ...pageContext,
    });
  });

  app.get(`${LIST}/:id`, { config }, async (request, reply) => {
    const subscription = await subscriptionInPath(request, reply);
    if (!subscription) return reply;
    const page = pageFrom(field(request.query, 'page'), SENDS_PER_PAGE);
    const { rows, total } = await listSends(db, page, subscription.id);
    const done = doneKey(request);
    const firstLabel = periodLabel(subscription.kind, subscription.firstPeriod);
    return reply.page('report-subscriptions/views/subscription.njk', {
      pageTitle: subscription.name,
      backLink: { href: LIST, text: 'Report subscriptions' },
      subscription,
      sends: sendRows(rows),
      total,
      pagination: paginationLinks(page, total, (n) => `${LIST}/${subscription.id}?page=${n}`),
      flash:
        done === 'added'
          ? `Subscription added. The ${firstLabel} report will be sent within a minute, then each new one when its period ends.`
          : flash.lookup(done),
      ...pageContext,
    });
  });

  const statusRoutes: [StatusChange, 'paused' | 'resumed'][] = [
    ['pause', 'paused'],
    ['resume', 'resumed'],
  ];
  for (const [change, done] of statusRoutes) {
    app.post(`${LIST}/:id/${change}`, { config }, async (request, reply) => {
      const subscription = await subscriptionInPath(request, reply);
      if (!subscription) return reply;
      const changed = await changeStatus(db, request.actor, subscription, change);
      return reply.redirect(changed ? flash.path(`${LIST}/${subscription.id}`, done) : `${LIST}/${subscription.id}`, 303);
    });
  }

  app.get(`${LIST}/:id/remove`, { config }, async (request, reply) => {
    const subscription = await subscriptionInPath(request, reply);
    if (!subscription) return reply;
    return confirmPage(reply, {
      pageTitle: `Remove ${subscription.name}`,
      backLink: { href: `${LIST}/${subscription.id}` },
      caption: 'Report subscription',
      heading: `Remove ${subscription.name}?`,
      paragraphs: [
        `Nothing more will be sent to ${subscription.emails.join(', ')}, reports waiting to be sent are cancelled, and links to reports already emailed stop working. The send log is kept.`,
      ],
      action: `${LIST}/${subscription.id}/remove`,
      buttonText: 'Remove subscription',
      danger: true,
      cancelHref: `${LIST}/${subscription.id}`,
    });
  });

  app.post(`${LIST}/:id/remove`, { config }, async (request, reply) => {
    const subscription = await subscriptionInPath(request, reply);
    if (!subscription) return reply;
    await changeStatus(db, request.actor, subscription, 'remove');
    return reply.redirect(flash.path(LIST, 'removed'), 303);
  });

  app.post(`${LIST}/:id/sends/:sendId/retry`, { config }, async (request, reply) => {
    const subscription = await subscriptionInPath(request, reply);
    if (!subscription) return reply;
    const sendId = uuidParam(request, 'sendId');
    const retried = sendId !== null && (await retrySend(db, request.actor, subscription, sendId));
    return reply.redirect(retried ? flash.path(`${LIST}/${subscription.id}`, 'retried') : `${LIST}/${subscription.id}`, 303);
  });
}
