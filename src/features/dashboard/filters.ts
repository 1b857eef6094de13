import { formErrors, field, type FormErrors } from '../../platform/forms.js';
import { isQuarter } from '../../domain/quarters.js';

export interface DashboardChoices {
  directorates: string[];
  districts: string[];
  outcomes: { code: string; title: string }[];
  quarters: string[];
}

export interface DashboardFilter {
  outcomeCode: string | null;
  district: string | null;
  directorate: string | null;
  from: string | null;
  to: string | null;
}

export type FilterValues = Record<keyof DashboardFilter, string>;

export type FilterReading = { ok: true; filter: DashboardFilter; values: FilterValues } | { ok: false; values: FilterValues; errors: FormErrors };

/**
 * Reads the dashboard's filters from the query string: each must be one of the choices offered (anything else, such
 * as a hand-edited address, is an error that names the filter), and the period must run forwards.
 */
export function readFilter(query: unknown, choices: DashboardChoices): FilterReading {
  const values: FilterValues = {
    outcomeCode: field(query, 'outcome'),
    district: field(query, 'district'),
    directorate: field(query, 'directorate'),
    from: field(query, 'from'),
    to: field(query, 'to'),
  };
  const problems: [string, string][] = [];
  if (values.outcomeCode && !choices.outcomes.some((o) => o.code === values.outcomeCode)) problems.push(['outcome', 'Choose an outcome from the list']);
  if (values.district && !choices.districts.includes(values.district)) problems.push(['district', 'Choose a district from the list']);
  if (values.directorate && !choices.directorates.includes(values.directorate)) problems.push(['directorate', 'Choose a directorate from the list']);
  if (values.from && !isQuarter(values.from)) problems.push(['from', 'Choose the first quarter of the period from the list']);
  if (values.to && !isQuarter(values.to)) problems.push(['to', 'Choose the last quarter of the period from the list']);
  if (!problems.length && values.from && values.to && values.from > values.to)
    problems.push(['to', 'Choose a last quarter that is the same as or after the first']);
  if (problems.length) return { ok: false, values, errors: formErrors(problems) };
  const orNull = (v: string) => v || null;
  return {
    ok: true,
    values,
    filter: {
      outcomeCode: orNull(values.outcomeCode),
      district: orNull(values.district),
      directorate: orNull(values.directorate),
      from: orNull(values.from),
      to: orNull(values.to),
    },
  };
}
