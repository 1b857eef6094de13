import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db, DbOrTx, Tx } from '../db/client.js';
import { mailOutbox, sentNotifications } from '../db/schema/index.js';
import { startPolling, type Logger, type Poller } from './polling.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** An email sent straight away rather than through the outbox: it may carry headers and attachments. */
export interface OutgoingMail extends MailMessage {
  /** extra headers, such as List-Unsubscribe */
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** the same id for every attempt at one email ("<id@host>"), so a receiving system can tell a repeat */
  messageId?: string;
}

export interface Mailer {
  send(message: OutgoingMail): Promise<void>;
}

/** SMTP when a URL is configured; otherwise (development only) each message is written to the log instead. */
export function createMailer(smtpUrl: string | undefined, from: string, log: Logger): Mailer {
  if (!smtpUrl) {
    return {
      async send({ attachments, ...message }) {
        const files = attachments?.map((a) => `${a.filename} (${a.content.length} bytes)`);
        log.info({ mail: { ...message, attachments: files } }, `Email not sent (no SMTP_URL set): "${message.subject}" to ${message.to}`);
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/** Queues an email in the same transaction as the change that causes it, so a rolled-back change sends nothing. */
export async function queueMail(db: DbOrTx, message: MailMessage): Promise<void> {
  await db.insert(mailOutbox).values(message);
}

/**
 * Queues an email that must go out exactly once, such as a reminder: claims `key` in sent_notifications and queues
 * the email only if the key was free, in one transaction (`tx`): a second instance doing the same work
 * waits for this one to commit and then finds the key taken. Returns whether the email was queued.
 */
export async function queueMailOnce(tx: Tx, key: string, message: MailMessage): Promise<boolean> {
  const claimed = await tx.insert(sentNotifications).values({ key }).onConflictDoNothing().returning({ key: sentNotifications.key });
  if (claimed.length === 0) return false;
  await queueMail(tx, message);
  return true;
}

/** Sending a message is tried this many times; after that it stays unsent (the status page shows a problem). */
export const MAIL_MAX_ATTEMPTS = 5;

/**
 * Sends what is waiting in the outbox. Each message is claimed with FOR UPDATE SKIP LOCKED and a lease,
 * so several instances of the service never send the same message twice. Returns how many were sent.
 */
export async function deliverPendingMail(db: Db, mailer: Mailer, log: Logger): Promise<number> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAIL_MAX_ATTEMPTS), or(isNull(mailOutbox.lockedUntil), lt(mailOutbox.lockedUntil, sql`now()`))),
      )
      .orderBy(mailOutbox.id)
      .limit(20)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(mailOutbox)
      .set({ lockedUntil: sql`now() + interval '2 minutes'`, attempts: sql`${mailOutbox.attempts} + 1` })
      .where(
        inArray(
          mailOutbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
  let sent = 0;
  for (const message of claimed) {
    try {
      await mailer.send({ to: message.to, subject: message.subject, text: message.text });
      // The body may hold a sign-in link: once sent, it is not kept.
      await db
        .update(mailOutbox)
        .set({ sentAt: sql`now()`, lastError: null, text: '' })
        .where(eq(mailOutbox.id, message.id));
      sent++;
    } catch (error) {
      log.error({ err: error, mailId: message.id }, 'email could not be sent; it will be retried');
      await db
        .update(mailOutbox)
        .set({ lastError: String(error), lockedUntil: sql`now() + interval '1 minute'` })
        .where(eq(mailOutbox.id, message.id));
    }
  }
  return sent;
}

/** Polls the outbox every few seconds until stopped. */
export function startMailWorker(db: Db, mailer: Mailer, log: Logger, intervalMs = 3000): Poller {
  return startPolling(() => deliverPendingMail(db, mailer, log), intervalMs, log, 'mail worker failed');
}
