import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { recordEvent } from '../../platform/audit.js';
import { staffRoles } from '../../platform/current-user.js';
import { field, formErrors } from '../../platform/forms.js';
import { readKey, writeKey, type Key } from './cursor.js';
import { commitmentsDataset, deliveryDataset, type Dataset } from './datasets.js';
import { allRows, sendCsv, sendXlsx } from './export.js';
import { loadFilterOptions, type FilterOptions } from './filter-options.js';
import { filterQuery, readFilters } from './filters.js';
import { lineStatusLabels, sizeLabels } from './labels.js';

const PAGE_SIZE = 50;

function selectItems(values: readonly { value: string; text: string }[], any: string, selected: string) {
  return [{ value: '', text: any }, ...values.map((v) => ({ ...v, selected: v.value === selected }))];
}

/** The choices of each filter's select, with what was asked for selected. */
function filterItems(options: FilterOptions, values: Record<string, string>) {
  const yesNo = (yes: string, no: string) => [
    { value: 'yes', text: yes },
    { value: 'no', text: no },
  ];
  return {
    outcome: selectItems(
      options.outcomes.map((o) => ({ value: o.code, text: `${o.code} ${o.title}` })),
      'Any outcome',
      values.outcome!,
    ),
    measure: selectItems(
      options.measures.map((m) => ({ value: m.code, text: `${m.code} ${m.title}` })),
      'Any measure',
      values.measure!,
    ),
    district: selectItems(
      options.districts.map((d) => ({ value: d, text: d })),
      'Any district',
      values.district!,
    ),
    directorate: selectItems(
      options.directorates.map((d) => ({ value: d, text: d })),
      'Any directorate',
      values.directorate!,
    ),
    size: selectItems(
      options.sizes.map((s) => ({ value: s, text: sizeLabels[s as keyof typeof sizeLabels] })),
      'Any size',
      values.size!,
    ),
    vcse: selectItems(yesNo('VCSE', 'Not VCSE'), 'Any', values.vcse!),
    local: selectItems(yesNo('Local', 'Not local'), 'Any', values.local!),
    period: selectItems(
      options.quarters.map((q) => ({ value: q.value, text: q.label })),
      'Any period',
      values.period!,
    ),
    status: selectItems(
      Object.entries(lineStatusLabels).map(([value, text]) => ({ value, text })),
      'Any status',
      values.status!,
    ),
  };
}

/**
 * The social value database for council staff: every commitment and every delivered output, filtered, a page at a
 * time through keyset links, and downloadable whole as CSV or XLSX with the same filters.
 */
export async function databaseRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const config = { access: staffRoles };

  async function render<Row extends { key: Key }>(request: FastifyRequest, reply: FastifyReply, dataset: Dataset<Row>) {
    const options = await loadFilterOptions(db);
    const reading = readFilters(request.query, options);
    const afterText = field(request.query, 'after');
    const after = afterText ? readKey(afterText, dataset.keyShape) : null;
    const context = {
      pageTitle: `Social value database: ${dataset.title.toLowerCase()}`,
      dataset: dataset.name,
      datasetTitle: dataset.title,
      path: dataset.path,
      values: reading.values,
      items: filterItems(options, reading.values),
      query: filterQuery(reading.values),
    };
    if (!reading.ok || (afterText && !after)) {
      const { errors, errorList } = reading.ok ? formErrors([['after', 'This page link is not valid: go back to the first page of the results']]) : reading;
      return reply.code(400).page('database/views/table.njk', { ...context, errors, errorList, rows: [] });
    }
    const rows = await dataset.rows(db, reading.filters, { publishedOnly: false }, after, PAGE_SIZE + 1);
    const more = rows.length > PAGE_SIZE;
    const shown = rows.slice(0, PAGE_SIZE);
    return reply.page('database/views/table.njk', {
      ...context,
      rows: shown.map((r) => dataset.view(r)),
      filtered: Object.values(reading.values).some((v) => v !== ''),
      firstPage: !after,
      firstHref: `${dataset.path}${context.query}`,
      nextHref: more ? `${dataset.path}${filterQuery(reading.values, { after: writeKey(shown[shown.length - 1]!.key) })}` : null,
    });
  }

  async function download<Row extends { key: Key }>(request: FastifyRequest, reply: FastifyReply, dataset: Dataset<Row>, format: 'csv' | 'xlsx') {
    const reading = readFilters(request.query, await loadFilterOptions(db));
    if (!reading.ok) return render(request, reply, dataset);
    await recordEvent(db, request.actor, `Downloaded the social value database: ${dataset.title.toLowerCase()} (${format.toUpperCase()})`, {
      after: reading.values,
    });
    const rows = allRows((after, limit) => dataset.rows(db, reading.filters, { publishedOnly: false }, after, limit));
    const filename = `social-value-${dataset.name}.${format}`;
    return format === 'csv' ? sendCsv(reply, filename, dataset.columns, rows) : sendXlsx(reply, filename, dataset.title, dataset.columns, rows);
  }

  for (const dataset of [commitmentsDataset, deliveryDataset] as Dataset[]) {
    app.get(dataset.path, { config }, (request, reply) => render(request, reply, dataset));
    for (const format of ['csv', 'xlsx'] as const) {
      app.get(`/database/${dataset.name}.${format}`, { config }, (request, reply) => download(request, reply, dataset, format));
    }
  }
}
