import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { formatQuantity } from '../../domain/quantity.js';
import { periodLabel } from '../../domain/delivery-profile.js';
import { hasAnyRole, staffRoles } from '../../platform/current-user.js';
import { uuidParam } from '../../platform/route-params.js';
import { variationStatusLabels } from './labels.js';
import { loadCommitments, loadVariations, variationMeasures, type CommitmentRecord, type ContractRecord, type VariationRecord } from './repository.js';
import { commitmentInPath, contractInPath, contractPath, variationApprovers, variationRequesters } from './route-support.js';
import { currentValues, readDecision, readVariation, type DecisionValues, type VariationValues } from './variation-form.js';
import { decideVariation } from './decide-variation.js';
import { requestVariation } from './request-variation.js';

const describe = (c: { quantityHundredths: number }, unit: string) => `${formatQuantity(c.quantityHundredths)} ${unit}`;

/** Asking for a variation of a commitment, and an officer (not the one who asked) approving or rejecting it. */
export async function variationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  async function requestPage(reply: FastifyReply, contract: ContractRecord, commitment: CommitmentRecord, values: VariationValues, errors: object = {}) {
    const measures = await variationMeasures(db, contract.frameworkVersionId, commitment.measureId);
    return reply.page('contracts/views/variation-new.njk', {
      pageTitle: `Request a variation of ${commitment.code} ${commitment.title}`,
      backLink: { href: `${contractPath(contract.id)}#commitments` },
      contract,
      commitment,
      current: describe(commitment, commitment.unit),
      promise: `${commitment.originalCode} ${commitment.originalTitle}: ${describe({ quantityHundredths: commitment.originalQuantityHundredths }, commitment.originalUnit)}`,
      measureItems: measures.map((m) => ({ value: m.id, text: `${m.code} ${m.title} (${m.unit})`, selected: m.id === values.measure })),
      periods: commitment.profile.map((p, i) => ({ ...p, index: i, label: periodLabel(p.periodStart, p.periodEnd), value: values.periods[i] ?? '' })),
      values,
      ...errors,
    });
  }

  const requestPath = '/contracts/:id/commitments/:cid/variations/new';

  app.get(requestPath, { config: { access: variationRequesters } }, async (request, reply) => {
    const found = await commitmentInPath(db, request, reply);
    if (!found) return reply;
    return requestPage(reply, found.contract, found.commitment, currentValues(found.commitment));
  });

  app.post(requestPath, { config: { access: variationRequesters } }, async (request, reply) => {
    const found = await commitmentInPath(db, request, reply);
    if (!found) return reply;
    const { contract, commitment } = found;
    const measures = await variationMeasures(db, contract.frameworkVersionId, commitment.measureId);
    const reading = readVariation(
      request.body,
      measures.map((m) => m.id),
      commitment.profile,
    );
    if (!reading.ok) return requestPage(reply.code(400), contract, commitment, reading.values, reading);
    const id = await requestVariation(db, request.actor, contract.reference, commitment.id, reading.variation);
    if (!id) {
      const message = 'A variation of this commitment is already waiting for a decision. It must be approved or rejected before another is requested.';
      return requestPage(reply.code(409), contract, commitment, reading.values, {
        errors: { measure: message },
        errorList: [{ text: message, href: '#measure' }],
      });
    }
    return reply.redirect(contractPath(contract.id, 'variation-requested'), 303);
  });

  async function variationInPath(request: FastifyRequest, reply: FastifyReply) {
    const contract = await contractInPath(db, request, reply);
    if (!contract) return null;
    const variationId = uuidParam(request, 'vid');
    const [variation] = variationId ? await loadVariations(db, contract.id, variationId) : [];
    const commitment = variation && (await loadCommitments(db, contract.id)).find((c) => c.id === variation.commitmentId);
    if (!variation || !commitment) {
      reply.callNotFound();
      return null;
    }
    return { contract, variation, commitment };
  }

  function decisionPage(
    request: FastifyRequest,
    reply: FastifyReply,
    found: { contract: ContractRecord; variation: VariationRecord; commitment: CommitmentRecord },
    values: DecisionValues,
    errors: object = {},
  ) {
    const { contract, variation, commitment } = found;
    const ownRequest = variation.requestedBy === request.user?.id;
    return reply.page('contracts/views/variation.njk', {
      pageTitle: `Variation of ${commitment.code} ${commitment.title}`,
      backLink: { href: `${contractPath(contract.id)}#variations` },
      contract,
      variation: { ...variation, statusLabel: variationStatusLabels[variation.status] },
      commitment,
      rows: {
        promise: {
          measure: `${commitment.originalCode} ${commitment.originalTitle}`,
          quantity: describe({ quantityHundredths: commitment.originalQuantityHundredths }, commitment.originalUnit),
        },
        current: { measure: `${commitment.code} ${commitment.title}`, quantity: describe(commitment, commitment.unit) },
        proposed: {
          measure: `${variation.proposedCode} ${variation.proposedTitle}`,
          quantity: describe({ quantityHundredths: variation.proposedQuantityHundredths }, variation.proposedUnit),
        },
      },
      periodQuantities: variation.proposedProfile
        .map((p, i) => ({
          ...p,
          promise: commitment.originalProfile.find((o) => o.periodStart === p.periodStart)?.quantityHundredths ?? null,
          current: commitment.profile[i]?.quantityHundredths ?? null,
        }))
        .map((p) => ({
          ...p,
          label: periodLabel(p.periodStart, p.periodEnd),
          proposedText: formatQuantity(p.quantityHundredths),
          promiseText: p.promise === null ? '' : formatQuantity(p.promise),
          currentText: p.current === null ? '' : formatQuantity(p.current),
        })),
      canDecide: variation.status === 'pending' && hasAnyRole(request.user, variationApprovers) && !ownRequest,
      ownRequest: variation.status === 'pending' && ownRequest,
      values,
      ...errors,
    });
  }

  app.get('/contracts/:id/variations/:vid', { config: { access: staffRoles } }, async (request, reply) => {
    const found = await variationInPath(request, reply);
    if (!found) return reply;
    return decisionPage(request, reply, found, { decision: '', note: '' });
  });

  app.post('/contracts/:id/variations/:vid', { config: { access: variationApprovers } }, async (request, reply) => {
    const found = await variationInPath(request, reply);
    if (!found) return reply;
    if (found.variation.requestedBy === request.user!.id) {
      const message = 'You asked for this variation, so another officer or an admin must approve or reject it';
      return decisionPage(
        request,
        reply.code(403),
        found,
        { decision: '', note: '' },
        { errors: { decision: message }, errorList: [{ text: message, href: '#decision' }] },
      );
    }
    const reading = readDecision(request.body);
    if (!reading.ok) return decisionPage(request, reply.code(400), found, reading.values, reading);
    const decided = await decideVariation(db, request.actor, found.contract.reference, found.variation.id, reading);
    if (!decided) {
      const message = 'This variation has already been decided. Check the decision below.';
      const [latest] = await loadVariations(db, found.contract.id, found.variation.id);
      return decisionPage(request, reply.code(409), { ...found, variation: latest! }, reading.values, {
        errors: { decision: message },
        errorList: [{ text: message, href: '#decision' }],
      });
    }
    return reply.redirect(contractPath(found.contract.id, reading.approve ? 'variation-approved' : 'variation-rejected'), 303);
  });
}
