import { and, count, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { jobs, mailOutbox } from '../../db/schema/index.js';
import { MAIL_MAX_ATTEMPTS } from '../../platform/mail.js';

export interface PartStatus {
  /** the part of the service, as people know it */
  name: string;
  working: boolean;
  /** what it means, in plain words, with nothing internal (no error text, addresses or kinds of server) */
  description: string;
}

/** An email still unsent this long after it was queued means the outbox is stuck. */
const MAIL_LATE_MINUTES = 15;
/** Problems with email this far back are shown; older ones are history. */
const MAIL_LOOKBACK_HOURS = 24;
/** A job due this long ago and not yet run means no instance is running jobs. */
const JOB_LATE_MINUTES = 60;

async function emailStatus(database: Database, now: Date): Promise<PartStatus> {
  const late = new Date(now.getTime() - MAIL_LATE_MINUTES * 60_000);
  const since = new Date(now.getTime() - MAIL_LOOKBACK_HOURS * 3_600_000);
  const [stuck] = await database.db
    .select({ n: count() })
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), gte(mailOutbox.createdAt, since), or(gte(mailOutbox.attempts, MAIL_MAX_ATTEMPTS), lt(mailOutbox.createdAt, late))));
  if ((stuck?.n ?? 0) === 0) return { name: 'Email', working: true, description: 'Emails from the service are being sent.' };
  return {
    name: 'Email',
    working: false,
    description: 'Some emails could not be sent, or are taking longer than they should. Reminders and messages may arrive late or not at all.',
  };
}

async function jobsStatus(database: Database, now: Date): Promise<PartStatus> {
  const late = new Date(now.getTime() - JOB_LATE_MINUTES * 60_000);
  const [troubled] = await database.db
    .select({ failed: sql<number>`count(*) filter (where ${isNotNull(jobs.lastError)})`.mapWith(Number), behind: count() })
    .from(jobs)
    .where(or(isNotNull(jobs.lastError), and(lt(jobs.runAt, late), or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, now)))));
  const name = 'Background jobs';
  if ((troubled?.failed ?? 0) > 0) {
    return { name, working: false, description: 'Scheduled work, such as reminders, did not finish the last time it ran. It will be tried again.' };
  }
  if ((troubled?.behind ?? 0) > 0) return { name, working: false, description: 'Scheduled work, such as reminders, has not run when it should have.' };
  return { name, working: true, description: 'Scheduled work, such as reminders, is running on time.' };
}

/** The state of each part of the service, for people: the service itself, its database, email and background jobs. */
export async function serviceStatus(database: Database, now = new Date()): Promise<PartStatus[]> {
  const service: PartStatus = { name: 'This service', working: true, description: 'Pages are being shown.' };
  if (!(await database.ping(2000))) {
    const unknown = 'Cannot be checked while the database is not answering.';
    return [
      service,
      { name: 'Database', working: false, description: 'The service cannot read or save information at the moment. Try again later.' },
      { name: 'Email', working: false, description: unknown },
      { name: 'Background jobs', working: false, description: unknown },
    ];
  }
  return [
    service,
    { name: 'Database', working: true, description: 'Information is being read and saved.' },
    await emailStatus(database, now),
    await jobsStatus(database, now),
  ];
}
