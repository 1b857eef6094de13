import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { closeRemediation } from './close-remediation.js';
import { openRemediation } from './open-remediation.js';
import { readClosure, readRemediation, type RemediationValues } from './remediation-form.js';
import { loadRemediation, type CommitmentRecord, type ContractRecord, type RemediationRecord } from './repository.js';
import { commitmentInPath, contractChangers, contractInPath, contractPath } from './route-support.js';
import { recordInPath } from '../../platform/route-params.js';

const emptyAction: RemediationValues = { action: '', owner: '', day: '', month: '', year: '' };

/** Remediation of under-delivery: an action (what, who, by when) opened on a commitment and tracked to closure. */
export async function remediationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const access = { access: contractChangers };

  const openPage = (reply: FastifyReply, contract: ContractRecord, commitment: CommitmentRecord, values: RemediationValues, errors: object = {}) =>
    reply.page('contracts/views/remediation-new.njk', {
      pageTitle: `Open a remediation action for ${commitment.code} ${commitment.title}`,
      backLink: { href: `${contractPath(contract.id)}#commitments` },
      contract,
      commitment,
      values,
      ...errors,
    });

  const openPath = '/contracts/:id/commitments/:cid/remediation/new';

  app.get(openPath, { config: access }, async (request, reply) => {
    const found = await commitmentInPath(db, request, reply);
    return found ? openPage(reply, found.contract, found.commitment, emptyAction) : reply;
  });

  app.post(openPath, { config: access }, async (request, reply) => {
    const found = await commitmentInPath(db, request, reply);
    if (!found) return reply;
    const reading = readRemediation(request.body, todayIso());
    if (!reading.ok) return openPage(reply.code(400), found.contract, found.commitment, reading.values, reading);
    await openRemediation(db, request.actor, found.contract, found.commitment.id, reading.remediation);
    return reply.redirect(`${contractPath(found.contract.id, 'remediation-opened')}#remediation`, 303);
  });

  async function actionInPath(request: FastifyRequest, reply: FastifyReply) {
    const contract = await contractInPath(db, request, reply);
    if (!contract) return null;
    const action = await recordInPath(request, reply, 'aid', async (actionId) => (await loadRemediation(db, contract.id)).find((a) => a.id === actionId));
    if (!action) return null;
    return { contract, action };
  }

  const closePage = (reply: FastifyReply, contract: ContractRecord, action: RemediationRecord, values: { note: string }, errors: object = {}) =>
    reply.page('contracts/views/remediation-close.njk', {
      pageTitle: 'Close a remediation action',
      backLink: { href: `${contractPath(contract.id)}#remediation` },
      contract,
      action,
      values,
      ...errors,
    });

  const closePath = '/contracts/:id/remediation/:aid/close';

  app.get(closePath, { config: access }, async (request, reply) => {
    const found = await actionInPath(request, reply);
    return found ? closePage(reply, found.contract, found.action, { note: '' }) : reply;
  });

  app.post(closePath, { config: access }, async (request, reply) => {
    const found = await actionInPath(request, reply);
    if (!found) return reply;
    const reading = readClosure(request.body);
    if (!reading.ok) return closePage(reply.code(400), found.contract, found.action, reading.values, reading);
    if (!(await closeRemediation(db, request.actor, found.contract, found.action.id, reading.note))) {
      const message = 'This action has already been closed';
      return closePage(
        reply.code(409),
        found.contract,
        found.action,
        { note: reading.note },
        { errors: { note: message }, errorList: [{ text: message, href: '#note' }] },
      );
    }
    return reply.redirect(`${contractPath(found.contract.id, 'remediation-closed')}#remediation`, 303);
  });
}
