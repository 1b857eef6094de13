import { formatBps, formatPounds } from '../../domain/money.js';
import { formatQuantity } from '../../domain/quantity.js';
import type { CommitmentRow } from './commitment-rows.js';
import type { DeliveryRow } from './delivery-rows.js';
import { lineStatusLabels, sizeLabels } from './labels.js';

type Shared = CommitmentRow | DeliveryRow;

/** The supplier's flags in words: "Small, VCSE, local". */
export function supplierFlags(row: Pick<Shared, 'supplierSize' | 'supplierVcse' | 'supplierLocal'>): string {
  return [row.supplierSize ? sizeLabels[row.supplierSize] : null, row.supplierVcse ? 'VCSE' : null, row.supplierLocal ? 'local' : null]
    .filter((x) => x !== null)
    .join(', ');
}

/** How a measure is valued, openly: its proxy per unit and the adjustments taken off it. */
export function valuationText(row: Pick<Shared, 'proxyPencePerUnit' | 'deadweightBps' | 'attributionBps' | 'frameworkVersion'>): string {
  const version = `framework version ${row.frameworkVersion}`;
  if (row.proxyPencePerUnit === null) return `No proxy value: counted in its own unit (${version})`;
  return `${formatPounds(row.proxyPencePerUnit)} a unit, less ${formatBps(row.deadweightBps)} deadweight and ${formatBps(row.attributionBps)} attribution (${version})`;
}

export function commitmentView(row: CommitmentRow) {
  return {
    ...row,
    flags: supplierFlags(row),
    valuation: valuationText(row),
    promised: formatQuantity(row.originalQuantityHundredths),
    committed: formatQuantity(row.quantityHundredths),
    delivered: formatQuantity(row.deliveredHundredths),
  };
}

export function deliveryView(row: DeliveryRow) {
  return {
    ...row,
    flags: supplierFlags(row),
    valuation: valuationText(row),
    quantity: formatQuantity(row.quantityHundredths),
    statusLabel: lineStatusLabels[row.status],
  };
}
