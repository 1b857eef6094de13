import { formatDate } from '../../domain/dates.js';
import { formatPounds } from '../../domain/money.js';
import { formatQuantity } from '../../domain/quantity.js';
import { quarterLabel, quarterMonths, quarterShortLabel } from '../../domain/quarters.js';
import type { DocumentBlock, DocumentCell, DocumentTable, DocumentView } from '../../platform/pdf/document.js';
import { COUNCIL_NAME } from '../../platform/views.js';
import { liveFiguresBlocks } from '../case-studies/case-study-pdf.js';
import { barChart, trendChart } from '../dashboard/charts.js';
import { directorateName, districtName, figuresView, moneyRows } from '../dashboard/dashboard-view.js';
import type { ReportData } from './load-report.js';
import { isUnderway, type ReportPeriod } from './report-periods.js';
import { TOP_CASE_STUDIES, type ReportCaseStudy } from './top-case-studies.js';

const LEGEND = { first: 'Committed', second: 'Verified delivered' };
const MONEY_HEAD: DocumentCell[] = [
  { text: 'Promised at tender', numeric: true },
  { text: 'Committed', numeric: true },
  { text: 'Verified delivered', numeric: true },
];

/** "Social value report, July to September 2026" or "Annual social value report, 2026 to 2027" */
export function reportTitle(period: ReportPeriod): string {
  return period.kind === 'quarterly' ? `Social value report, ${period.months}` : `Annual social value report, ${period.name}`;
}

const cellsOf = (rows: { text: string; format?: string }[][]): DocumentCell[][] =>
  rows.map((row) => row.map((c) => ({ text: c.text, numeric: c.format === 'numeric' })));
const pounds = (pence: number): DocumentCell => ({ text: formatPounds(pence), numeric: true });

function moneyTable(
  caption: string,
  firstHead: string,
  rows: { label: string; promisedPence: number; committedPence: number; verifiedPence: number }[],
): DocumentTable {
  return {
    caption,
    head: [{ text: firstHead }, ...MONEY_HEAD],
    rows: cellsOf(moneyRows(rows)),
    empty: 'No figures for this period.',
    widths: ['*', 95, 95, 95],
  };
}

function breakdown(
  what: string,
  caption: string,
  firstHead: string,
  rows: { label: string; promisedPence: number; committedPence: number; verifiedPence: number }[],
): DocumentBlock {
  const alt = `Bar chart of social value committed and verified delivered by ${what}. The same figures are in the table that follows.`;
  return {
    kind: 'chart',
    svg: barChart(
      rows.map((r) => ({ label: r.label, first: r.committedPence, second: r.verifiedPence })),
      LEGEND,
      alt,
    ),
    alt,
    table: moneyTable(caption, firstHead, rows),
  };
}

/**
 * The report in words, figures, charts and tables: one view that the web page and the PDF both show. Its figures
 * are the dashboard's own (figuresView), for the report's period. `baseUrl` makes the links to the public case studies
 * whole addresses, which the PDF prints.
 */
