/**
 * What the service needs from each row of a contracts register: its label, how it reads in a sentence, and the
 * header names that usually hold it, best first (compared ignoring case, punctuation and spacing).
 */
export const importFields = [
  {
    key: 'reference',
    label: 'Reference',
    noun: 'contract reference',
    required: true,
    hint: 'The contract’s own reference. Every contract needs a different one.',
    usualHeaders: ['contract reference', 'contract reference number', 'contract ref', 'reference', 'reference number', 'ref', 'contract id', 'contract number'],
  },
  {
    key: 'title',
    label: 'Title',
    noun: 'contract title',
    required: true,
    hint: 'What the contract is for, in a few words.',
    usualHeaders: ['contract title', 'title', 'contract name', 'name of contract'],
  },
  {
    key: 'supplierName',
    label: 'Supplier name',
    noun: 'supplier name',
    required: true,
    hint: 'A supplier already in the service is matched by its company number or its exact name. Others are added as new suppliers.',
    usualHeaders: [
      'supplier company name',
      'supplier name',
      'supplier',
      'contractor name',
      'contractor',
      'provider name',
      'provider',
      'company name',
      'awarded supplier',
    ],
  },
  {
    key: 'supplierPostcode',
    label: 'Supplier postcode',
    noun: 'supplier postcode',
    required: false,
    hint: 'Shows whether a new supplier is local.',
    usualHeaders: ['supplier postcode', 'supplier post code', 'postcode', 'post code'],
  },
  {
    key: 'companyNumber',
    label: 'Supplier company number',
    noun: 'supplier company number',
    required: false,
    hint: 'The Companies House number, like 01234567 or SC123456.',
    usualHeaders: [
      'company number',
      'supplier company number',
      'companies house number',
      'company registration number',
      'registered company number',
      'supplier registered company number',
    ],
  },
  {
    key: 'sme',
    label: 'SME',
    noun: 'SME flag',
    required: false,
    hint: 'Yes or No: whether the supplier is a small or medium-sized enterprise.',
    usualHeaders: ['sme supplier', 'sme', 'is sme', 'sme status', 'supplier is sme'],
  },
  {
    key: 'value',
    label: 'Value',
    noun: 'contract value',
    required: true,
    hint: 'The total value of the contract over its whole term, in pounds.',
    usualHeaders: [
      'total contract value including extensions',
      'total contract value',
      'contract value',
      'total value',
      'value',
      'estimated total value',
      'whole life value',
    ],
  },
  {
    key: 'startDate',
    label: 'Start date',
    noun: 'start date',
    required: true,
    hint: 'Like 1/4/2026, 2026-04-01 or a date cell.',
    usualHeaders: ['start date', 'contract start date', 'start'],
  },
  {
    key: 'endDate',
    label: 'End date',
    noun: 'end date',
    required: true,
    hint: 'When the contract ends now, with any extensions taken. Like 31/3/2028, 2028-03-31 or a date cell.',
    usualHeaders: ['current expiry date', 'end date', 'contract end date', 'expiry date', 'end'],
  },
  {
    key: 'description',
    label: 'Description',
    noun: 'description',
    required: false,
    hint: 'What the contract covers, in more detail.',
    usualHeaders: ['contract description', 'description'],
  },
  {
    key: 'directorate',
    label: 'Directorate',
    noun: 'directorate',
    required: false,
    hint: 'The part of the council the contract is for.',
    usualHeaders: ['directorate name', 'directorate', 'department', 'service area'],
  },
] as const;

export type FieldKey = (typeof importFields)[number]['key'];

export const fieldLabels = Object.fromEntries(importFields.map((f) => [f.key, f.label])) as Record<FieldKey, string>;
