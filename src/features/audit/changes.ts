export interface FieldChange {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '(empty)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields of an audited row, before and after, with those that changed marked (all of them for an insert or delete). */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const beforeText = field in b ? show(b[field]) : '';
    const afterText = field in a ? show(a[field]) : '';
    return { field, before: beforeText, after: afterText, changed: beforeText !== afterText };
  });
}
