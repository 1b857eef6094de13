import { formatQuantity } from '../../domain/quantity.js';
import { unitWords } from '../delivery-reports/line-form.js';
import { needStatusLabels, needTypeLabels, pledgeStatusLabels, pledgeStatusTags } from './labels.js';
import type { NeedRecord, PledgeRecord } from './repository.js';

/** A need as the pages show it: labels in words, the outcome's title, and its contact only when it may be shown. */
export function needView(need: NeedRecord & { pledges?: number }, outcomeTitles: ReadonlyMap<string, string>, options: { showContact: boolean }) {
  const contact = options.showContact ? { name: need.contactName, email: need.contactEmail, phone: need.contactPhone } : null;
  return {
    id: need.id,
    number: need.number,
    organisationName: need.organisationName,
    title: need.title,
    needType: need.needType,
    typeLabel: needTypeLabels[need.needType],
    description: need.description,
    district: need.district,
    postcode: need.postcode,
    outcomeCode: need.outcomeCode,
    outcomeTitle: outcomeTitles.get(need.outcomeCode) ?? need.outcomeCode,
    neededBy: need.neededBy,
    howUsed: need.howUsed,
    status: need.status,
    statusLabel: needStatusLabels[need.status],
    publishContact: need.publishContact,
    pledges: need.pledges ?? null,
    contact: contact && (contact.email || contact.phone) ? contact : null,
  };
}

export function pledgeView(pledge: PledgeRecord) {
  const unit = unitWords(pledge.unit);
  return {
    ...pledge,
    quantity: `${formatQuantity(pledge.quantityHundredths)} ${unit}`,
    metQuantity: pledge.metQuantityHundredths === null ? null : `${formatQuantity(pledge.metQuantityHundredths)} ${unit}`,
    countsTowards: pledge.commitmentId
      ? `Commitment ${pledge.measureCode} ${pledge.measureTitle} on contract ${pledge.contractReference}`
      : `Additional social value (${pledge.measureCode} ${pledge.measureTitle}) on contract ${pledge.contractReference}`,
    statusLabel: pledgeStatusLabels[pledge.status],
    statusTag: pledgeStatusTags[pledge.status],
    reported: pledge.reportLineId !== null,
    /** confirmed met after the contract's last report that could carry it was handed in */
    tooLate: pledge.reportLineId === null && pledge.tooLateAt !== null,
  };
}
