import { socialValuePence } from '../../domain/social-value.js';
import type { CommitmentRow, ContractRow, DeliveredRow } from '../open-data/contract-data.js';

/** The extensions every release uses: metrics for social value, party scale for SMEs, the UK profile for VCSEs. */
export const ocdsExtensions = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/master/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_partyDetails_scale_extension/master/extension.json',
  'https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json',
];

export const OGL_LICENCE = 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

export interface ReleaseContext {
  ocidPrefix: string;
  buyer: { id: string; name: string };
  /** today, as yyyy-mm-dd: decides whether a contract is pending, active or finished */
  today: string;
}

type Json = Record<string, unknown>;

const startOfDay = (date: string) => `${date}T00:00:00Z`;
const endOfDay = (date: string) => `${date}T23:59:59Z`;
const pounds = (pence: number) => ({ amount: pence / 100, currency: 'GBP' });
const quantity = (hundredths: number) => hundredths / 100;

/** The open contracting ID of a contract: the publisher's prefix and the contract's id. */
export function ocidOf(prefix: string, contractId: string): string {
  return `${prefix}-${contractId}`;
}

/** SME and VCSE as the UK publishes them: scale "sme" for micro, small and medium enterprises; vcse true or false. */
function partyDetails(contract: ContractRow): Json {
  const details: Json = { vcse: contract.supplierIsVcse };
  if (contract.supplierSize) details.scale = contract.supplierSize === 'large' ? 'large' : 'sme';
  return details;
}

function supplierParty(contract: ContractRow): Json {
  const identifier = contract.supplierCompanyNumber
    ? { scheme: 'GB-COH', id: contract.supplierCompanyNumber, legalName: contract.supplierName }
    : contract.supplierCharityNumber
      ? { scheme: 'GB-CHC', id: contract.supplierCharityNumber, legalName: contract.supplierName }
      : undefined;
  return {
    id: identifier ? `${identifier.scheme}-${identifier.id}` : contract.supplierId,
    name: contract.supplierName,
    ...(identifier ? { identifier } : {}),
    ...(contract.supplierDistrict ? { address: { region: contract.supplierDistrict, countryName: 'United Kingdom' } } : {}),
    details: partyDetails(contract),
    roles: ['supplier'],
  };
}

type Measured = Pick<
  CommitmentRow,
  'measureCode' | 'measureTitle' | 'unit' | 'proxyPencePerUnit' | 'deadweightBps' | 'attributionBps' | 'outcomeCode' | 'outcomeTitle'
>;

/** An observation's amount in the measure's unit and, where the measure has a proxy, in pounds. */
function amounts(measure: Measured, hundredths: number): Json {
  const valuePence = socialValuePence(hundredths, measure);
  return { measure: quantity(hundredths), unit: { name: measure.unit }, ...(valuePence === null ? {} : { value: pounds(valuePence) }) };
}

function dimensions(measure: Measured, extra: Record<string, string> = {}): Json {
  return { dimensions: { outcome: `${measure.outcomeCode} ${measure.outcomeTitle}`, measure: measure.measureCode, ...extra } };
}

function valuationNote(measure: Measured): string | null {
  if (measure.proxyPencePerUnit === null) return null;
  const percent = (bps: number) => `${bps / 100}%`;
  return `Valued at £${(measure.proxyPencePerUnit / 100).toFixed(2)} per ${measure.unit}, less deadweight ${percent(measure.deadweightBps)} and attribution ${percent(measure.attributionBps)}`;
}

const withText = (key: string, text: string | null) => (text && text.trim() ? { [key]: text.trim() } : {});

/** A commitment as an agreed metric: the total committed and the profile by period. */
function agreedMetric(c: CommitmentRow): Json {
  const total = { id: `${c.id}-total`, ...amounts(c, c.quantityHundredths), ...dimensions(c, { figure: 'committed' }), ...withText('notes', valuationNote(c)) };
  const original =
    c.originalQuantityHundredths === c.quantityHundredths
      ? []
      : [{ id: `${c.id}-promised`, ...amounts(c, c.originalQuantityHundredths), ...dimensions(c, { figure: 'promised at tender' }) }];
  const profile = c.profile
    .filter((p) => p.quantityHundredths > 0)
    .map((p) => ({
      id: `${c.id}-${p.periodStart}`,
      period: { startDate: startOfDay(p.periodStart), endDate: endOfDay(p.periodEnd) },
      ...amounts(c, p.quantityHundredths),
      ...dimensions(c, { figure: 'profiled' }),
    }));
  return { id: c.id, title: `${c.measureCode} ${c.measureTitle}`, ...withText('description', c.narrative), observations: [total, ...original, ...profile] };
}

