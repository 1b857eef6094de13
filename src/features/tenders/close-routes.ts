import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../db/client.js';
import { closeTenderEarly, earlyCloseRefusal, type CloseRefusal } from './close-tender.js';
import { phaseLabels, tenderPhase } from './phase.js';
import { listInvitedSuppliers, type TenderRow } from './repository.js';
import { officerRoles, readableTender, refuse, tenderPath, withFlash } from './route-support.js';

/** Closing bidding early, once every invited supplier has submitted a bid. */
export async function closeRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const officers = { config: { access: officerRoles } };

  function refuseClose(reply: FastifyReply, tender: TenderRow, result: CloseRefusal) {
    const heading = `Bidding for tender ${tender.number} cannot be closed early`;
    if (result.status === 'not-open') {
      return refuse(reply, tender, heading, [`The tender is not open for bids: it is ${phaseLabels[result.phase].toLowerCase()}.`]);
    }
    if (result.suppliers.length === 0) {
      return refuse(reply, tender, heading, ['No suppliers are invited to this tender, so it closes on its closing date.']);
    }
    return refuse(
      reply,
      tender,
      heading,
      [
        'Bidding can only be closed early once every invited supplier has submitted a bid. These suppliers have not submitted one yet:',
        `Otherwise bidding closes on its closing date. Nothing has changed.`,
      ],
      result.suppliers,
    );
  }

  app.get('/tenders/:tenderId/close', officers, async (request, reply) => {
    const tender = await readableTender(db, request, reply);
    if (!tender) return reply;
    const suppliers = await listInvitedSuppliers(db, tender.id);
    const refusal = earlyCloseRefusal(tenderPhase(tender), suppliers);
    if (refusal) return refuseClose(reply, tender, refusal);
    return reply.page('tenders/views/confirm.njk', {
      pageTitle: `Close bidding for tender ${tender.number}`,
      backLink: { href: tenderPath(tender) },
      tender,
      heading: 'Close bidding now?',
      paragraphs: [
        `All ${suppliers.length} invited ${suppliers.length === 1 ? 'supplier has' : 'suppliers have'} submitted a bid, so you can close bidding before the closing date.`,
        'The bids can then be evaluated straight away.',
      ],
      warning: 'Once bidding is closed, suppliers cannot change their bids, and bidding cannot be opened again.',
      action: `${tenderPath(tender)}/close`,
      buttonText: 'Close bidding now',
      danger: true,
      cancelHref: tenderPath(tender),
    });
  });

  app.post('/tenders/:tenderId/close', officers, async (request, reply) => {
    const tender = await readableTender(db, request, reply);
    if (!tender) return reply;
    const result = await closeTenderEarly(db, request.actor, tender);
    if (result.status === 'missing') return reply.callNotFound();
    if (result.status !== 'closed') return refuseClose(reply, tender, result);
    return reply.redirect(withFlash(tenderPath(tender), 'closed'), 303);
  });
}
