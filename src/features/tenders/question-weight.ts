import type { DbOrTx } from '../../db/client.js';
import { listQuestions } from './repository.js';

/**
 * Whether a question of this weight fits beside the tender's other questions (all but `exceptId`) within 100%.
 * Read inside the change, under the tender's lock, so that two officers adding questions at once cannot pass 100%.
 */
export async function fitsWeight(tx: DbOrTx, tenderId: string, weightBps: number, exceptId?: string): Promise<boolean> {
  const others = (await listQuestions(tx, tenderId)).filter((q) => q.id !== exceptId);
  return others.reduce((sum, q) => sum + q.weightBps, 0) + weightBps <= 10000;
}
