/**
 * The database refused a change to a bid's commitments or answers because the tender has closed (the trigger in the
 * migration that audits the procurement tables). The service checks the closing time first; this is the last line of
 * defence, when the tender closes between that check and the change.
 */
export function isClosedRefusal(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const e = current as { hint?: unknown; message?: unknown; cause?: unknown };
    if (e.hint === 'sv_closed' || (typeof e.message === 'string' && e.message.includes('the tender has closed'))) return true;
    current = e.cause;
  }
  return false;
}
