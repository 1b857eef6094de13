import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';

/** The state of every job that has been registered: when it next runs, when it last ran, and its last error. */
export async function loadJobStates(db: DbOrTx) {
  return db.select().from(jobs);
}

/** Brings a job's next run forward to now, so the runner takes it at its next look (within a minute). */
export async function runJobNow(db: DbOrTx, name: string): Promise<void> {
  await db
    .insert(jobs)
    .values({ name, runAt: sql`now()` })
    .onConflictDoUpdate({ target: jobs.name, set: { runAt: sql`now()` } });
}
