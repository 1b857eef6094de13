import type { Job } from '../../platform/jobs.js';
import { reminderJobs } from '../reminders/jobs.js';
import { reportDistributionJob } from '../report-subscriptions/jobs.js';

/** Every job the service runs in the background, with links in their emails to `baseUrl`. */
export function serviceJobs(baseUrl: string): Job[] {
  return [...reminderJobs(baseUrl), reportDistributionJob];
}
