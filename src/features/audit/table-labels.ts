/** Words for an audited table's name: "framework_versions" -> "Framework versions", one row of it -> "Framework version". */

function words(table: string): string {
  const text = table
    .split('_')
    .join(' ')
    .replace(/\bhia\b/g, 'HIA');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The kind of record a table holds, for the filter: "Engagement entries". */
export function tableLabel(table: string): string {
  return words(table);
}

/** One row of a table: "Engagement entry", "Threshold". */
export function rowLabel(table: string): string {
  const plural = words(table);
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  if (plural.endsWith('s')) return plural.slice(0, -1);
  return plural;
}

const done = { insert: 'added', update: 'changed', delete: 'deleted', event: 'recorded' } as const;

/** What happened to one row: "Threshold added", "User changed"; an event that names no record is "Event recorded". */
export function rowChangeLabel(table: string | null, operation: keyof typeof done): string {
  return `${table ? rowLabel(table) : 'Event'} ${done[operation]}`;
}
