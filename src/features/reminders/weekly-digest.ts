import type { Db } from '../../db/client.js';
import { todayIso } from '../../domain/dates.js';
import { isoWeek } from '../../domain/iso-week.js';
import { queueMailOnce } from '../../platform/mail.js';
import { reportPeriodLabel } from '../../domain/report-period.js';
import { weeklyDigestEmail, type DigestContract } from './emails.js';
import { loadWaitingForVerification } from './repository.js';

/**
 * Emails each contract manager the delivery waiting for verification on the contracts they manage, once per ISO week
 * (key digest:<user>:<week>). A manager with nothing waiting gets no email. Returns how many emails were queued.
 */
export async function sendWeeklyDigest(db: Db, baseUrl: string, now: Date): Promise<number> {
  const week = isoWeek(todayIso(now));
  const rows = await loadWaitingForVerification(db);
  const managers = new Map<string, { to: { email: string; name: string }; contracts: Map<string, DigestContract> }>();
  for (const row of rows) {
    const manager = managers.get(row.managerId) ?? { to: { email: row.managerEmail, name: row.managerName }, contracts: new Map() };
    managers.set(row.managerId, manager);
    const contract = manager.contracts.get(row.contractId) ?? { id: row.contractId, reference: row.reference, title: row.title, reports: [] };
    manager.contracts.set(row.contractId, contract);
    contract.reports.push({ id: row.reportId, periodLabel: reportPeriodLabel(row, row), linesWaiting: row.linesWaiting });
  }
  let queued = 0;
  for (const [managerId, manager] of managers) {
    const email = weeklyDigestEmail(manager.to, [...manager.contracts.values()], baseUrl);
    // The sent_notifications and mail_outbox tables are the record of system mail; neither is audited.
    if (await db.transaction((tx) => queueMailOnce(tx, `digest:${managerId}:${week}`, email))) queued++;
  }
  return queued;
}
