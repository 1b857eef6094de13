import type { Db } from '../../db/client.js';
import { todayIso } from '../../domain/dates.js';
import { reportingPeriods } from '../../domain/reporting-periods.js';
import { queueMailOnce } from '../../platform/mail.js';
import { reportReminderEmail } from './emails.js';
import { reminderFor } from './reminder-rules.js';
import { loadHandedIn, loadRemindableContracts, loadSupplierUsers } from './repository.js';

/**
 * Emails each supplier user about every report that is due within the week, or overdue, and not yet handed in
 * (a report in any status but draft). Each email goes once: its key (kind, contract, period, user) is claimed in the
 * transaction that queues it, so running again, or on two instances at once, sends nothing twice.
 * Returns how many emails were queued.
 */
export async function sendReportReminders(db: Db, baseUrl: string, now: Date): Promise<number> {
  const today = todayIso(now);
  const [contracts, handedIn, supplierUsers] = await Promise.all([loadRemindableContracts(db, today), loadHandedIn(db, today), loadSupplierUsers(db, today)]);
  let queued = 0;
  for (const contract of contracts) {
    const recipients = supplierUsers.get(contract.supplierId) ?? [];
    if (recipients.length === 0) continue;
    for (const period of reportingPeriods(contract.startDate, contract.endDate, contract.reportingFrequency)) {
      const kind = reminderFor(period, today);
      if (!kind || handedIn.has(`${contract.id} ${period.periodStart}`)) continue;
      for (const user of recipients) {
        const email = reportReminderEmail({ kind, to: user, contract, period, baseUrl });
        // The sent_notifications and mail_outbox tables are the record of system mail; neither is audited.
        const sent = await db.transaction((tx) => queueMailOnce(tx, `${kind}:${contract.id}:${period.periodStart}:${user.id}`, email));
        if (sent) queued++;
      }
    }
  }
  return queued;
}
