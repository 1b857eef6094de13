import type { Db } from '../../db/client.js';
import { thresholdKindNames, vatBasis } from '../../domain/applicability.js';
import { formatDate } from '../../domain/dates.js';
import { formatPounds } from '../../domain/money.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { insertThreshold, type NewThreshold } from './repository.js';

export type AddThresholdResult = { ok: true; id: string } | { ok: false; reason: 'duplicate' };

/**
 * Adds a threshold to the history. Thresholds are never edited or deleted: a mistake is corrected by a new entry.
 * Two thresholds of one kind cannot start on the same day (the database refuses it, even for two admins at once).
 */
export async function addThreshold(db: Db, actor: Actor, threshold: NewThreshold): Promise<AddThresholdResult> {
  const action = `Added ${thresholdKindNames[threshold.kind]} of ${formatPounds(threshold.amountPence)} ${vatBasis(threshold.includesVat)} from ${formatDate(threshold.effectiveFrom)}`;
  try {
    const id = await withAudit(db, actor, action, (tx) => insertThreshold(tx, threshold, actor.id));
    return { ok: true, id };
  } catch (error) {
    if (violates(error, 'thresholds_kind_date_key')) return { ok: false, reason: 'duplicate' };
    throw error;
  }
}

/** True when the error, or one it wraps, is the database refusing a row because of the named unique constraint. */
function violates(error: unknown, constraint: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (e.code === '23505' && (e.constraint === constraint || String(e.message).includes(constraint))) return true;
    current = e.cause;
  }
  return false;
}
