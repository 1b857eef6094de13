import { penceToDecimal } from '../../domain/money.js';
import { quantityToDecimal } from '../../domain/quantity.js';
import type { CommitmentRow } from './commitment-rows.js';
import type { DeliveryRow } from './delivery-rows.js';
import { lineStatusLabels, sizeLabels } from './labels.js';

type Kind = 'text' | 'quantity' | 'pence' | 'bps' | 'date' | 'flag' | 'integer';
type Value = string | number | boolean | null;

/**
 * A column of a downloadable table: its heading, its JSON key, how its value is read from a row, and whether it is
 * public. The transparency site's downloads take only public columns (and only rows of published contracts): a
 * column holding free text or anything about a person is never public.
 */
export interface Column<Row> {
  key: string;
  header: string;
  kind: Kind;
  public: boolean;
  get(row: Row): Value;
}

const isoDate = (value: Date | string | null): string | null => (value === null ? null : typeof value === 'string' ? value : value.toISOString().slice(0, 10));

/** A value as a CSV cell: quantities and pounds as plain decimals, percentages as numbers, flags as yes or no. */
export function csvCell(kind: Kind, value: Value): string {
  if (value === null || value === undefined) return '';
  if (kind === 'quantity') return quantityToDecimal(Number(value));
  if (kind === 'pence') return penceToDecimal(Number(value));
  if (kind === 'bps') return quantityToDecimal(Number(value));
  if (kind === 'flag') return value ? 'yes' : 'no';
  return String(value);
}

/** A value as a spreadsheet cell: numbers stay numbers (pounds and units, not pence and hundredths). */
export function xlsxCell(kind: Kind, value: Value): string | number | null {
  if (value === null || value === undefined) return null;
  if (kind === 'quantity' || kind === 'pence' || kind === 'bps') return Number(value) / 100;
  if (kind === 'flag') return value ? 'yes' : 'no';
  if (kind === 'integer') return Number(value);
  return String(value);
}

/** A value in the JSON download: money in integer pence, quantities and percentages as numbers, flags as booleans. */
export function jsonValue(kind: Kind, value: Value): Value {
  if (value === null || value === undefined) return null;
  if (kind === 'quantity' || kind === 'bps') return Number(value) / 100;
  if (kind === 'pence' || kind === 'integer') return Number(value);
  return value;
}

const sharedColumns = <Row extends CommitmentRow | DeliveryRow>(): Column<Row>[] => [
  { key: 'contractReference', header: 'Contract reference', kind: 'text', public: true, get: (r) => r.reference },
  { key: 'contractTitle', header: 'Contract', kind: 'text', public: true, get: (r) => r.contractTitle },
  { key: 'directorate', header: 'Directorate', kind: 'text', public: true, get: (r) => r.directorate },
  { key: 'publishedOn', header: 'Published on', kind: 'date', public: true, get: (r) => isoDate(r.publishedAt) },
  { key: 'supplier', header: 'Supplier', kind: 'text', public: true, get: (r) => r.supplierName },
  { key: 'supplierSize', header: 'Supplier size', kind: 'text', public: true, get: (r) => (r.supplierSize ? sizeLabels[r.supplierSize] : null) },
  { key: 'supplierVcse', header: 'VCSE', kind: 'flag', public: true, get: (r) => r.supplierVcse },
  { key: 'supplierLocal', header: 'Local supplier', kind: 'flag', public: true, get: (r) => r.supplierLocal },
  { key: 'outcomeCode', header: 'Outcome code', kind: 'text', public: true, get: (r) => r.outcomeCode },
  { key: 'outcome', header: 'Strategic outcome', kind: 'text', public: true, get: (r) => r.outcomeTitle },
  { key: 'measureCode', header: 'Measure code', kind: 'text', public: true, get: (r) => r.measureCode },
  { key: 'measure', header: 'Measure', kind: 'text', public: true, get: (r) => r.measureTitle },
  { key: 'unit', header: 'Unit', kind: 'text', public: true, get: (r) => r.unit },
  { key: 'frameworkVersion', header: 'Framework version', kind: 'integer', public: true, get: (r) => r.frameworkVersion },
  { key: 'proxyValuePerUnitPence', header: 'Proxy value per unit (£)', kind: 'pence', public: true, get: (r) => r.proxyPencePerUnit },
  { key: 'deadweightPercent', header: 'Deadweight (%)', kind: 'bps', public: true, get: (r) => r.deadweightBps },
  { key: 'attributionPercent', header: 'Attribution (%)', kind: 'bps', public: true, get: (r) => r.attributionBps },
];

/** The commitments table: promised at tender, committed now and verified delivered, side by side. */
export const commitmentColumns: Column<CommitmentRow>[] = [
  ...sharedColumns<CommitmentRow>(),
  { key: 'promisedMeasureCode', header: 'Promised measure code', kind: 'text', public: true, get: (r) => r.originalMeasureCode },
  { key: 'promisedFrameworkVersion', header: 'Promised framework version', kind: 'integer', public: true, get: (r) => r.originalFrameworkVersion },
  { key: 'promised', header: 'Promised at tender', kind: 'quantity', public: true, get: (r) => r.originalQuantityHundredths },
  { key: 'promisedValuePence', header: 'Promised value (£)', kind: 'pence', public: true, get: (r) => r.promisedPence },
  { key: 'committed', header: 'Committed now', kind: 'quantity', public: true, get: (r) => r.quantityHundredths },
  { key: 'committedValuePence', header: 'Committed value (£)', kind: 'pence', public: true, get: (r) => r.committedPence },
  { key: 'verifiedDelivered', header: 'Verified delivered', kind: 'quantity', public: true, get: (r) => r.deliveredHundredths },
  { key: 'verifiedDeliveredValuePence', header: 'Verified delivered value (£)', kind: 'pence', public: true, get: (r) => r.deliveredPence },
  { key: 'districts', header: 'Districts', kind: 'text', public: true, get: (r) => r.districts.join('; ') },
  { key: 'narrative', header: 'Narrative', kind: 'text', public: false, get: (r) => r.narrative },
];

/** The delivered outputs table: each line of a report handed in, with its status. */
export const deliveryColumns: Column<DeliveryRow>[] = [
  ...sharedColumns<DeliveryRow>(),
  { key: 'periodStart', header: 'Period start', kind: 'date', public: true, get: (r) => r.periodStart },
  { key: 'periodEnd', header: 'Period end', kind: 'date', public: true, get: (r) => r.periodEnd },
  { key: 'additional', header: 'Additional to the commitments', kind: 'flag', public: true, get: (r) => r.additional },
  { key: 'quantity', header: 'Quantity', kind: 'quantity', public: true, get: (r) => r.quantityHundredths },
  { key: 'valuePence', header: 'Value (£)', kind: 'pence', public: true, get: (r) => r.valuePence },
  { key: 'status', header: 'Status', kind: 'text', public: false, get: (r) => lineStatusLabels[r.status] },
  { key: 'verifiedOn', header: 'Decided on', kind: 'date', public: false, get: (r) => isoDate(r.decidedAt) },
  { key: 'districts', header: 'Districts', kind: 'text', public: true, get: (r) => r.districts.join('; ') },
  { key: 'narrative', header: 'Narrative', kind: 'text', public: false, get: (r) => r.narrative },
];

export const publicColumns = <Row>(columns: Column<Row>[]) => columns.filter((c) => c.public);
