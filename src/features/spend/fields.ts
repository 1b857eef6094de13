import type { SpendKind } from '../../db/schema/index.js';

/** A field read from each row of a spend or grants file, with the header names that usually hold it, best first. */
export interface SpendField {
  key: SpendFieldKey;
  label: string;
  noun: string;
  required: boolean;
  hint: string;
  usualHeaders: readonly string[];
}

export type SpendFieldKey =
  'paidOn' | 'amount' | 'supplierName' | 'directorate' | 'reference' | 'organisationIdentifier' | 'companyNumber' | 'charityNumber' | 'postcode' | 'vcse';

/** The columns of a spend-over-£500 file (Local Government Transparency Code), as councils name them. */
export const spendFields: readonly SpendField[] = [
  {
    key: 'paidOn',
    label: 'Payment date',
    noun: 'payment date',
    required: true,
    hint: 'Like 2022-06-01 or 01/06/2022 (day first).',
    usualHeaders: ['payment date', 'date of payment', 'paymentdate', 'date paid', 'transaction date', 'date'],
  },
  {
    key: 'amount',
    label: 'Amount',
    noun: 'amount',
    required: true,
    hint: 'The amount paid, in pounds, without VAT where the file gives both. Negative amounts are credits.',
    usualHeaders: ['net amount', 'amount', 'net', 'net value', 'amount excluding vat', 'value', 'amount paid', 'total'],
  },
  {
    key: 'supplierName',
    label: 'Supplier name',
    noun: 'supplier name',
    required: true,
    hint: 'Who was paid. Rows whose supplier is redacted are counted, but never matched to an organisation.',
    usualHeaders: [
      'supplier name',
      'supplier beneficiary name',
      'beneficiary name',
      'beneficiaryname',
      'vendor name',
      'supplier',
      'payee name',
      'payee',
      'creditor name',
    ],
  },
  {
    key: 'directorate',
    label: 'Directorate or service area',
    noun: 'directorate or service area',
    required: false,
    hint: 'The part of the council that spent the money. Figures are broken down by it.',
    usualHeaders: [
      'directorate',
      'service area',
      'expense area',
      'organisational unit',
      'organisationalunit',
      'service label',
      'department',
      'service',
      'service division label',
    ],
  },
  {
    key: 'reference',
    label: 'Transaction reference',
    noun: 'transaction reference',
    required: false,
    hint: 'The council’s own number for the payment. It helps tell apart payments that are otherwise the same.',
    usualHeaders: [
      'transaction number',
      'transaction no',
      'transactionnumber',
      'transaction reference',
      'transaction id',
      'documentno',
      'document number',
      'internal ref number',
      'reference',
    ],
  },
  {
    key: 'companyNumber',
    label: 'Company number',
    noun: 'company number',
    required: false,
    hint: 'The supplier’s Companies House number: the surest way to match it to the directory.',
    usualHeaders: ['supplier registered company number', 'company number', 'companies house number', 'company registration number'],
  },
  {
    key: 'charityNumber',
    label: 'Charity number',
    noun: 'charity number',
    required: false,
    hint: 'The supplier’s charity number, for matching.',
    usualHeaders: ['supplier registered charity number', 'charity number', 'registered charity number'],
  },
  {
    key: 'vcse',
    label: 'VCSE supplier',
    noun: 'VCSE flag',
    required: false,
    hint: 'Yes or No: used when a supplier is added to the directory from the review page.',
    usualHeaders: ['voluntary community and social enterprise supplier', 'vcse', 'vcse supplier'],
  },
  {
    key: 'postcode',
    label: 'Supplier postcode',
    noun: 'supplier postcode',
    required: false,
    hint: 'Used when a supplier is added to the directory.',
    usualHeaders: ['supplier postcode', 'postcode', 'post code'],
  },
];

/** The columns of a 360Giving grants file, by their standard titles. */
export const grantFields: readonly SpendField[] = [
  {
    key: 'paidOn',
    label: 'Award date',
    noun: 'award date',
    required: true,
    hint: 'When the grant was awarded.',
    usualHeaders: ['award date'],
  },
  { key: 'amount', label: 'Amount awarded', noun: 'amount awarded', required: true, hint: 'In pounds.', usualHeaders: ['amount awarded'] },
  {
    key: 'supplierName',
    label: 'Recipient name',
    noun: 'recipient name',
    required: true,
    hint: 'The organisation that received the grant.',
    usualHeaders: ['recipient org name'],
  },
  {
    key: 'organisationIdentifier',
    label: 'Recipient identifier',
    noun: 'recipient identifier',
    required: false,
    hint: 'Like GB-CHC-1234567 (a charity) or GB-COH-01234567 (a company): matched first.',
    usualHeaders: ['recipient org identifier'],
  },
  {
    key: 'charityNumber',
    label: 'Recipient charity number',
    noun: 'recipient charity number',
    required: false,
    hint: 'For matching.',
    usualHeaders: ['recipient org charity number'],
  },
  {
    key: 'companyNumber',
    label: 'Recipient company number',
    noun: 'recipient company number',
    required: false,
    hint: 'For matching.',
    usualHeaders: ['recipient org company number'],
  },
  {
    key: 'postcode',
    label: 'Recipient postcode',
    noun: 'recipient postcode',
    required: false,
    hint: 'Used when a recipient is added to the directory.',
    usualHeaders: ['recipient org postal code'],
  },
  {
    key: 'directorate',
    label: 'Department or programme',
    noun: 'department or programme',
    required: false,
    hint: 'The part of the council, or the grant programme. Figures are broken down by it.',
    usualHeaders: ['funding org department', 'grant programme title'],
  },
  { key: 'reference', label: 'Grant identifier', noun: 'grant identifier', required: false, hint: 'The grant’s own identifier.', usualHeaders: ['identifier'] },
];

export function fieldsOf(kind: SpendKind): readonly SpendField[] {
  return kind === 'grants' ? grantFields : spendFields;
}

export const kindLabels: Record<SpendKind, string> = { spend: 'Spend over £500', grants: 'Grants (360Giving)' };

/** A field's label, for messages about a row. */
export function fieldLabelOf(fields: readonly SpendField[], key: SpendFieldKey): string {
  return fields.find((f) => f.key === key)?.label ?? key;
}
