import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { contractCommitments, contracts, deliveryReports, frameworkVersions, measures, organisations, reportLines } from '../../src/db/schema/index.js';
import type { ProfilePeriod } from '../../src/db/schema/procurement.js';
import { addQuarters } from '../../src/domain/quarters.js';
import { recountSummaries } from '../../src/features/summaries/read.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { independentCount, summaryTables } from '../helpers/summaries.js';

/** A small seeded generator (mulberry32), so that a failing sequence can be run again with the same seed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const some = <T>(items: readonly T[]): T[] => items.filter(() => next() < 0.4);
  return { next, int, pick, some };
}

const DISTRICTS = ['Blaby', 'Charnwood', 'Harborough', 'Melton', 'North West Leicestershire'];
const DIRECTORATES = ['Adults and Communities', 'Environment and Transport', ''];
const SEED = Number(process.env.SUMMARY_SEED ?? 20261203);
const STEPS = 90;

const quarterEnd = (q: string) => {
  const next = new Date(`${addQuarters(q, 1)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
};

describe.each(databaseKinds)('summaries equal a full recount on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  beforeAll(async () => {
    t = await createTestApp(kind);
    db = t.testDb.database.db;
  }, 120_000);
  afterAll(async () => t?.close());

  it(`after a random sequence of ${STEPS} changes (seed ${SEED})`, async () => {
    const r = random(SEED);
    const active = await db
      .select({ id: measures.id, proxy: measures.proxyPencePerUnit })
      .from(measures)
      .innerJoin(frameworkVersions, eq(frameworkVersions.id, measures.versionId))
      .where(eq(frameworkVersions.status, 'active'));
    const measureIds = active.map((m) => m.id);
    expect(active.some((m) => m.proxy === null) && active.some((m) => m.proxy !== null)).toBe(true);
    const suppliers = (
      await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(inArray(organisations.kind, ['supplier', 'community']))
    ).map((o) => o.id);

    const profileFor = (start: string, quarters: number, quantity: number): ProfilePeriod[] => {
      // some profiles hold the whole quantity, some part of it (the rest falls due when the contract ends)
      const share = r.pick([1, 1, 0.5, 0]);
      const each = Math.floor((quantity * share) / quarters);
      return Array.from({ length: share ? quarters : 0 }, (_, i) => {
        const q = addQuarters(start, i);
        return { periodStart: q, periodEnd: quarterEnd(q), quantityHundredths: each };
      });
    };

    const steps: Record<string, () => Promise<unknown>> = {
      async contract() {
        const start = addQuarters('2024-04-01', r.int(8));
        const length = 2 + r.int(6);
        const [c] = await db
          .insert(contracts)
          .values({
            reference: `PROP-${r.int(1e9)}`,
            title: 'Generated contract',
            directorate: r.pick(DIRECTORATES),
            supplierId: r.pick(suppliers),
            valuePence: 1_000_000 + r.int(90_000_000),
            startDate: start,
            endDate: quarterEnd(addQuarters(start, length - 1)),
            applicability: r.pick(['out_of_scope', 'policy', 'statutory'] as const),
            source: 'manual',
            publishedAt: r.next() < 0.5 ? new Date() : null,
          })
          .returning({ id: contracts.id });
        for (let i = 0; i < 1 + r.int(3); i++) {
          const measureId = r.pick(measureIds);
          const quantity = 100 + r.int(500_000);
          const profile = profileFor(start, length, quantity);
          await db.insert(contractCommitments).values({
            contractId: c!.id,
            measureId,
            quantityHundredths: quantity,
            profile,
            districts: r.some(DISTRICTS),
            originalMeasureId: measureId,
            originalQuantityHundredths: quantity,
            originalProfile: profile,
          });
        }
      },
      async report() {
        const all = await db.select().from(contracts);
        if (!all.length) return;
        const c = r.pick(all);
        const q = addQuarters(c.startDate.slice(0, 7) + '-01', r.int(4));
        const taken = await db
          .select()
          .from(deliveryReports)
          .where(and(eq(deliveryReports.contractId, c.id), eq(deliveryReports.periodStart, q)));
        if (taken.length) return;
        const [report] = await db
          .insert(deliveryReports)
          .values({ contractId: c.id, periodStart: q, periodEnd: quarterEnd(q), dueDate: quarterEnd(q), status: 'submitted' })
          .returning({ id: deliveryReports.id });
        const commitments = await db.select().from(contractCommitments).where(eq(contractCommitments.contractId, c.id));
        for (let i = 0; i < 1 + r.int(4); i++) {
          const cm = r.next() < 0.75 && commitments.length ? r.pick(commitments) : null;
          await db.insert(reportLines).values({
            reportId: report!.id,
            commitmentId: cm?.id ?? null,
            measureId: cm?.measureId ?? r.pick(measureIds),
            quantityHundredths: r.int(200_000),
            districts: r.some(DISTRICTS),
          });
        }
      },
      verify: () => moveLine('pending', { status: 'verified' }),
      query: () => moveLine('pending', { status: 'queried' }),
      reject: () => moveLine('pending', { status: 'rejected' }),
      answer: () => moveLine('queried', { status: 'pending', quantityHundredths: r.int(300_000) }),
      reopen: () => moveLine('verified', { status: 'queried' }),
      async vary() {
        const all = await db.select().from(contractCommitments);
        if (!all.length) return;
        const cm = r.pick(all);
        const [c] = await db.select().from(contracts).where(eq(contracts.id, cm.contractId));
        const quantity = r.int(600_000);
        const quarters = Math.max(1, r.int(6));
        await db
          .update(contractCommitments)
          .set({ measureId: r.pick(measureIds), quantityHundredths: quantity, profile: profileFor(c!.startDate.slice(0, 7) + '-01', quarters, quantity) })
          .where(eq(contractCommitments.id, cm.id));
      },
      async publish() {
        const all = await db.select().from(contracts);
        if (!all.length) return;
        const c = r.pick(all);
        await db
          .update(contracts)
          .set({ publishedAt: c.publishedAt ? null : new Date() })
          .where(eq(contracts.id, c.id));
      },
      async changeContract() {
        const all = await db.select().from(contracts);
        if (!all.length) return;
        const c = r.pick(all);
        const change = r.pick(['directorate', 'supplier', 'end', 'value'] as const);
        const set =
          change === 'directorate'
            ? { directorate: r.pick(DIRECTORATES) }
            : change === 'supplier'
              ? { supplierId: r.pick(suppliers) }
              : change === 'end'
                ? { endDate: quarterEnd(addQuarters(c.startDate.slice(0, 7) + '-01', 1 + r.int(8))) }
                : { valuePence: r.int(50_000_000) };
        await db.update(contracts).set(set).where(eq(contracts.id, c.id));
      },
      async supplierFlags() {
        await db
          .update(organisations)
          .set({ size: r.pick(['micro', 'small', 'medium', 'large', null] as const), isVcse: r.next() < 0.5, isLocal: r.next() < 0.5 })
          .where(eq(organisations.id, r.pick(suppliers)));
      },
      async deleteReport() {
        const all = await db.select({ id: deliveryReports.id }).from(deliveryReports);
        if (all.length) await db.delete(deliveryReports).where(eq(deliveryReports.id, r.pick(all).id));
      },
    };

    async function moveLine(from: 'pending' | 'queried' | 'verified', set: Partial<typeof reportLines.$inferInsert>) {
      const candidates = await db.select({ id: reportLines.id }).from(reportLines).where(eq(reportLines.status, from));
      if (!candidates.length) return;
      await db
        .update(reportLines)
        .set(set)
        .where(eq(reportLines.id, r.pick(candidates).id));
    }

    const weighted = [
      ...Array<string>(4).fill('contract'),
      ...Array<string>(6).fill('report'),
      ...Array<string>(8).fill('verify'),
      'query',
      'query',
      'reject',
      'answer',
      'answer',
      'reopen',
      'vary',
      'vary',
      'publish',
      'changeContract',
      'supplierFlags',
      'deleteReport',
    ];
    for (let i = 0; i < 6; i++) await steps.contract!();
    // every kind of change at least once, the rest drawn by weight, in a shuffled order
    const order = [...Object.keys(steps), ...Array.from({ length: STEPS - Object.keys(steps).length }, () => r.pick(weighted))];
    for (let i = order.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const done: string[] = [];
    for (const step of order) {
      done.push(step);
      await steps[step]!();
    }
    // the sequence did what it is meant to try
    const verified = await db.select({ id: reportLines.id }).from(reportLines).where(eq(reportLines.status, 'verified'));
    expect(verified.length).toBeGreaterThan(5);
    for (const kindOfStep of ['verify', 'answer', 'vary', 'publish', 'changeContract', 'supplierFlags']) expect(done).toContain(kindOfStep);

    const expected = await independentCount(db);
    expect(expected.figures.length).toBeGreaterThan(10);
    expect(await summaryTables(db)).toEqual(expected);

    await recountSummaries(db);
    expect(await summaryTables(db)).toEqual(expected);
  }, 300_000);
});
