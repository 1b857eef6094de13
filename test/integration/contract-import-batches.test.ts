import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractImports, contracts, users } from '../../src/db/schema/index.js';
import { importContracts } from '../../src/features/contract-import/import-contracts.js';
import { undoUnfinishedImports } from '../../src/features/contract-import/undo-import.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { HEADER, counts, csvOf, goodRow, uploadAndMap } from './contract-import-fixtures.js';

/** A register of `total` good rows with references PREFIX-1 to PREFIX-total and 30 new suppliers. */
function register(prefix: string, total: number): string {
  return csvOf([
    HEADER,
    ...Array.from({ length: total }, (_, i) => goodRow(`${prefix}-${i + 1}`, { 'Supplier Company Name': `${prefix} Supplier ${i % 30}` })),
  ]);
}

describe.each(databaseKinds)('importing a register in batches on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let officerId: string;
  const actor = () => ({ id: officerId, label: 'officer@council.example' });
  const db = () => t.services.database.db;
  const imported = async (references: string[]) => db().select({ id: contracts.id }).from(contracts).where(inArray(contracts.reference, references));

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
    const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'officer@council.example'));
    officerId = user!.id;
  });
  afterAll(async () => t?.close());

  it('serves other requests between its batches, and the import is whole at the end', async () => {
    const total = 2000;
    const { id } = await uploadAndMap(officer, 'large.csv', register('LARGE', total));
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    const events: string[] = [];
    let page: Promise<void> | undefined;
    const result = await importContracts(
      db(),
      actor(),
      officerId,
      { id, fileName: 'large.csv' },
      {
        rowsPerBatch: 100,
        afterBatch: (batch) => {
          events.push(`batch ${batch}`);
          // Someone asks for a page once the import is under way, and the import carries on without waiting for it.
          if (batch === 1) page = viewer.get('/contracts').then((response) => void events.push(`page ${response.statusCode}`));
        },
      },
    );
    events.push('import finished');
    await page;

    expect(result.status).toBe('imported');
    // 30 new suppliers in the first batch, then 20 batches of 100 contracts.
    expect(events.filter((e) => e.startsWith('batch'))).toHaveLength(21);
    const served = events.indexOf('page 200');
    expect(served).toBeGreaterThan(events.indexOf('batch 1'));
    expect(served).toBeLessThan(events.indexOf('batch 21'));
    expect(await imported([`LARGE-1`, `LARGE-${total}`])).toHaveLength(2);
    const [upload] = await db().select().from(contractImports).where(eq(contractImports.id, id));
    expect(upload).toMatchObject({ importingAt: null, supplierIds: null });
    expect(upload!.importedAt).not.toBeNull();
    expect(upload!.contractIds).toHaveLength(total);
  });

  it('undoes an import cut short part way (the process stopped) when the service starts again, and it can then be imported whole', async () => {
    const total = 300;
    const { id } = await uploadAndMap(officer, 'cut-short.csv', register('CUT', total));
    const before = await counts(t);
    let stopped!: () => void;
    const cutShort = new Promise<void>((resolve) => (stopped = resolve));
    // The process "stops" after the second batch: the import never goes on, as if the process had died there.
    void importContracts(
      db(),
      actor(),
      officerId,
      { id, fileName: 'cut-short.csv' },
      { rowsPerBatch: 100, afterBatch: (batch) => (batch === 2 ? (stopped(), new Promise<void>(() => undefined)) : undefined) },
    );
    await cutShort;
    expect(await imported(['CUT-1'])).toHaveLength(1);
    expect((await officer.get(`/contracts/import/${id}`)).headers.location).toBe(`/contracts/import/${id}/check`);

    // What the service does at start-up on the embedded database (where no other process can be importing).
    expect(await undoUnfinishedImports(db(), { leaseMs: 0 })).toBe(1);
    expect(await counts(t)).toEqual(before);
    expect(await imported(['CUT-1', 'CUT-100'])).toHaveLength(0);
    expect(await undoUnfinishedImports(db(), { leaseMs: 0 })).toBe(0);

    const again = await officer.post(`/contracts/import/${id}/check`);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/contracts/import/${id}`);
    expect(await counts(t)).toEqual({ contracts: before.contracts + total, organisations: before.organisations + 30 });
  });

  it('leaves a running import alone while its lease lasts', async () => {
    const { id } = await uploadAndMap(officer, 'running.csv', register('RUN', 150));
    let paused!: () => void;
    const atPause = new Promise<void>((resolve) => (paused = resolve));
    let resume!: () => void;
    const going = importContracts(
      db(),
      actor(),
      officerId,
      { id, fileName: 'running.csv' },
      { rowsPerBatch: 100, afterBatch: (batch) => (batch === 1 ? (paused(), new Promise<void>((resolve) => (resume = resolve))) : undefined) },
    );
    await atPause;
    expect(await undoUnfinishedImports(db())).toBe(0);
    // A second press of the button meanwhile does not import it twice.
    expect(await importContracts(db(), actor(), officerId, { id, fileName: 'running.csv' })).toEqual({ status: 'in-progress' });
    resume();
    expect((await going).status).toBe('imported');
    expect(await imported(['RUN-1', 'RUN-150'])).toHaveLength(2);
  });
});
