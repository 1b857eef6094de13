import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../db/client.js';
import { loadTenderSetup } from './load-setup.js';
import { measureRows } from './measure-view.js';
import type { SetupProblem } from './publish-checks.js';
import { publishTender } from './publish-tender.js';
import type { TenderRow } from './repository.js';
import { draftTender, officerRoles, refuse, refuseFrozen, tenderFlash, tenderPath } from './route-support.js';

/** Checking a draft tender's whole set-up, then publishing it: the set-up is frozen from then on. */
export async function publishRoutes(app: FastifyInstance, db: Db, baseUrl: string): Promise<void> {
  const officers = { config: { access: officerRoles } };

  async function render(reply: FastifyReply, tender: TenderRow, problems?: SetupProblem[]) {
    const setup = await loadTenderSetup(db, tender);
    const shown = problems ?? setup.problems;
    return reply.code(problems ? 400 : 200).page('tenders/views/publish.njk', {
      pageTitle: `Publish tender ${tender.number}`,
      backLink: { href: tenderPath(tender) },
      setup,
      measureRows: measureRows(setup.measures),
      canChange: true,
      errorList: shown.map((p) => ({ text: p.text, href: `${tenderPath(tender)}/${p.section}#${p.field}` })),
    });
  }

  app.get('/tenders/:tenderId/publish', officers, async (request, reply) => {
    const tender = await draftTender(db, request, reply);
    if (!tender) return reply;
    return render(reply, tender);
  });

  app.post('/tenders/:tenderId/publish', officers, async (request, reply) => {
    const tender = await draftTender(db, request, reply);
    if (!tender) return reply;
    const result = await publishTender(db, request.actor, tender, baseUrl);
    switch (result.status) {
      case 'published':
        return reply.redirect(tenderFlash.path(tenderPath(tender), 'published'), 303);
      case 'problems':
        return render(reply, tender, result.problems);
      case 'measures-gone':
        return refuse(
          reply,
          tender,
          `Tender ${tender.number} cannot be published yet`,
          [
            `Framework version ${result.versionNumber} has been activated since the measures were chosen, and it does not have these measures:`,
            `Choose the measures again from version ${result.versionNumber}, then publish. Nothing has been published.`,
          ],
          result.codes,
        );
      case 'no-framework':
        return refuse(reply, tender, `Tender ${tender.number} cannot be published yet`, [
          'There is no active framework of outcomes and measures. Ask an administrator to activate one, then publish. Nothing has been published.',
        ]);
      case 'frozen':
        return refuseFrozen(reply, tender);
      case 'missing':
        return reply.callNotFound();
    }
  });
}