/** Verified delivery as implementation metrics: one metric per commitment (or per measure of additional value), one observation per period. */
function deliveredMetrics(delivered: DeliveredRow[]): Json[] {
  const metrics = new Map<
    string,
    { measure: DeliveredRow; additional: boolean; periods: Map<string, { row: DeliveredRow; hundredths: number; notes: string[] }> }
  >();
  for (const line of delivered) {
    const metricId = line.commitmentId ?? `additional-${line.measureId}`;
    const metric = metrics.get(metricId) ?? { measure: line, additional: !line.commitmentId, periods: new Map() };
    const period = metric.periods.get(line.periodStart) ?? { row: line, hundredths: 0, notes: [] };
    period.hundredths += line.quantityHundredths;
    if (line.narrative.trim()) period.notes.push(line.narrative.trim());
    metric.periods.set(line.periodStart, period);
    metrics.set(metricId, metric);
  }
  return [...metrics].map(([id, metric]) => ({
    id,
    title: `${metric.measure.measureCode} ${metric.measure.measureTitle}`,
    description: metric.additional
      ? 'Additional social value delivered beyond the commitments, verified by the council'
      : 'Delivery against the commitment, verified by the council',
    observations: [...metric.periods.values()].map((p) => ({
      id: `${id}-${p.row.periodStart}`,
      period: { startDate: startOfDay(p.row.periodStart), endDate: endOfDay(p.row.periodEnd) },
      ...amounts(metric.measure, p.hundredths),
      ...dimensions(metric.measure, { figure: 'verified delivered' }),
      ...withText('notes', p.notes.join('\n\n')),
    })),
  }));
}

function contractStatus(contract: ContractRow, today: string): string {
  if (today < contract.startDate) return 'pending';
  return today > contract.endDate ? 'terminated' : 'active';
}

/** The latest of the contract's own change, its publication and its latest verified delivery. */
function releaseDate(contract: ContractRow, delivered: DeliveredRow[]): Date {
  const times = [contract.updatedAt, contract.publishedAt, ...delivered.map((d) => d.verifiedAt)].filter((t): t is Date => t instanceof Date);
  return new Date(Math.max(...times.map((t) => t.getTime())));
}

/**
 * One OCDS release for a contract: the award, the contract with its commitments as agreed metrics, and verified
 * delivery as implementation metrics. It names organisations only: never a person, a query, evidence or a draft.
 */
export function contractRelease(contract: ContractRow, commitments: CommitmentRow[], delivered: DeliveredRow[], context: ReleaseContext): Json {
  const ocid = ocidOf(context.ocidPrefix, contract.id);
  const date = releaseDate(contract, delivered);
  const supplier = supplierParty(contract);
  const period = { startDate: startOfDay(contract.startDate), endDate: endOfDay(contract.endDate) };
  const value = pounds(contract.valuePence);
  const metrics = deliveredMetrics(delivered);
  return {
    ocid,
    id: `${ocid}-${date.toISOString().replace(/[-:.]/g, '')}`,
    date: date.toISOString(),
    tag: metrics.length ? ['award', 'contract', 'implementation'] : ['award', 'contract'],
    initiationType: 'tender',
    language: 'en',
    parties: [{ id: context.buyer.id, name: context.buyer.name, roles: ['buyer'] }, supplier],
    buyer: { id: context.buyer.id, name: context.buyer.name },
    awards: [
      {
        id: `${ocid}-award`,
        status: 'active',
        title: contract.title,
        value,
        suppliers: [{ id: supplier.id, name: contract.supplierName }],
        contractPeriod: period,
      },
    ],
    contracts: [
      {
        id: `${ocid}-contract`,
        awardID: `${ocid}-award`,
        title: contract.title,
        ...withText('description', contract.description),
        status: contractStatus(contract, context.today),
        period,
        value,
        ...(commitments.length ? { agreedMetrics: commitments.map(agreedMetric) } : {}),
        ...(metrics.length ? { implementation: { metrics } } : {}),
      },
    ],
  };
}
