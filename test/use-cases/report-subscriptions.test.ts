import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSends } from '../../src/db/schema/index.js';
import { changeStatus } from '../../src/features/report-subscriptions/change-status.js';
import { createSubscription } from '../../src/features/report-subscriptions/create-subscription.js';
import { findSubscription } from '../../src/features/report-subscriptions/repository.js';
import type { Actor } from '../../src/platform/audit.js';
import { useCaseDatabase, type UseCaseDatabase } from '../helpers/use-cases.js';

describe('report subscriptions: adding, pausing, resuming and unsubscribing', () => {
  let u: UseCaseDatabase;
  let officer: Actor;
  beforeAll(async () => {
    u = await useCaseDatabase();
    officer = await u.actor('officer@council.example');
  });
  afterAll(async () => u?.close());

  const sendsOf = (id: string) =>
    u.db
      .select({ period: reportSends.period, state: reportSends.state })
      .from(reportSends)
      .where(eq(reportSends.subscriptionId, id))
      .orderBy(asc(reportSends.period));

  it('starts with the latest ended quarter, queued at once; pausing twice changes nothing the second time', async () => {
    const august = new Date('2026-08-15T10:00:00Z');
    const { id, firstPeriod } = await createSubscription(
      u.db,
      officer,
      { name: 'Cabinet', emails: ['cabinet@council.example'], kind: 'quarterly', delivery: 'attached' },
      august,
    );
    expect(firstPeriod).toBe('2026-04-01');
    expect(await sendsOf(id)).toEqual([{ period: '2026-04-01', state: 'queued' }]);

    const subscription = (await findSubscription(u.db, id))!;
    expect(await changeStatus(u.db, officer, subscription, 'pause', august)).toBe(true);
    expect(await changeStatus(u.db, officer, subscription, 'pause', august)).toBe(false);
    expect((await findSubscription(u.db, id))?.status).toBe('paused');
    expect(await u.auditActions()).toEqual(['Added the report subscription Cabinet', 'Paused the report subscription Cabinet']);
  });

  it('resumes from the latest ended quarter without sending the quarters it missed in a batch, and unsubscribing cancels what waits', async () => {
    const may = new Date('2026-05-10T10:00:00Z');
    const { id } = await createSubscription(u.db, officer, { name: 'Partners', emails: ['partners@nhs.example'], kind: 'quarterly', delivery: 'linked' }, may);
    expect(await sendsOf(id)).toEqual([{ period: '2026-01-01', state: 'queued' }]);
    await changeStatus(u.db, officer, (await findSubscription(u.db, id))!, 'pause', may);

    const november = new Date('2026-11-20T10:00:00Z');
    expect(await changeStatus(u.db, officer, (await findSubscription(u.db, id))!, 'resume', november)).toBe(true);
    expect((await findSubscription(u.db, id))?.firstPeriod).toBe('2026-07-01');
    expect((await sendsOf(id)).map((s) => s.period)).toEqual(['2026-01-01', '2026-07-01']);

    const reader = { id: null, label: 'partners@nhs.example' };
    expect(await changeStatus(u.db, reader, (await findSubscription(u.db, id))!, 'unsubscribe', november)).toBe(true);
    expect((await sendsOf(id)).every((s) => s.state !== 'queued')).toBe(true);
    expect(await changeStatus(u.db, officer, (await findSubscription(u.db, id))!, 'resume', november)).toBe(false);
  });
});
