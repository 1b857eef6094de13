import { parsePostcode } from '../../domain/postcodes.js';
import { isEmptyCell, registerDate, registerMoney, yesOrNo } from '../contract-import/register-cells.js';
import { normaliseCharityNumber, normaliseCompanyNumber } from '../../domain/organisation-numbers.js';
import type { SpendField, SpendFieldKey } from './fields.js';
import { isRedactedName, numbersFromIdentifier, supplierKey } from './names.js';

/** One payment (or grant) read from a row. */
export interface PaymentRow {
  paidOn: string;
  amountPence: number;
  directorate: string;
  reference: string;
  /** the supplier as the row names it; redacted rows name none */
  supplier: {
    name: string;
    key: string;
    companyNumber: string | null;
    charityNumber: string | null;
    postcode: string | null;
    vcse: boolean | null;
  } | null;
}

export type RowReading = { ok: true; payment: PaymentRow } | { ok: false; field: SpendFieldKey; message: string };

const TEXT_MAX = 200;

/** Where each field's column is in a row: its index, or -1 when the file does not have it. */
export type ColumnIndexes = Record<SpendFieldKey, number>;

export function columnIndexes(fields: readonly SpendField[], chosen: Partial<Record<SpendFieldKey, string>>, columns: readonly string[]): ColumnIndexes {
  const indexes = {} as ColumnIndexes;
  for (const f of fields) indexes[f.key] = chosen[f.key] === undefined ? -1 : columns.indexOf(chosen[f.key]!);
  for (const key of [
    'paidOn',
    'amount',
    'supplierName',
    'directorate',
    'reference',
    'organisationIdentifier',
    'companyNumber',
    'charityNumber',
    'postcode',
    'vcse',
  ] as const) {
    if (indexes[key] === undefined) indexes[key] = -1;
  }
  return indexes;
}

/** Values a file repeats row after row (its few dates, directorates and suppliers) are worked out once: at most this many of each are kept. */
const CACHE_MOST = 20_000;

function cached<T>(work: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = work(text);
      if (cache.size >= CACHE_MOST) cache.clear();
      cache.set(text, value);
    }
    return value as T;
  };
}

/**
 * A reader of one file's rows with the chosen columns (see readPaymentRow) that works out each date, directorate and
 * supplier the file repeats once: an import of a million rows spends its time on the rows, not on the same names.
 */
export function paymentReader(at: ColumnIndexes): (cells: readonly string[]) => RowReading {
  const date = cached(registerDate);
  const directorate = cached((text) => text.replace(/\s+/g, ' ').slice(0, TEXT_MAX));
  const onlyName = ['organisationIdentifier', 'companyNumber', 'charityNumber', 'postcode', 'vcse'].every((key) => at[key as SpendFieldKey] < 0);
  const supplierByName = cached((name: string) => supplierOf(name, () => ''));
  return (cells) => {
    const cell = (key: SpendFieldKey) => (at[key] < 0 ? '' : (cells[at[key]] ?? '').trim());
    const paidOn = date(cell('paidOn'));
    if (paidOn === null) return dateProblem(cell('paidOn'));
    const amountText = cell('amount');
    const amountPence = registerMoney(amountText);
    if (amountPence === null) return amountProblem(amountText);
    const name = cell('supplierName');
    return {
      ok: true,
      payment: {
        paidOn,
        amountPence,
        directorate: directorate(cell('directorate')),
        reference: cell('reference').slice(0, TEXT_MAX),
        supplier: onlyName ? supplierByName(name) : supplierOf(name, cell),
      },
    };
  };
}

const dateProblem = (text: string): RowReading => ({
  ok: false,
  field: 'paidOn',
  message: text ? 'Enter the date as a real date, like 01/06/2022 or 2022-06-01' : 'Enter the date',
});

const amountProblem = (text: string): RowReading => ({
  ok: false,
  field: 'amount',
  message: text ? 'Enter the amount as an amount of money, like 1234.56 or -20.00' : 'Enter the amount',
});

/** The supplier a row names, with the numbers it gives; null when its name is redacted. */
function supplierOf(rawName: string, cell: (key: SpendFieldKey) => string): PaymentRow['supplier'] {
  const name = rawName.replace(/\s+/g, ' ');
  if (isRedactedName(name)) return null;
  const fromIdentifier = numbersFromIdentifier(cell('organisationIdentifier'));
  const optional = (key: SpendFieldKey) => (isEmptyCell(cell(key)) ? '' : cell(key));
  const vcseText = optional('vcse');
  return {
    name: name.slice(0, TEXT_MAX),
    key: supplierKey(name).slice(0, TEXT_MAX),
    companyNumber: fromIdentifier.companyNumber ?? (optional('companyNumber') ? normaliseCompanyNumber(optional('companyNumber')) : null),
    charityNumber: fromIdentifier.charityNumber ?? (optional('charityNumber') ? normaliseCharityNumber(optional('charityNumber')) : null),
    postcode: parsePostcode(optional('postcode'))?.postcode ?? null,
    vcse: vcseText ? yesOrNo(vcseText) : null,
  };
}

/**
 * Reads a row with the chosen columns. Dates are day first (01/06/2022) or ISO (2022-06-01); amounts may be negative
 * (credits) and written with £ and commas. A supplier whose name is redacted, withheld or empty is kept out of
 * matching; registration numbers that are not in a valid form are ignored.
 */
export function readPaymentRow(cells: readonly string[], at: ColumnIndexes): RowReading {
  return paymentReader(at)(cells);
}
