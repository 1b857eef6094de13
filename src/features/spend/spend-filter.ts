import { spendKinds } from '../../db/schema/index.js';
import { formErrors, field, type FormErrors } from '../../platform/forms.js';
import type { SpendFilter } from './figures.js';

export interface SpendChoices {
  publishers: { id: string; name: string }[];
  months: string[];
  directorates: string[];
}

export type SpendFilterValues = Record<keyof SpendFilter, string>;

export type SpendFilterReading = { ok: true; filter: SpendFilter; values: SpendFilterValues } | { ok: false; values: SpendFilterValues; errors: FormErrors };

/** Reads the spend page's filters: each must be one of the choices offered, and the months must run forwards. */
export function readSpendFilter(query: unknown, choices: SpendChoices): SpendFilterReading {
  const values: SpendFilterValues = {
    kind: field(query, 'kind'),
    publisherId: field(query, 'publisher'),
    directorate: field(query, 'directorate'),
    from: field(query, 'from'),
    to: field(query, 'to'),
  };
  const problems: [string, string][] = [];
  if (values.kind && !spendKinds.some((k) => k === values.kind)) problems.push(['kind', 'Choose spend, grants or both']);
  if (values.publisherId && !choices.publishers.some((p) => p.id === values.publisherId)) problems.push(['publisher', 'Choose a publisher from the list']);
  if (values.directorate && !choices.directorates.includes(values.directorate)) problems.push(['directorate', 'Choose a directorate from the list']);
  if (values.from && !choices.months.includes(values.from)) problems.push(['from', 'Choose the first month from the list']);
  if (values.to && !choices.months.includes(values.to)) problems.push(['to', 'Choose the last month from the list']);
  if (!problems.length && values.from && values.to && values.from > values.to)
    problems.push(['to', 'Choose a last month that is the same as or after the first']);
  if (problems.length) return { ok: false, values, errors: formErrors(problems) };
  const orNull = (v: string) => v || null;
  return {
    ok: true,
    values,
    filter: {
      kind: spendKinds.find((k) => k === values.kind) ?? null,
      publisherId: orNull(values.publisherId),
      directorate: orNull(values.directorate),
      from: orNull(values.from),
      to: orNull(values.to),
    },
  };
}

/** The filters as a query string, for the download links. */
export function spendQuery(values: SpendFilterValues): string {
  const params = new URLSearchParams();
  if (values.kind) params.set('kind', values.kind);
  if (values.publisherId) params.set('publisher', values.publisherId);
  if (values.directorate) params.set('directorate', values.directorate);
  if (values.from) params.set('from', values.from);
  if (values.to) params.set('to', values.to);
  return params.toString();
}
