import type { DbOrTx } from '../../db/client.js';
import { applicability, type Applicability } from '../../domain/applicability.js';
import { loadThresholds, type ThresholdRecord } from './repository.js';

/**
 * Whether social value applies to a contract value on a date ("YYYY-MM-DD"), with the thresholds in the database.
 * For many values at once (a list of requirements), call loadThresholds() once and applicability() for each value.
 */
export async function applicabilityFor(db: DbOrTx, valuePence: number, includesVat: boolean, onDate: string): Promise<Applicability<ThresholdRecord>> {
  return applicability(valuePence, includesVat, onDate, await loadThresholds(db));
}
