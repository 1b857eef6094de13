import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { requirements, tenderMeasures, tenders } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { queueMail } from '../../platform/mail.js';
import { findVersionByStatus } from '../framework/repository.js';
import { changeDraftTender } from './change-draft-tender.js';
import { publishInputOf } from './load-setup.js';
import { publishProblems, type SetupProblem } from './publish-checks.js';
import { listAssignedEvaluators, listChosenMeasures, listInvitedSuppliers, measuresByCode, supplierContacts, type TenderRow } from './repository.js';
import { evaluatorAssignmentEmail, supplierInvitationEmail } from './tender-emails.js';

export type PublishResult =
  | { status: 'published' }
  | { status: 'problems'; problems: SetupProblem[] }
  /** the active framework version no longer has measures of these codes */
  | { status: 'measures-gone'; codes: string[]; versionNumber: number }
  | { status: 'no-framework' }
  | { status: 'frozen' }
  | { status: 'missing' };

/**
 * Publishes a draft tender in one audited transaction: checks the whole set-up again under the tender's lock, moves
 * its measures to the framework version active now (matched by code), freezes it, moves the requirement to
 * tendering, and queues an email to the invited suppliers' users and to the evaluators.
 */
export async function publishTender(db: Db, actor: Actor, tender: TenderRow, baseUrl: string, now: Date = new Date()): Promise<PublishResult> {
  const result = await changeDraftTender(db, actor, tender.id, `Published tender ${tender.number}`, async (tx, locked): Promise<PublishResult> => {
    const problems = publishProblems(await publishInputOf(tx, locked), now);
    if (problems.length) return { status: 'problems', problems };
    const active = await findVersionByStatus(tx, 'active');
    if (!active) return { status: 'no-framework' };
    if (active.id !== locked.frameworkVersionId) {
      const chosen = await listChosenMeasures(tx, locked.id);
      const matches = await measuresByCode(
        tx,
        active.id,
        chosen.map((m) => m.code),
      );
      const gone = chosen.filter((m) => !matches.has(m.code)).map((m) => m.code);
      if (gone.length) return { status: 'measures-gone', codes: gone, versionNumber: active.number };
      for (const measure of chosen) {
        await tx
          .update(tenderMeasures)
          .set({ measureId: matches.get(measure.code)!.id })
          .where(and(eq(tenderMeasures.tenderId, locked.id), eq(tenderMeasures.measureId, measure.measureId)));
      }
    }
    await tx
      .update(tenders)
      .set({ status: 'published', publishedAt: now, frameworkVersionId: active.id, updatedAt: sql`now()` })
      .where(eq(tenders.id, locked.id));
    // Publication is what moves a requirement into tendering; no other change moves it out again (see derivedStage).
    await tx.update(requirements).set({ stage: 'tendering' }).where(eq(requirements.id, locked.requirementId));

    const published = { number: locked.number, title: locked.title, closingAt: locked.closingAt! };
    const suppliers = await listInvitedSuppliers(tx, locked.id);
    for (const person of await supplierContacts(
      tx,
      suppliers.map((s) => s.organisationId),
    )) {
      await queueMail(tx, supplierInvitationEmail(published, person, `${baseUrl}/supplier/tenders/${locked.id}`));
    }
    for (const person of await listAssignedEvaluators(tx, locked.id)) {
      if (person.active) await queueMail(tx, evaluatorAssignmentEmail(published, person, `${baseUrl}/tenders/${locked.id}`));
    }
    return { status: 'published' };
  });
  return result.status === 'done' ? result.value : result;
}