export function reportView(data: ReportData, baseUrl: string): DocumentView {
  const { period, dashboard } = data;
  const figures = figuresView(dashboard);
  const title = reportTitle(period);
  const lead = [
    `Social value delivered for ${COUNCIL_NAME} under its contracts in ${period.months} (${period.name}). Produced on ${formatDate(data.today)}.`,
    'Promised at tender is what suppliers offered when they bid; committed is what their contracts’ delivery profiles make due in the period; verified delivered is what suppliers reported for periods ending in it and a contract manager checked against evidence. Pounds count only measures with a proxy value, after deadweight and attribution.',
  ];
  if (isUnderway(period, data.today))
    lead.push('This period has not ended yet, so its figures will change as suppliers report and contract managers verify delivery.');

  const trend = data.trend.map((q) => ({ ...q, label: quarterLabel(q.quarter) }));
  const trendAlt = 'Line chart of social value committed and verified delivered quarter by quarter. The same figures are in the table that follows.';
  const c = figures.compliance;

  return {
    title,
    subject: `Social value committed and delivered in ${period.months}`,
    lead,
    sections: [
      {
        id: 'headlines',
        heading: 'Headline figures',
        blocks: [
          { kind: 'figures', items: figures.headlines },
          {
            kind: 'paragraph',
            text: `Promised at tender: ${figures.promised}. Of what was verified, ${figures.additional} was additional value beyond the commitments.`,
          },
          { kind: 'subheading', text: 'Share of contract value' },
          { kind: 'paragraph', text: 'Of the contracts starting in the period.' },
          { kind: 'figures', items: figures.spend },
        ],
      },
      {
        id: 'trend',
        heading: 'Trend over quarters',
        blocks: [
          {
            kind: 'paragraph',
            text: `The eight quarters to the end of ${period.name}, so that each quarter can be set beside the same quarter a year before.`,
          },
          {
            kind: 'chart',
            svg: trendChart(
              trend.map((q) => ({ label: quarterShortLabel(q.quarter), first: q.committedPence, second: q.verifiedPence })),
              { first: 'Committed (due in the quarter)', second: 'Verified delivered' },
              trendAlt,
            ),
            alt: trendAlt,
            table: moneyTable('Social value by quarter', 'Quarter', trend),
          },
        ],
      },
      {
        id: 'outcomes',
        heading: 'By strategic outcome',
        blocks: [
          breakdown(
            'strategic outcome',
            'Social value by strategic outcome',
            'Outcome',
            dashboard.byOutcome.map((o) => ({ ...o, label: `${o.code} ${o.title}` })),
          ),
        ],
      },
      {
        id: 'districts',
        heading: 'By district',
        blocks: [
          { kind: 'paragraph', text: 'Delivery that names several districts counts in full in each of them, so the districts add up to more than the total.' },
          breakdown(
            'district',
            'Social value by district',
            'District',
            dashboard.byDistrict.map((d) => ({ ...d, label: districtName(d.district) })),
          ),
        ],
      },
      {
        id: 'directorates',
        heading: 'By directorate',
        blocks: [
          breakdown(
            'directorate',
            'Social value by directorate',
            'Directorate',
            dashboard.byDirectorate.map((d) => ({ ...d, label: directorateName(d.directorate) })),
          ),
        ],
      },
      {
        id: 'units',
        heading: 'Measures counted in their own units',
        blocks: [
          { kind: 'paragraph', text: 'These measures have no proxy value, so they are never added into pounds.' },
          {
            kind: 'table',
            table: {
              caption: 'Measures without a proxy value',
              head: [{ text: 'Measure' }, { text: 'Unit' }, ...MONEY_HEAD],
              rows: cellsOf(figures.unitRows),
              empty: 'No measure without a proxy value has figures in this period.',
              widths: ['*', 80, 70, 70, 70],
            },
          },
        ],
      },
      {
        id: 'top-contracts',
        heading: 'Contracts that delivered most',
        blocks: [
          {
            kind: 'paragraph',
            text: `Verified delivery against each contract’s commitments for reporting periods ending in ${period.months}, beside what its delivery profiles made due in the period.`,
          },
          {
            kind: 'table',
            table: {
              caption: 'Contracts that delivered the most social value',
              head: [{ text: 'Contract' }, { text: 'Title' }, { text: 'Supplier' }, { text: 'Due', numeric: true }, { text: 'Verified', numeric: true }],
              rows: data.top.map((t) => [
                { text: t.reference, href: `/contracts/${t.contractId}` },
                { text: t.title },
                { text: t.supplierName },
                pounds(t.duePence),
                pounds(t.verifiedPence),
              ]),
              empty: 'No delivery against commitments was verified for this period.',
              widths: [70, '*', 120, 75, 75],
            },
          },
        ],
      },
      {
        id: 'behind',
        heading: 'Contracts most behind on delivery',
        blocks: [
          {
            kind: 'paragraph',
            text: `Contracts running in ${figures.behindQuarter}, by how far verified delivery falls short of what their commitments made due by its end.`,
          },
          {
            kind: 'table',
            table: {
              caption: 'Contracts most behind on delivery',
              head: [
                { text: 'Contract' },
                { text: 'Title' },
                { text: 'Supplier' },
                { text: 'Due', numeric: true },
                { text: 'Verified', numeric: true },
                { text: 'Behind by', numeric: true },
              ],
              rows: dashboard.behind.map((b) => [
                { text: b.reference, href: `/contracts/${b.contractId}` },
                { text: b.title },
                { text: b.supplierName },
                pounds(b.duePence),
                pounds(b.verifiedPence),
                pounds(b.shortfallPence),
              ]),
              empty: 'No contract is behind.',
              widths: [60, '*', 100, 65, 65, 65],
            },
          },
        ],
      },
      {
        id: 'compliance',
        heading: 'Policy compliance',
        blocks: [
          { kind: 'paragraph', text: 'Requirements at or above the policy minimum whose tender was published in the period.' },
          {
            kind: 'figures',
            items: [
              { label: 'With social value criteria', value: c.share, detail: `${c.withCriteria} of ${c.requirements} requirements` },
              { label: 'Average social value weighting', value: c.averageWeight },
            ],
          },
          {
            kind: 'table',
            table: {
              caption: 'Requirements that went ahead without social value criteria',
              head: [{ text: 'Requirement' }, { text: 'Directorate' }, { text: 'Reason recorded' }],
              rows: dashboard.compliance.without.map((w) => [
                { text: w.title, href: `/requirements/${w.requirementId}` },
                { text: directorateName(w.directorate) },
                { text: w.reason ?? 'No reason recorded' },
              ]),
              empty: 'Every one of them had social value criteria.',
              widths: [170, 110, '*'],
            },
          },
        ],
      },
      {
        id: 'narratives',
        heading: 'In the suppliers’ words',
        blocks: [
          {
            kind: 'paragraph',
            text:
              data.narratives.length > 0
                ? 'What the suppliers of the contracts that delivered most said about delivery that a contract manager verified in the period.'
                : 'No verified delivery of the contracts that delivered most in this period came with a description from the supplier.',
          },
          ...data.narratives.flatMap(({ contract, narratives }): DocumentBlock[] => [
            { kind: 'subheading', text: `${contract.reference} ${contract.title}, ${contract.supplierName}` },
            ...narratives.map((n): DocumentBlock => ({
              kind: 'quote',
              text: n.narrative,
              source: [
                `${n.measureCode} ${n.measureTitle}: ${formatQuantity(n.quantityHundredths)} ${n.unit}`,
                n.valuePence === null ? null : formatPounds(n.valuePence),
                n.districts.length ? n.districts.join(', ') : null,
                `report for ${periodWords(n.periodStart, n.periodEnd)}`,
              ]
                .filter(Boolean)
                .join('; '),
            })),
          ]),
        ],
      },
      {
        id: 'case-studies',
        heading: 'Case studies',
        blocks: caseStudyBlocks(data.caseStudies, period, baseUrl),
      },
    ],
  };
}

