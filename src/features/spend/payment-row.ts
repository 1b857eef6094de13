import { parsePostcode } from '../../domain/postcodes.js';
import { isEmptyCell, registerDate, registerMoney, yesOrNo } from '../contract-import/register-cells.js';
import { normaliseCharityNumber, normaliseCompanyNumber } from '../organisations/forms.js';
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

/**
 * Reads a row with the chosen columns. Dates are day first (01/06/2022) or ISO (2022-06-01); amounts may be negative
 * (credits) and written with £ and commas. A supplier whose name is redacted, withheld or empty is kept out of
 * matching; registration numbers that are not in a valid form are ignored.
 */
export function readPaymentRow(cells: readonly string[], at: ColumnIndexes): RowReading {
  const cell = (key: SpendFieldKey) => (at[key] < 0 ? '' : (cells[at[key]] ?? '').trim());
  const paidOn = registerDate(cell('paidOn'));
  if (paidOn === null)
    return { ok: false, field: 'paidOn', message: cell('paidOn') ? 'Enter the date as a real date, like 01/06/2022 or 2022-06-01' : 'Enter the date' };
  const amountText = cell('amount');
  const amountPence = registerMoney(amountText);
  if (amountPence === null)
    return { ok: false, field: 'amount', message: amountText ? 'Enter the amount as an amount of money, like 1234.56 or -20.00' : 'Enter the amount' };
  const name = cell('supplierName').replace(/\s+/g, ' ');
  let supplier: PaymentRow['supplier'] = null;
  if (!isRedactedName(name)) {
    const fromIdentifier = numbersFromIdentifier(cell('organisationIdentifier'));
    const optional = (key: SpendFieldKey) => (isEmptyCell(cell(key)) ? '' : cell(key));
    const vcseText = optional('vcse');
    supplier = {
      name: name.slice(0, TEXT_MAX),
      key: supplierKey(name).slice(0, TEXT_MAX),
      companyNumber: fromIdentifier.companyNumber ?? (optional('companyNumber') ? normaliseCompanyNumber(optional('companyNumber')) : null),
      charityNumber: fromIdentifier.charityNumber ?? (optional('charityNumber') ? normaliseCharityNumber(optional('charityNumber')) : null),
      postcode: parsePostcode(optional('postcode'))?.postcode ?? null,
      vcse: vcseText ? yesOrNo(vcseText) : null,
    };
  }
  return {
    ok: true,
    payment: {
      paidOn,
      amountPence,
      directorate: cell('directorate').replace(/\s+/g, ' ').slice(0, TEXT_MAX),
      reference: cell('reference').slice(0, TEXT_MAX),
      supplier,
    },
  };
}
