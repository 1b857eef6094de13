import { formatBps, formatPounds } from '../../domain/money.js';
import { barChart } from '../dashboard/charts.js';
import type { Breakdown, SpendTotals } from './figures.js';
import type { SpendChoices, SpendFilterValues } from './spend-filter.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "June 2022" for '2022-06-01'. */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** A share of the money as a percentage, or "None" when there is no money. */
export function shareOf(part: number, whole: number): string {
  return whole !== 0 ? formatBps(Math.round((part * 10000) / whole)) : 'None';
}

export const keyLabel = (by: Breakdown, key: string): string =>
  by === 'month' ? monthLabel(key) : key || (by === 'district' ? 'No district (not local, or not matched)' : 'Not recorded');

/** The columns of a breakdown, for the page's tables and the CSV downloads alike. */
export const breakdownHeadings = ['Total', 'Local', 'Local share', 'SME', 'SME share', 'VCSE', 'VCSE share', 'Matched share', 'Payments'];

export function breakdownCells(t: SpendTotals): string[] {
  return [
    formatPounds(t.pence),
    formatPounds(t.localPence),
    shareOf(t.localPence, t.pence),
    formatPounds(t.smePence),
    shareOf(t.smePence, t.pence),
    formatPounds(t.vcsePence),
    shareOf(t.vcsePence, t.pence),
    shareOf(t.matchedPence, t.pence),
    t.payments.toLocaleString('en-GB'),
  ];
}

/** The headline shares of spend with local, SME and VCSE organisations, for the spend page and the dashboard. */
export function headlines(t: SpendTotals) {
  return [
    { label: 'Local organisations', value: shareOf(t.localPence, t.pence), detail: `${formatPounds(t.localPence)} of ${formatPounds(t.pence)}` },
    { label: 'Small and medium-sized organisations', value: shareOf(t.smePence, t.pence), detail: `${formatPounds(t.smePence)} of ${formatPounds(t.pence)}` },
    {
      label: 'Voluntary, community and social enterprise organisations',
      value: shareOf(t.vcsePence, t.pence),
      detail: `${formatPounds(t.vcsePence)} of ${formatPounds(t.pence)}`,
    },
    {
      label: 'Matched to the directory',
      value: shareOf(t.matchedPence, t.pence),
      detail: `${formatPounds(t.redactedPence)} was paid to suppliers whose names are redacted`,
    },
  ];
}

export function breakdownTable(by: Breakdown, rows: (SpendTotals & { key: string })[]) {
  return rows.map((r) => [{ text: keyLabel(by, r.key) }, ...breakdownCells(r).map((text) => ({ text, format: 'numeric' }))]);
}

export function monthChart(rows: (SpendTotals & { key: string })[]): string {
  return barChart(
    rows.map((r) => ({ label: monthLabel(r.key), first: r.pence, second: r.localPence })),
    { first: 'All spend', second: 'With local organisations' },
    'Bar chart of all spend and spend with local organisations, month by month. The same figures are in the table beside it.',
  );
}

export function filterChoices(values: SpendFilterValues, choices: SpendChoices) {
  const months = (selected: string, empty: string) => [
    { value: '', text: empty },
    ...choices.months.map((m) => ({ value: m, text: monthLabel(m), selected: m === selected })),
  ];
  return {
    kindItems: [
      { value: '', text: 'Spend and grants' },
      { value: 'spend', text: 'Spend only', selected: values.kind === 'spend' },
      { value: 'grants', text: 'Grants only', selected: values.kind === 'grants' },
    ],
    publisherItems: [
      { value: '', text: 'All publishers' },
      ...choices.publishers.map((p) => ({ value: p.id, text: p.name, selected: p.id === values.publisherId })),
    ],
    directorateItems: [
      { value: '', text: 'All directorates' },
      ...choices.directorates.filter((d) => d !== '').map((d) => ({ value: d, text: d, selected: d === values.directorate })),
    ],
    fromItems: months(values.from, 'From the first month'),
    toItems: months(values.to, 'To the last month'),
  };
}
