import type { Db } from '../../db/client.js';
import { ratingLabels } from '../../domain/rag.js';
import { formatQuantity } from '../../domain/quantity.js';
import { reportingPeriods } from '../../domain/reporting-periods.js';
import { deliveryStatus } from '../contracts/delivery-status.js';
import { reportPeriodLabel } from '../../domain/report-period.js';
import { unitWords } from './line-form.js';
import { queriedLines, reportsOfContracts, supplierContracts, verifiedByMeasure } from './repository.js';
import { periodSchedule } from './schedule.js';

/** A supplier's home: its contracts, the reports it owes, the lines the council queried and what it has delivered. */
export async function loadSupplierHome(db: Db, organisationId: string, today: string) {
  const contracts = await supplierContracts(db, organisationId);
  const ids = contracts.map((c) => c.id);
  const [statuses, reports, queried, delivered] = await Promise.all([
    deliveryStatus(db, ids, today),
    reportsOfContracts(db, ids),
    queriedLines(db, organisationId),
    verifiedByMeasure(db, organisationId),
  ]);
  const waiting = contracts.flatMap((contract) =>
    periodSchedule(
      reportingPeriods(contract.startDate, contract.endDate, contract.reportingFrequency),
      reports.filter((r) => r.contractId === contract.id),
      today,
    )
      .filter((p) => p.waiting)
      .map((p) => ({ ...p, contractId: contract.id, reference: contract.reference, title: contract.title })),
  );
  waiting.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.reference.localeCompare(b.reference));
  const valueOf = (id: string) => statuses.get(id);
  return {
    contracts: contracts.map((c) => {
      const status = valueOf(c.id);
      return { ...c, ratingLabel: status?.effectiveRating ? ratingLabels[status.effectiveRating] : 'Not yet rated' };
    }),
    waiting,
    queried: queried.map((q) => ({
      ...q,
      label: reportPeriodLabel(
        contracts.find((c) => c.id === q.contractId)!,
        q,
      ),
    })),
    delivered: delivered.map((d) => ({ ...d, quantity: formatQuantity(Number(d.quantity)), unitText: unitWords(d.unit) })),
    deliveredValuePence: [...statuses.values()].reduce((sum, s) => sum + s.deliveredValuePence, 0),
    additionalValuePence: [...statuses.values()].reduce((sum, s) => sum + s.additionalValuePence, 0),
  };
}