/**
 * The report's case studies (the rule is in top-case-studies.ts), each with its summary, its live statistics and the
 * address of its public page.
 */
function caseStudyBlocks(caseStudies: ReportCaseStudy[], period: ReportPeriod, baseUrl: string): DocumentBlock[] {
  if (caseStudies.length === 0) {
    return [{ kind: 'paragraph', text: `No published case study is about a contract whose delivery was verified in ${period.months}.` }];
  }
  return [
    {
      kind: 'paragraph',
      text: `Published case studies of the contracts that delivered most in ${period.months}: at most ${TOP_CASE_STUDIES}, one for each contract (its latest), the contract that delivered most first. Their statistics are everything verified so far against the commitments each one names, not only in this period.`,
    },
    ...caseStudies.flatMap((c): DocumentBlock[] => [
      { kind: 'subheading', text: c.title },
      { kind: 'paragraph', text: c.summary },
      {
        kind: 'paragraph',
        text: [
          `${c.supplierName}, contract ${c.contractReference}: ${c.contractTitle}.`,
          c.publishedAt ? `Published ${formatDate(c.publishedAt)}.` : null,
          `Verified against its commitments in the period: ${formatPounds(c.verifiedInPeriodPence)}.`,
        ]
          .filter(Boolean)
          .join(' '),
      },
      ...liveFiguresBlocks(c.live, `Statistics of the case study “${c.title}”`),
      { kind: 'link', text: `Read “${c.title}” on the council’s transparency site`, href: `${baseUrl}/transparency/case-studies/${c.id}` },
    ]),
  ];
}

/** "July to September 2026" for a quarter's report, "1 April 2026 to 31 March 2027" otherwise. */
function periodWords(start: string, end: string): string {
  const quarterEnd = new Date(`${start}T12:00:00Z`);
  quarterEnd.setUTCMonth(quarterEnd.getUTCMonth() + 3, 0);
  if (start.endsWith('-01') && ['01', '04', '07', '10'].includes(start.slice(5, 7)) && quarterEnd.toISOString().slice(0, 10) === end)
    return quarterMonths(start);
  return `${formatDate(start)} to ${formatDate(end)}`;
}
