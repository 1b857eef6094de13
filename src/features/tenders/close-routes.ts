import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../db/client.js';
import { field, formErrors } from '../../platform/forms.js';
import { closeTenderEarly, earlyCloseRefusal, type CloseRefusal } from './close-tender.js';
import { readCloseReason } from './closing-reason.js';
import { phaseLabels, tenderPhase } from './phase.js';
import { listInvitedSuppliers, type TenderRow } from './repository.js';
import { officerRoles, readableTender, refuse, tenderFlash, tenderPath } from './route-support.js';

/** Closing bidding early: an officer, giving a reason, once at least one bid has been submitted. */
export async function closeRoutes(app: FastifyInstance, db: Db, baseUrl: string): Promise<void> {
  const officers = { config: { access: officerRoles } };

  function refuseClose(reply: FastifyReply, tender: TenderRow, result: CloseRefusal) {
    const heading = `Bidding for tender ${tender.number} cannot be closed early`;
    if (result.status === 'not-open') {
      return refuse(reply, tender, heading, [`The tender is not open for bids: it is ${phaseLabels[result.phase].toLowerCase()}.`]);
    }
    return refuse(reply, tender, heading, [
      'No bid has been submitted yet, so there would be nothing to evaluate. Bidding closes at its closing time. Nothing has changed.',
    ]);
  }

  /** The confirm page: who has not submitted (they will be told), and the reason to give. */
  async function confirmPage(reply: FastifyReply, tender: TenderRow, form?: { reason: string; problems: [string, string][] }) {
    const suppliers = await listInvitedSuppliers(db, tender.id);
    const refusal = earlyCloseRefusal(tenderPhase(tender), suppliers);
    if (refusal) return refuseClose(reply, tender, refusal);
    return reply.code(form?.problems.length ? 400 : 200).page('tenders/views/close.njk', {
      pageTitle: `Close bidding for tender ${tender.number} early`,
      backLink: { href: tenderPath(tender) },
      tender,
      submitted: suppliers.filter((s) => s.submitted).length,
      waiting: suppliers.filter((s) => !s.submitted).map((s) => s.name),
      values: { reason: form?.reason ?? '' },
      ...formErrors(form?.problems ?? []),
    });
  }

  app.get('/tenders/:tenderId/close', officers, async (request, reply) => {
    const tender = await readableTender(db, request, reply);
    if (!tender) return reply;
    return confirmPage(reply, tender);
  });

  app.post('/tenders/:tenderId/close', officers, async (request, reply) => {
    const tender = await readableTender(db, request, reply);
    if (!tender) return reply;
    const reading = readCloseReason(field(request.body, 'reason'));
    if (!reading.ok) return confirmPage(reply, tender, { reason: field(request.body, 'reason'), problems: [['reason', reading.message]] });
    const result = await closeTenderEarly(db, request.actor, tender, reading.reason, baseUrl);
    if (result.status === 'missing') return reply.callNotFound();
    if (result.status !== 'closed') return refuseClose(reply, tender, result);
    return reply.redirect(tenderFlash.path(tenderPath(tender), 'closed'), 303);
  });
}
