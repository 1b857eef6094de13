import { lineStatuses, type organisationSizes } from '../../db/schema/index.js';
import { field, formErrors, type FormErrors } from '../../platform/forms.js';
import type { FilterOptions } from './filter-options.js';
import { parseQuarter, type Quarter } from './quarters.js';

export type LineStatus = (typeof lineStatuses)[number];
type YesNo = 'yes' | 'no' | '';

/** What the database is filtered by. Empty strings (and null) mean "any". */
export interface DatabaseFilters {
  outcome: string;
  measure: string;
  district: string;
  directorate: string;
  /** part of the supplier's name */
  supplier: string;
  size: (typeof organisationSizes)[number] | '';
  vcse: YesNo;
  local: YesNo;
  /** a contract's reference, exactly */
  contract: string;
  period: Quarter | null;
  /** delivered outputs only: the line's status */
  status: LineStatus | '';
}

export const noFilters: DatabaseFilters = {
  outcome: '',
  measure: '',
  district: '',
  directorate: '',
  supplier: '',
  size: '',
  vcse: '',
  local: '',
  contract: '',
  period: null,
  status: '',
};

export const FILTER_NAMES = ['outcome', 'measure', 'district', 'directorate', 'supplier', 'size', 'vcse', 'local', 'contract', 'period', 'status'] as const;

export type FilterReading =
  { ok: true; filters: DatabaseFilters; values: Record<string, string> } | ({ ok: false; values: Record<string, string> } & FormErrors);

/**
 * The filters from a query string, checked against what the data holds. A value that is not one of the choices
 * (typed into the address, or from an old link) is an error naming the filter, never a silent "any".
 */
export function readFilters(query: unknown, options: FilterOptions): FilterReading {
  const values = Object.fromEntries(FILTER_NAMES.map((name) => [name, field(query, name).trim().slice(0, 200)])) as Record<
    (typeof FILTER_NAMES)[number],
    string
  >;
  const problems: [string, string][] = [];
  const oneOf = (name: keyof typeof values, allowed: readonly string[], message: string) => {
    if (values[name] !== '' && !allowed.includes(values[name])) problems.push([name, message]);
  };
  oneOf(
    'outcome',
    options.outcomes.map((o) => o.code),
    'Choose a strategic outcome from the list',
  );
  oneOf(
    'measure',
    options.measures.map((m) => m.code),
    'Choose a measure from the list',
  );
  oneOf('district', options.districts, 'Choose a district from the list');
  oneOf('directorate', options.directorates, 'Choose a directorate from the list');
  oneOf('size', options.sizes, 'Choose a supplier size: micro, small, medium or large');
  oneOf('vcse', ['yes', 'no'], 'Choose whether the supplier is a voluntary, community or social enterprise organisation');
  oneOf('local', ['yes', 'no'], 'Choose whether the supplier is local');
  oneOf('status', lineStatuses, 'Choose a status: pending, verified, queried or rejected');
  const period = values.period === '' ? null : parseQuarter(values.period);
  if (values.period !== '' && !period) problems.push(['period', 'Choose a period from the list, like 2026 to 2027 Q1']);
  if (problems.length) return { ok: false, values, ...formErrors(problems) };
  return {
    ok: true,
    values,
    filters: {
      outcome: values.outcome,
      measure: values.measure,
      district: values.district,
      directorate: values.directorate,
      supplier: values.supplier,
      size: values.size as DatabaseFilters['size'],
      vcse: values.vcse as YesNo,
      local: values.local as YesNo,
      contract: values.contract,
      period,
      status: values.status as DatabaseFilters['status'],
    },
  };
}

/** The query string of the filters that are set, for links that keep them (downloads, next page). */
export function filterQuery(values: Record<string, string>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(Object.entries({ ...values, ...extra }).filter(([, v]) => v !== ''));
  const text = params.toString();
  return text ? `?${text}` : '';
}
