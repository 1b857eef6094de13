import type { FrameworkContent, MeasureContent, OutcomeContent } from './content.js';
import { cellProblem, fileProblem, rowProblem, type ImportProblem, type ParsedImport } from './import-problems.js';
import { normaliseText } from '../../domain/text.js';
import { contentProblems, isProxyYear, LIMITS, measureProblems, outcomeProblems, MAX_PROXY_YEAR, MIN_PROXY_YEAR } from './rules.js';

/**
 * The JSON layout of a framework version:
 * { "format": "sv-framework", "formatVersion": 1, "version": { name, notes }, "outcomes": [...], "measures": [...] }
 * Outcomes and measures have exactly the fields of OutcomeContent and MeasureContent: money in whole pence,
 * deadweight and attribution in basis points (1250 = 12.5%), and null where a measure has no proxy value.
 */
export const JSON_FORMAT = 'sv-framework';
export const JSON_FORMAT_VERSION = 1;

const TOP_FIELDS = ['format', 'formatVersion', 'version', 'outcomes', 'measures'] as const;
const VERSION_FIELDS = ['name', 'notes'] as const;
const OUTCOME_FIELDS = ['code', 'title', 'description'] as const satisfies readonly (keyof OutcomeContent)[];
const MEASURE_FIELDS = [
  'code',
  'outcomeCode',
  'title',
  'unit',
  'countingGuidance',
  'evidenceExpected',
  'proxyPencePerUnit',
  'proxySource',
  'proxySourceUrl',
  'proxyYear',
  'proxyLicence',
  'deadweightBps',
  'attributionBps',
] as const satisfies readonly (keyof MeasureContent)[];

export interface JsonVersion {
  name: string;
  notes: string | null;
}

