import type { Job } from '../../platform/jobs.js';
import { daily, weekly } from '../../platform/schedule.js';
import { sendReportReminders } from './report-reminders.js';
import { sendWeeklyDigest } from './weekly-digest.js';

/** The reminder jobs, with links in their emails to `baseUrl`. */
export function reminderJobs(baseUrl: string): Job[] {
  return [
    {
      name: 'report-reminders',
      title: 'Reminders to suppliers of reports due and overdue',
      schedule: daily('08:00'),
      run: (db, now) => sendReportReminders(db, baseUrl, now),
    },
    {
      name: 'weekly-digest',
      title: 'Weekly digest to contract managers of delivery waiting for verification',
      schedule: weekly('Monday', '07:00'),
      run: (db, now) => sendWeeklyDigest(db, baseUrl, now),
    },
  ];
}
