/** Recognises the database refusals the framework expects, through drizzle's wrapping of the driver's error. */
function* causes(error: unknown): Generator<{ code?: unknown; hint?: unknown; message?: unknown }> {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    yield current as { code?: unknown; hint?: unknown; message?: unknown };
    current = (current as { cause?: unknown }).cause;
  }
}

/** A unique index refused the row: a code, a version number or a second draft. */
export function isUniqueViolation(error: unknown): boolean {
  for (const e of causes(error)) if (e.code === '23505') return true;
  return false;
}

/** The freeze trigger refused a change to an active or retired version (see the audit and freeze migration). */
export function isFrozenRefusal(error: unknown): boolean {
  for (const e of causes(error)) {
    if (e.code === 'P0001' && (e.hint === 'sv_frozen' || (typeof e.message === 'string' && e.message.includes('cannot be changed')))) return true;
  }
  return false;
}