export function frameworkToJson(version: JsonVersion, content: FrameworkContent): string {
  const document = {
    format: JSON_FORMAT,
    formatVersion: JSON_FORMAT_VERSION,
    version: { name: version.name, notes: version.notes },
    outcomes: content.outcomes.map((o) => Object.fromEntries(OUTCOME_FIELDS.map((f) => [f, o[f]]))),
    measures: content.measures.map((m) => Object.fromEntries(MEASURE_FIELDS.map((f) => [f, m[f]]))),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the fields of one JSON object, reporting missing, unknown and mistyped fields against its place in the file. */
class ItemReader {
  private readonly reported = new Set<string>();

  constructor(
    private readonly item: Record<string, unknown>,
    private readonly where: string,
    private readonly problems: ImportProblem[],
    allowed: readonly string[],
  ) {
    for (const key of Object.keys(item)) {
      if (!allowed.includes(key)) this.problem(key, 'Remove this field: it is not part of the framework format');
    }
    for (const key of allowed) {
      if (!(key in item)) this.problem(key, 'Add this field: it is missing');
    }
  }

  problem(field: string, message: string): void {
    if (this.reported.has(field)) return;
    this.reported.add(field);
    this.problems.push(cellProblem(this.where, 'field', field, message));
  }

  text(field: string): string {
    const value = this.item[field];
    if (typeof value === 'string') return normaliseText(value);
    if (field in this.item) this.problem(field, 'Enter text in quotes');
    return '';
  }

  nullableText(field: string): string | null {
    if (this.item[field] === null) return null;
    return this.text(field) || null;
  }

  /** A whole number, or null; an unreadable value is reported and read as `fallback`. */
  nullableWhole(field: string, message: string, fallback: number | null): number | null {
    const value = this.item[field];
    if (value === null || !(field in this.item)) return null;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    this.problem(field, message);
    return fallback;
  }

  basisPoints(field: string): number {
    const value = this.item[field];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10000) return value;
    if (field in this.item) this.problem(field, 'Enter a whole number of basis points from 0 to 10000, like 1250 for 12.5%');
    return 0;
  }
}

function readOutcome(reader: ItemReader): OutcomeContent {
  return { code: reader.text('code'), title: reader.text('title'), description: reader.text('description') };
}

function readMeasure(reader: ItemReader): MeasureContent {
  const year = reader.nullableWhole('proxyYear', `Enter the price year as a number from ${MIN_PROXY_YEAR} to ${MAX_PROXY_YEAR}, like 2026, or null`, null);
  if (year !== null && !isProxyYear(year))
    reader.problem('proxyYear', `Enter the price year as a number from ${MIN_PROXY_YEAR} to ${MAX_PROXY_YEAR}, like 2026, or null`);
  return {
    code: reader.text('code'),
    outcomeCode: reader.text('outcomeCode'),
    title: reader.text('title'),
    unit: reader.text('unit'),
    countingGuidance: reader.text('countingGuidance'),
    evidenceExpected: reader.text('evidenceExpected'),
    // An unreadable value still counts as a proxy, so its source is checked as usual.
    proxyPencePerUnit: reader.nullableWhole('proxyPencePerUnit', 'Enter a whole number of pence, like 1271, or null if the measure is counted, not valued', 0),
    proxySource: reader.nullableText('proxySource'),
    proxySourceUrl: reader.nullableText('proxySourceUrl'),
    proxyYear: year,
    proxyLicence: reader.nullableText('proxyLicence'),
    deadweightBps: reader.basisPoints('deadweightBps'),
    attributionBps: reader.basisPoints('attributionBps'),
  };
}

function describeItem(kind: 'outcome' | 'measure', index: number, code: unknown): string {
  const label = `${kind === 'outcome' ? 'Outcome' : 'Measure'} ${index + 1}`;
  return typeof code === 'string' && code.trim() ? `${label} (${code.trim()})` : label;
}

function readList<T>(
  document: Record<string, unknown>,
  kind: 'outcome' | 'measure',
  fields: readonly string[],
  read: (reader: ItemReader) => T,
  problems: ImportProblem[],
): T[] {
  const key = kind === 'outcome' ? 'outcomes' : 'measures';
  const list = document[key];
  if (!(key in document)) return [];
  if (!Array.isArray(list)) {
    problems.push(cellProblem('File', 'field', key, `Enter a list of ${key} in square brackets`));
    return [];
  }
  const items: T[] = [];
  list.forEach((item: unknown, index) => {
    const where = describeItem(kind, index, isObject(item) ? item.code : undefined);
    if (!isObject(item)) {
      problems.push(rowProblem(where, `Enter the ${kind} as an object in curly brackets`));
      return;
    }
    const reader = new ItemReader(item, where, problems, fields);
    const value = read(reader);
    items.push(value);
    const check = kind === 'outcome' ? outcomeProblems(value as OutcomeContent) : measureProblems(value as MeasureContent);
    for (const [field, message] of check) reader.problem(field, message);
  });
  return items;
}

/** Reads a framework from JSON text. Every problem is reported, by item and field. */
export function parseFrameworkJson(text: string): ParsedImport {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [fileProblem(`The file is not valid JSON: ${(error as Error).message}`)] };
  }
  if (!isObject(document)) return { ok: false, problems: [fileProblem('The file is not a framework file: it must hold one JSON object in curly brackets')] };
  if (document.format !== JSON_FORMAT) {
    return { ok: false, problems: [cellProblem('File', 'field', 'format', `Use a framework file exported from this service: its format is "${JSON_FORMAT}"`)] };
  }
  if (document.formatVersion !== JSON_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [cellProblem('File', 'field', 'formatVersion', `Use a file in format version ${JSON_FORMAT_VERSION}, the version this service reads`)],
    };
  }

  const problems: ImportProblem[] = [];
  const top = new ItemReader(document, 'File', problems, TOP_FIELDS);
  let name = '';
  let notes: string | null = null;
  if (isObject(document.version)) {
    const version = new ItemReader(document.version, 'Version', problems, VERSION_FIELDS);
    name = version.text('name');
    notes = version.nullableText('notes');
    if (!name && 'name' in document.version) version.problem('name', 'Enter a name for the framework');
    if (name.length > LIMITS.versionName) version.problem('name', `Enter a name of ${LIMITS.versionName} characters or fewer`);
    if (notes !== null && notes.length > LIMITS.longText) version.problem('notes', 'Enter notes of 5,000 characters or fewer');
  } else if ('version' in document) {
    top.problem('version', 'Enter the version as an object with a name and notes');
  }

  const content: FrameworkContent = {
    outcomes: readList(document, 'outcome', OUTCOME_FIELDS, readOutcome, problems),
    measures: readList(document, 'measure', MEASURE_FIELDS, readMeasure, problems),
  };
  if (problems.length === 0 && content.outcomes.length === 0) problems.push(fileProblem('The file has no outcomes'));
  for (const p of contentProblems(content, (kind, index) => `${kind} ${index + 1}`)) {
    const item = p.kind === 'outcome' ? content.outcomes[p.index] : content.measures[p.index];
    problems.push(cellProblem(describeItem(p.kind, p.index, item?.code), 'field', p.field, p.message));
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, name, notes, content };
}
