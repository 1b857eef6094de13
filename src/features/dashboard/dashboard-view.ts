import { formatBps, formatPounds } from '../../domain/money.js';
import { quarterLabel, quarterShortLabel } from '../../domain/quarters.js';
import { headlines } from '../spend/spend-view.js';
import { barChart, trendChart } from './charts.js';
import type { DashboardChoices, DashboardFilter, FilterValues } from './filters.js';
import type { DashboardData } from './load-dashboard.js';

const share = (part: number, whole: number) => (whole > 0 ? formatBps(Math.round((part * 10000) / whole)) : 'Not known');
const hundredths = (h: number) => (h / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 });
export const directorateName = (d: string) => d || 'Not recorded';
export const districtName = (d: string) => d || 'No district named';

const LEGEND = { first: 'Committed', second: 'Verified delivered' };

type MoneyRow = { label: string; committedPence: number; verifiedPence: number; promisedPence: number };

/** Table rows of figures: a label, then promised at tender, committed and verified delivered in pounds. */
export const moneyRows = (rows: MoneyRow[]) =>
  rows.map((r) => [{ text: r.label }, ...[r.promisedPence, r.committedPence, r.verifiedPence].map((p) => ({ text: formatPounds(p), format: 'numeric' }))]);

/** Everything the dashboard template shows, worked out from the figures: headlines, charts and their tables. */
export function dashboardView(data: DashboardData, filter: DashboardFilter, values: FilterValues, choices: DashboardChoices) {
  return {
    ...filterView(values, choices),
    figures: true,
    filtered: Object.values(filter).some((v) => v !== null),
    ...figuresView(data),
  };
}

/** The dashboard's figures in words: headlines, shares of contract value, breakdowns and their charts (reports show them too). */
export function figuresView(data: DashboardData) {
  const money = moneyRows;
  const chart = (rows: { label: string; committedPence: number; verifiedPence: number }[], what: string) =>
    barChart(
      rows.map((r) => ({ label: r.label, first: r.committedPence, second: r.verifiedPence })),
      LEGEND,
      `Bar chart of social value committed and verified delivered by ${what}. The same figures are in the table beside it.`,
    );
  const outcomes = data.byOutcome.map((o) => ({ ...o, label: `${o.code} ${o.title}` }));
  const districts = data.byDistrict.map((d) => ({ ...d, label: districtName(d.district) }));
  const directorates = data.byDirectorate.map((d) => ({ ...d, label: directorateName(d.directorate) }));
  const quarters = data.byQuarter.map((q) => ({ ...q, label: quarterLabel(q.quarter) }));
  const c = data.contracts;
  return {
    headlines: [
      { label: 'Social value committed', value: formatPounds(data.totals.committedPence) },
      { label: 'Social value verified delivered', value: formatPounds(data.totals.verifiedPence) },
      {
        label: `Delivery rate to ${quarterLabel(data.behindQuarter)}`,
        value: data.delivery.rateBps === null ? 'Nothing due yet' : formatBps(data.delivery.rateBps),
        detail: `${formatPounds(data.delivery.verifiedPence)} verified of ${formatPounds(data.delivery.duePence)} due`,
      },
      { label: 'Contracts in scope', value: c.inScopeContracts.toLocaleString('en-GB'), detail: `of ${c.contracts.toLocaleString('en-GB')} contracts` },
    ],
    spend: [
      {
        label: 'Local suppliers',
        value: share(c.localValuePence, c.valuePence),
        detail: `${formatPounds(c.localValuePence)} of ${formatPounds(c.valuePence)}`,
      },
      {
        label: 'Small and medium-sized suppliers',
        value: share(c.smeValuePence, c.sizeKnownValuePence),
        detail: `${formatPounds(c.smeValuePence)} of ${formatPounds(c.sizeKnownValuePence)} where the supplier’s size is known`,
      },
      {
        label: 'Voluntary, community and social enterprise suppliers',
        value: share(c.vcseValuePence, c.valuePence),
        detail: `${formatPounds(c.vcseValuePence)} of ${formatPounds(c.valuePence)}`,
      },
    ],
    localSpend: [
      { heading: 'Payments to suppliers (spend over £500)', totals: data.spend, headlines: headlines(data.spend) },
      { heading: 'Grants', totals: data.grants, headlines: headlines(data.grants) },
    ].filter((s) => s.totals.payments > 0),
    promised: formatPounds(data.totals.promisedPence),
    additional: formatPounds(data.totals.additionalPence),
    outcomeChart: chart(outcomes, 'strategic outcome'),
    outcomeRows: money(outcomes),
    districtChart: chart(districts, 'district'),
    districtRows: money(districts),
    directorateChart: chart(directorates, 'directorate'),
    directorateRows: money(directorates),
    trendChart: trendChart(
      quarters.map((q) => ({ label: quarterShortLabel(q.quarter), first: q.committedPence, second: q.verifiedPence })),
      { first: 'Committed (due in the quarter)', second: 'Verified delivered' },
      'Line chart of social value committed and verified delivered quarter by quarter. The same figures are in the table beside it.',
    ),
    quarterRows: money(quarters),
    unitRows: data.unvaluedMeasures.map((m) => [
      { text: `${m.code} ${m.title}` },
      { text: m.unit },
      ...[m.promisedHundredths, m.committedHundredths, m.verifiedHundredths].map((h) => ({ text: hundredths(h), format: 'numeric' })),
    ]),
    behindQuarter: quarterLabel(data.behindQuarter),
    behindRows: data.behind.map((b) => [
      { html: `<a class="govuk-link" href="/contracts/${b.contractId}">${escapeHtml(b.reference)}</a>` },
      { text: b.title },
      { text: b.supplierName },
      { text: formatPounds(b.duePence), format: 'numeric' },
      { text: formatPounds(b.verifiedPence), format: 'numeric' },
      { text: formatPounds(b.shortfallPence), format: 'numeric' },
    ]),
    compliance: {
      requirements: data.compliance.requirements,
      withCriteria: data.compliance.withCriteria,
      share: data.compliance.shareBps === null ? 'No requirements yet' : formatBps(data.compliance.shareBps),
      averageWeight: data.compliance.averageWeightBps === null ? 'None yet' : formatBps(data.compliance.averageWeightBps),
      withoutRows: data.compliance.without.map((w) => [
        { html: `<a class="govuk-link" href="/requirements/${w.requirementId}">${escapeHtml(w.title)}</a>` },
        { text: directorateName(w.directorate) },
        { text: w.reason ?? 'No reason recorded' },
      ]),
    },
  };
}

/** The page's title and filter form, with what was chosen (or typed) kept. */
export function filterView(values: FilterValues, choices: DashboardChoices) {
  return {
    pageTitle: 'Social value dashboard',
    values,
    choices: {
      outcomes: choices.outcomes.map((o) => ({ value: o.code, text: `${o.code} ${o.title}` })),
      districts: choices.districts.map((d) => ({ value: d, text: districtName(d) })),
      directorates: choices.directorates.map((d) => ({ value: d, text: directorateName(d) })),
      quarters: choices.quarters.map((q) => ({ value: q, text: quarterLabel(q) })),
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
