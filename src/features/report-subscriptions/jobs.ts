import type { Job } from '../../platform/jobs.js';
import { daily } from '../../platform/schedule.js';
import { queueDueReports } from './queue-sends.js';

/** Queues each subscription's report once its period has ended; the report sender (deliver-reports.ts) sends them. */
export const reportDistributionJob: Job = {
  name: 'report-distribution',
  title: 'Social value reports to their subscriptions, once each quarter or year has ended',
  schedule: daily('06:00'),
  run: (db, now) => queueDueReports(db, now),
};
