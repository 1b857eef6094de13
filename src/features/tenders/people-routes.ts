import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/audit.js';
import { formErrors } from '../../platform/forms.js';
import { sizeLabels } from '../organisations/labels.js';
import type { DraftTenderChange } from './change-draft-tender.js';
import { readChoices } from './forms.js';
import { evaluatorChoices, listAssignedEvaluators, listInvitedSuppliers, supplierChoices, type TenderRow } from './repository.js';
import { draftTender, officerRoles, refuseFrozen, tenderFlash, tenderPath } from './route-support.js';
import { saveEvaluators } from './save-evaluators.js';
import { saveSuppliers } from './save-suppliers.js';

interface Choice {
  id: string;
  text: string;
  hint: string;
}

/** A page of checkboxes choosing people or organisations for a draft tender. */
interface PeoplePage {
  path: 'suppliers' | 'evaluators';
  heading: string;
  legend: string;
  intro: string[];
  emptyText: string;
  messages: { none: string; unknown: string };
  choices(): Promise<Choice[]>;
  chosen(tender: TenderRow): Promise<string[]>;
  save(db: Db, actor: Actor, tender: TenderRow, ids: string[]): Promise<DraftTenderChange<void>>;
}

function supplierHint(s: Awaited<ReturnType<typeof supplierChoices>>[number]): string {
  const facts = [
    s.size ? `${sizeLabels[s.size]} organisation` : 'Size not known',
    s.isLocal ? `local${s.district ? ` (${s.district})` : ''}` : 'not local',
    ...(s.isVcse ? ['voluntary, community or social enterprise'] : []),
    ...(s.isSocialEnterprise && !s.isVcse ? ['social enterprise'] : []),
  ];
  return facts.join(', ');
}

/** Choosing the suppliers invited to bid, and the evaluators who score the bids. */
export async function peopleRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const officers = { config: { access: officerRoles } };

  const peoplePages: PeoplePage[] = [
    {
      path: 'suppliers',
      heading: 'Invited suppliers',
      legend: 'Which suppliers are invited to bid?',
      intro: [
        'Only invited suppliers can see the tender and bid. When you publish, each of their users is sent an email.',
        'A consortium bids through its lead supplier: invite the lead.',
      ],
      emptyText: 'There are no supplier organisations yet. An administrator can add them from the organisations page.',
      messages: { none: 'Select at least one supplier to invite', unknown: 'Select suppliers from the list: one of those sent is not a supplier organisation' },
      choices: async () => (await supplierChoices(db)).map((s) => ({ id: s.id, text: s.name, hint: supplierHint(s) })),
      chosen: async (tender) => (await listInvitedSuppliers(db, tender.id)).map((s) => s.organisationId),
      save: saveSuppliers,
    },
    {
      path: 'evaluators',
      heading: 'Evaluators',
      legend: 'Who will score the answers?',
      intro: [
        'Evaluators score each bid’s answers on their own, without seeing each other’s scores, after declaring any conflict of interest. An officer then moderates the scores.',
        'Evaluators see only the tenders they are chosen for.',
      ],
      emptyText: 'Nobody has the evaluator role yet. An administrator can give it to people from the users page.',
      messages: { none: 'Select at least one evaluator', unknown: 'Select evaluators from the list: one of those sent is not an active evaluator' },
      choices: async () => (await evaluatorChoices(db)).map((e) => ({ id: e.id, text: e.name, hint: e.email })),
      chosen: async (tender) => (await listAssignedEvaluators(db, tender.id)).map((e) => e.userId),
      save: saveEvaluators,
    },
  ];

  for (const page of peoplePages) {
    const render = (reply: FastifyReply, tender: TenderRow, choices: Choice[], selected: string[], problems: [string, string][] = []) => {
      const errors = formErrors(problems);
      // The summary links to the first checkbox, whose id is the field's name (GOV.UK's checkboxes).
      return reply.code(problems.length ? 400 : 200).page('tenders/views/choices.njk', {
        pageTitle: `${page.heading} – tender ${tender.number}`,
        backLink: { href: tenderPath(tender) },
        heading: page.heading,
        action: `${tenderPath(tender)}/${page.path}`,
        tender,
        intro: page.intro,
        legend: page.legend,
        emptyText: page.emptyText,
        name: page.path,
        choices: choices.map((c) => ({ ...c, checked: selected.includes(c.id) })),
        ...errors,
      });
    };

    app.get(`/tenders/:tenderId/${page.path}`, officers, async (request, reply) => {
      const tender = await draftTender(db, request, reply);
      if (!tender) return reply;
      return render(reply, tender, await page.choices(), await page.chosen(tender));
    });

    app.post(`/tenders/:tenderId/${page.path}`, officers, async (request, reply) => {
      const tender = await draftTender(db, request, reply);
      if (!tender) return reply;
      const choices = await page.choices();
      const reading = readChoices(request.body, page.path, choices, page.messages);
      if (!reading.result) return render(reply, tender, choices, reading.values.selected, reading.problems);
      const saved = await page.save(db, request.actor, tender, reading.result);
      if (saved.status === 'missing') return reply.callNotFound();
      if (saved.status === 'frozen') return refuseFrozen(reply, tender);
      return reply.redirect(tenderFlash.path(tenderPath(tender), 'saved'), 303);
    });
  }
}
