import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { periodLabel } from './periods.js';
import { recordEvent, type Actor } from '../../platform/audit.js';
import { signedLinkKey, type LinkRefusal } from '../../platform/signed-links.js';
import type { Services } from '../../services.js';
import { changeStatus } from './change-status.js';
import { reportFileName, reportNames } from './emails.js';
import { readReportToken, readUnsubscribeToken } from './links.js';
import { ReportNotFoundError, serviceReports } from './report-pdf.js';
import { findSubscription } from './repository.js';
import { param } from '../../platform/route-params.js';

const open = { access: 'public' } as const;

/** Who the audit trail names for what a signed link does: nobody signed in, only the holder of the link. */
function linkActor(request: FastifyRequest, subscriptionName: string, what: string): Actor {
  return request.user ? request.actor : { id: null, label: `${what} link emailed to ${subscriptionName}`.slice(0, 200), requestId: request.id };
}

/**
 * The pages that recipients reach from the report emails without signing in: unsubscribing (a confirmation page,
 * then a form; the form's CSRF token is bound to the visit cookie), and opening a report by its expiring link.
 * Each checks its signed token; a changed token, or one made for the other page, is refused with a page that says so.
 */
export async function reportLinkRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const key = signedLinkKey(services.config.sessionSecret);
  const reports = serviceReports(services);

  function refused(reply: FastifyReply, reason: LinkRefusal | 'gone', what: 'unsubscribe' | 'report') {
    return reply.code(reason === 'expired' || reason === 'gone' ? 410 : 400).page('report-subscriptions/views/link-refused.njk', {
      pageTitle: reason === 'expired' ? 'This link has expired' : 'This link does not work',
      reason,
      what,
    });
  }

  async function unsubscribePage(request: FastifyRequest, reply: FastifyReply, unsubscribe: boolean) {
    const token = param(request, 'token');
    const read = readUnsubscribeToken(key, token);
    if (!read.ok) return refused(reply, read.reason, 'unsubscribe');
    const subscription = await findSubscription(db, read.subscriptionId);
    if (!subscription) return refused(reply, 'invalid', 'unsubscribe');
    if (unsubscribe && (subscription.status === 'active' || subscription.status === 'paused')) {
      await changeStatus(db, linkActor(request, subscription.name, 'the unsubscribe'), subscription, 'unsubscribe');
      return reply.redirect(`/reports/unsubscribe/${token}`, 303);
    }
    const stopped = subscription.status === 'unsubscribed' || subscription.status === 'removed';
    return reply.page('report-subscriptions/views/unsubscribe.njk', {
      pageTitle: stopped ? 'You are unsubscribed' : 'Unsubscribe from the social value report',
      subscription,
      reportName: reportNames[subscription.kind],
      stopped,
      action: `/reports/unsubscribe/${token}`,
    });
  }

  app.get('/reports/unsubscribe/:token', { config: open }, (request, reply) => unsubscribePage(request, reply, false));
  app.post('/reports/unsubscribe/:token', { config: open }, (request, reply) => unsubscribePage(request, reply, true));

  // Opening a report by its link reads the figures and may draw the PDF, with no sign-in: each address may do it
  // REPORT_LINK_RATE_LIMIT times a minute (@fastify/rate-limit, as the API; in this scope only), then gets a 429 page.
  await app.register(async (scoped) => {
    await scoped.register(fastifyRateLimit, {
      max: services.config.reportLinkRateLimit,
      timeWindow: 60_000,
      keyGenerator: (request) => `report-link:${request.ip}`,
      errorResponseBuilder: (_request, context) => Object.assign(new Error('Too many reports opened'), { statusCode: 429, after: context.after }),
    });
    scoped.setErrorHandler((error: FastifyError & { after?: string }, _request, reply) => {
      if (error.statusCode !== 429) throw error;
      return reply.code(429).page('report-subscriptions/views/link-refused.njk', {
        pageTitle: 'Too many reports opened from this address',
        reason: 'busy',
        what: 'report',
        after: error.after,
      });
    });
    scoped.get('/reports/shared/:token', { config: open }, async (request, reply) => {
      const read = readReportToken(key, param(request, 'token'));
      if (!read.ok) return refused(reply, read.reason, 'report');
      const subscription = await findSubscription(db, read.subscriptionId);
      // An officer removing the subscription withdraws its links; unsubscribing does not take back reports already sent.
      if (!subscription || subscription.status === 'removed' || subscription.kind !== read.kind) return refused(reply, 'gone', 'report');
      let pdf: Buffer;
      try {
        pdf = await reports.render(read.kind, read.period);
      } catch (error) {
        if (error instanceof ReportNotFoundError) return reply.callNotFound();
        throw error;
      }
      await recordEvent(
        db,
        linkActor(request, subscription.name, 'the report'),
        `Opened the ${periodLabel(read.kind, read.period)} ${reportNames[read.kind]} by the link emailed to ${subscription.name}`,
        {
          entityTable: 'report_subscriptions',
          entityId: subscription.id,
        },
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${reportFileName(read.kind, read.period)}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    });
  });
}
