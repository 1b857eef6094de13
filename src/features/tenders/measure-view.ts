import { formatPounds } from '../../domain/money.js';
import { formatQuantity } from '../../domain/quantity.js';
import type { ChosenMeasure } from './repository.js';

/** How a measure is counted and valued, in words: "Counted in hours, valued at £12.71 each". */
export function measureValueText(measure: { unit: string; proxyPencePerUnit: number | null }): string {
  return measure.proxyPencePerUnit === null
    ? `Counted in ${measure.unit}, not valued in pounds`
    : `Counted in ${measure.unit}, valued at ${formatPounds(measure.proxyPencePerUnit)} each`;
}

/** The chosen measures as the tender page shows them, with the minimum in the measure's unit. */
export function measureRows(measures: ChosenMeasure[]) {
  return measures.map((m) => ({ ...m, minimumText: m.minimumHundredths === null ? null : `${formatQuantity(m.minimumHundredths)} ${m.unit}` }));
}
