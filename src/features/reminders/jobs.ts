import type { Job } from '../../platform/jobs.js';
import { daily, weekly } from '../../platform/schedule.js';
import { sendReportReminders } from './report-reminders.js';
import { sendWeeklyDigest } from './weekly-digest.js';

/** The reminder jobs, with links in their emails to `baseUrl`. */
export function reminderJobs(baseUrl: string): Job[] {
  return [
    { name: 'report-reminders', schedule: daily('08:00'), run: (db, now) => sendReportReminders(db, baseUrl, now) },
    { name: 'weekly-digest', schedule: weekly('Monday', '07:00'), run: (db, now) => sendWeeklyDigest(db, baseUrl, now) },
  ];
}
