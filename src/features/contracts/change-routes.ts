import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { contractRatings, reportingFrequencies } from '../../db/schema/index.js';
import { todayIso } from '../../domain/dates.js';
import { ratingLabels } from '../../domain/rag.js';
import { changeDetails, frequencyLocked } from './change-contract-details.js';
import { setRating } from './set-contract-rating.js';
import { deliveryStatus } from './delivery-status.js';
import { readDetails, readRating, type DetailsValues, type RatingValues } from './forms.js';
import { frequencyLabels } from './labels.js';
import { contractManagers, type ContractRecord } from './repository.js';
import { contractChangers, contractInPath, contractPath } from './route-support.js';

/** Changing a contract's manager and reporting frequency, and setting or removing an officer's rating. */
export async function contractChangeRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  async function detailsPage(reply: FastifyReply, contract: ContractRecord, values: DetailsValues, errors: object = {}) {
    const [managers, locked] = await Promise.all([contractManagers(db), frequencyLocked(db, contract.id)]);
    return reply.page('contracts/views/edit.njk', {
      pageTitle: `Change the details of ${contract.reference}`,
      backLink: { href: contractPath(contract.id) },
      contract,
      locked,
      frequencyLabel: frequencyLabels[contract.reportingFrequency],
      managerItems: [
        { value: '', text: 'No contract manager', selected: values.manager === '' },
        ...managers.map((m) => ({ value: m.id, text: m.name, selected: m.id === values.manager })),
      ],
      frequencyItems: reportingFrequencies.map((f) => ({ value: f, text: frequencyLabels[f], checked: f === values.frequency })),
      values,
      ...errors,
    });
  }

  app.get('/contracts/:id/edit', { config: { access: contractChangers } }, async (request, reply) => {
    const contract = await contractInPath(db, request, reply);
    if (!contract) return reply;
    return detailsPage(reply, contract, { manager: contract.contractManagerId ?? '', frequency: contract.reportingFrequency });
  });

  app.post('/contracts/:id/edit', { config: { access: contractChangers } }, async (request, reply) => {
    const contract = await contractInPath(db, request, reply);
    if (!contract) return reply;
    const managers = await contractManagers(db);
    // A manager no longer in the list (left, or changed role) may stay as they are.
    const allowed = [...managers.map((m) => m.id), ...(contract.contractManagerId ? [contract.contractManagerId] : [])];
    const reading = readDetails(request.body, allowed);
    if (!reading.ok) return detailsPage(reply.code(400), contract, reading.values, reading);
    if (reading.frequency !== contract.reportingFrequency && (await frequencyLocked(db, contract.id))) {
      return detailsPage(reply.code(400), contract, reading.values, {
        errors: { frequency: 'The reporting frequency cannot change once the supplier has started a report' },
        errorList: [{ text: 'The reporting frequency cannot change once the supplier has started a report', href: '#frequency' }],
      });
    }
    await changeDetails(db, request.actor, contract, reading);
    return reply.redirect(contractPath(contract.id, 'updated'), 303);
  });

  async function ratingPage(reply: FastifyReply, contract: ContractRecord, values: RatingValues, errors: object = {}) {
    const status = (await deliveryStatus(db, [contract.id], todayIso())).get(contract.id)!;
    return reply.page('contracts/views/rating.njk', {
      pageTitle: `Rating of ${contract.reference}`,
      backLink: { href: `${contractPath(contract.id)}#rating` },
      contract,
      computedLabel: status.computedRating ? ratingLabels[status.computedRating] : null,
      overrideLabel: contract.ratingOverride ? ratingLabels[contract.ratingOverride] : null,
      ratingItems: [
        ...contractRatings.map((r) => ({ value: r, text: ratingLabels[r], checked: values.rating === r })),
        { divider: 'or' },
        {
          value: 'computed',
          text: 'Use the computed rating',
          hint: { text: status.computedRating ? `Currently ${ratingLabels[status.computedRating]}` : 'Not yet rated: no commitment is due yet' },
          checked: values.rating === 'computed',
        },
      ],
      values,
      ...errors,
    });
  }

  app.get('/contracts/:id/rating', { config: { access: contractChangers } }, async (request, reply) => {
    const contract = await contractInPath(db, request, reply);
    if (!contract) return reply;
    return ratingPage(reply, contract, { rating: contract.ratingOverride ?? '', reason: contract.ratingOverrideReason ?? '' });
  });

  app.post('/contracts/:id/rating', { config: { access: contractChangers } }, async (request, reply) => {
    const contract = await contractInPath(db, request, reply);
    if (!contract) return reply;
    const reading = readRating(request.body);
    if (!reading.ok) return ratingPage(reply.code(400), contract, reading.values, reading);
    await setRating(db, request.actor, contract, reading.override);
    return reply.redirect(contractPath(contract.id, reading.override ? 'rating' : 'rating-cleared'), 303);
  });
}
