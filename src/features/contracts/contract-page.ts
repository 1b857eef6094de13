import type { Db } from '../../db/client.js';
import { applicabilityLabels } from '../../domain/applicability.js';
import { periodLabel } from '../../domain/delivery-profile.js';
import { ragLabels, ratingLabels } from '../../domain/rag.js';
import { formatQuantity } from '../../domain/quantity.js';
import { reportingPeriods } from '../../domain/reporting-periods.js';
import { contractDeliveryStatus } from './delivery-status.js';
import { periodSchedule } from '../delivery-reports/schedule.js';
import { frequencyLabels, sourceLabels, variationStatusLabels } from './labels.js';
import { loadCommitments, loadHistory, loadRemediation, loadReports, loadVariations, type ContractRecord } from './repository.js';

const sameProfile = (a: readonly { quantityHundredths: number; periodStart: string }[], b: typeof a) =>
  a.length === b.length && a.every((p, i) => p.periodStart === b[i]!.periodStart && p.quantityHundredths === b[i]!.quantityHundredths);

/** Everything the contract page shows, in a constant number of queries whatever the size of the contract. */
export async function loadContractPage(db: Db, contract: ContractRecord, today: string, options: { withHistory: boolean }) {
  const [commitments, reports, variations, remediation, history] = await Promise.all([
    loadCommitments(db, contract.id),
    loadReports(db, contract.id),
    loadVariations(db, contract.id),
    loadRemediation(db, contract.id),
    options.withHistory ? loadHistory(db, contract.id) : Promise.resolve([]),
  ]);
  const status = await contractDeliveryStatus(db, contract, commitments, today);
  const byCommitment = new Map(status.commitments.map((c) => [c.commitmentId, c]));
  const labelOf = new Map(commitments.map((c) => [c.id, `${c.code} ${c.title}`]));
  const periods = reportingPeriods(contract.startDate, contract.endDate, contract.reportingFrequency);
  return {
    summary: {
      ...contract,
      applicabilityLabel: applicabilityLabels[contract.applicability],
      sourceLabel: sourceLabels[contract.source],
      frequencyLabel: frequencyLabels[contract.reportingFrequency],
    },
    rating: {
      computed: status.computedRating,
      computedLabel: status.computedRating ? ratingLabels[status.computedRating] : null,
      effective: status.effectiveRating,
      effectiveLabel: status.effectiveRating ? ratingLabels[status.effectiveRating] : null,
      overridden: status.overridden,
    },
    measuredUntil: status.measuredUntil,
    deliveredValuePence: status.deliveredValuePence,
    additionalValuePence: status.additionalValuePence,
    commitments: commitments.map((c) => {
      const s = byCommitment.get(c.id)!;
      return {
        ...c,
        ...s,
        quantity: formatQuantity(c.quantityHundredths),
        changed: c.measureId !== c.originalMeasureId || c.quantityHundredths !== c.originalQuantityHundredths || !sameProfile(c.profile, c.originalProfile),
        originalQuantity: formatQuantity(c.originalQuantityHundredths),
        profiled: formatQuantity(s.profiledToDate),
        delivered: formatQuantity(s.deliveredToDate),
        ragLabel: ragLabels[s.rag],
        hasOpenAction: remediation.some((r) => r.commitmentId === c.id && r.status === 'open'),
        hasPendingVariation: variations.some((v) => v.commitmentId === c.id && v.status === 'pending'),
        periods: c.profile.map((p, i) => {
          const original = c.originalProfile[i];
          return {
            periodStart: p.periodStart,
            periodEnd: p.periodEnd,
            label: periodLabel(p.periodStart, p.periodEnd),
            quantity: formatQuantity(p.quantityHundredths),
            original: original?.periodStart === p.periodStart ? formatQuantity(original.quantityHundredths) : null,
            due: p.periodEnd < today,
          };
        }),
      };
    }),
    schedule: periodSchedule(periods, reports, today),
    variations: variations.map((v) => ({
      ...v,
      commitmentLabel: labelOf.get(v.commitmentId) ?? '',
      proposedQuantity: formatQuantity(v.proposedQuantityHundredths),
      statusLabel: variationStatusLabels[v.status],
    })),
    remediation: remediation.map((r) => ({
      ...r,
      commitmentLabel: r.commitmentId ? (labelOf.get(r.commitmentId) ?? '') : '',
      overdue: r.status === 'open' && r.dueDate < today,
    })),
    history,
  };
}
