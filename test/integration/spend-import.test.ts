import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, spendPublishers, spendSuppliers, users } from '../../src/db/schema/index.js';
import { spendBy, spendTotals, noSpendFilter } from '../../src/features/spend/figures.js';
import { readLayout } from '../../src/features/spend/read-file.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import {
  GRANTS_FILE,
  figuresAndRecount,
  fileRecords,
  importFile,
  importStatus,
  isRedacted,
  paymentCount,
  pence,
  plainName,
  realFiles,
  spendFile,
} from './spend-fixtures.js';

interface Flags {
  size: 'micro' | 'small' | 'medium' | 'large';
  isVcse: boolean;
  isLocal: boolean;
}
/** The directory organisations made for each file's three most frequent suppliers, by the test's own plain name. */
const roles: Flags[] = [
  { size: 'small', isVcse: true, isLocal: true },
  { size: 'medium', isVcse: false, isLocal: false },
  { size: 'large', isVcse: false, isLocal: true },
];

describe.each(databaseKinds)('importing spend and grants on %s', (kind) => {
  let t: TestApp;
  const db = () => t.services.database.db;
  let actor: { id: string; label: string };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sv-spend-'));
  const directory = new Map<string, Flags>();

  const publisherId = async (name: string) => (await db().select().from(spendPublishers).where(eq(spendPublishers.name, name)))[0]!.id;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const [officer] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'officer@council.example'));
    actor = { id: officer!.id, label: 'officer@council.example' };
    for (const f of realFiles) {
      const counts = new Map<string, { name: string; n: number }>();
      for (const r of fileRecords(spendFile(f.file))) {
        const name = r[f.supplier]!.trim();
        if (isRedacted(name) || !plainName(name)) continue;
        const entry = counts.get(plainName(name)) ?? { name, n: 0 };
        entry.n++;
        counts.set(plainName(name), entry);
      }
      const top = [...counts.values()]
        .filter((c) => !directory.has(plainName(c.name)))
        .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
        .slice(0, 3);
      for (const [i, c] of top.entries()) {
        directory.set(plainName(c.name), roles[i]!);
        await db()
          .insert(organisations)
          .values({ name: c.name, kind: 'supplier', ...roles[i]!, district: roles[i]!.isLocal ? 'Charnwood' : null });
      }
    }
  });
  afterAll(async () => t?.close());

  /** The figures a person would work out from the file: totals, and the shares through the directory made above. */
  function expected(f: (typeof realFiles)[number]) {
    const sums = { pence: 0, payments: 0, localPence: 0, smePence: 0, vcsePence: 0, redactedPence: 0, byMonth: new Map<string, number>() };
    for (const r of fileRecords(spendFile(f.file))) {
      const amount = pence(r[f.amount]!);
      const name = r[f.supplier]!;
      sums.pence += amount;
      sums.payments++;
      const date = r[f.date]!;
      const month = /^\d{4}/.test(date) ? `${date.slice(0, 7)}-01` : `${date.slice(6, 10)}-${date.slice(3, 5)}-01`;
      sums.byMonth.set(month, (sums.byMonth.get(month) ?? 0) + amount);
      if (isRedacted(name)) {
        sums.redactedPence += amount;
        continue;
      }
      const flags = directory.get(plainName(name));
      if (flags?.isLocal) sums.localPence += amount;
      if (flags && flags.size !== 'large') sums.smePence += amount;
      if (flags?.isVcse) sums.vcsePence += amount;
    }
    return sums;
  }

  it.each(realFiles)('imports $file, and its local, SME and VCSE shares are worked out', async (f) => {
    const { id, result } = await importFile(db(), actor, spendFile(f.file), f.publisher);
    const want = expected(f);
    expect(result).toMatchObject({ status: 'imported', rowsImported: want.payments, totalPence: want.pence });
    const filter = { ...noSpendFilter, publisherId: await publisherId(f.publisher) };
    const totals = await spendTotals(db(), filter);
    expect(totals).toMatchObject({
      pence: want.pence,
      payments: want.payments,
      localPence: want.localPence,
      smePence: want.smePence,
      vcsePence: want.vcsePence,
      redactedPence: want.redactedPence,
    });
    expect(want.localPence).toBeGreaterThan(0);
    const months = await spendBy(db(), filter, 'month');
    expect(Object.fromEntries(months.map((m) => [m.key, m.pence]))).toEqual(Object.fromEntries(want.byMonth));
    // Redacted rows are never matched: they sit with the publisher's one redacted supplier.
    const redacted = await db().select().from(spendSuppliers).where(eq(spendSuppliers.status, 'redacted'));
    expect(redacted.every((s) => s.organisationId === null)).toBe(true);
    expect((await importStatus(db(), id)).status).toBe('imported');
  });

  it('imports the 360Giving grants, matching recipients by their GB-CHC and GB-COH identifiers first', async () => {
    const records = fileRecords(GRANTS_FILE);
    const byCharity = records.find((r) => r['Recipient Org:Identifier']!.startsWith('GB-CHC-'))!;
    const byCompany = records.find((r) => r['Recipient Org:Identifier']!.startsWith('GB-COH-'))!;
    const charityNumber = byCharity['Recipient Org:Identifier']!.slice(7);
    const companyNumber = byCompany['Recipient Org:Identifier']!.slice(7).padStart(8, '0');
    // Names that are nothing like the file's: only the identifiers can match them.
    await db()
      .insert(organisations)
      .values([
        { name: 'Registered Charity Known By Number', kind: 'community', charityNumber, isVcse: true, isLocal: true, size: 'micro', district: 'Melton' },
        { name: 'Registered Company Known By Number', kind: 'supplier', companiesHouseNumber: companyNumber, size: 'large' },
      ]);
    const { result } = await importFile(db(), actor, GRANTS_FILE, 'Trafford Council', 'grants');
    const total = records.reduce((sum, r) => sum + pence(r['Amount Awarded']!), 0);
    const charityPence = records
      .filter((r) => r['Recipient Org:Identifier'] === `GB-CHC-${charityNumber}`)
      .reduce((sum, r) => sum + pence(r['Amount Awarded']!), 0);
    const companyPence = records
      .filter((r) => r['Recipient Org:Identifier']!.startsWith('GB-COH-') && r['Recipient Org:Identifier']!.slice(7).padStart(8, '0') === companyNumber)
      .reduce((sum, r) => sum + pence(r['Amount Awarded']!), 0);
    expect(result).toMatchObject({ status: 'imported', rowsImported: records.length, totalPence: total });
    const totals = await spendTotals(db(), { ...noSpendFilter, kind: 'grants' });
    expect(totals).toMatchObject({ pence: total, payments: records.length, vcsePence: charityPence, localPence: charityPence, smePence: charityPence });
    expect(totals.matchedPence).toBeGreaterThanOrEqual(charityPence + companyPence);
    const [matched] = await db().select().from(spendSuppliers).where(eq(spendSuppliers.charityNumber, charityNumber));
    expect(matched).toMatchObject({ status: 'matched', matchedBy: 'charity number' });
  });

  it('does not double the spend when a file is imported again, or rows come again in another file', async () => {
    const before = await spendTotals(db(), noSpendFilter);
    const again = await importFile(db(), actor, spendFile('salford-spend-2022-06.csv'), 'salford city council');
    expect(again.result.status).toBe('already-imported');
    expect(await spendTotals(db(), noSpendFilter)).toEqual(before);

    // The first 100 rows of Harrogate's file, and two rows it did not have.
    const lines = readFileSync(spendFile('harrogate-spend-2022-08.csv'), 'utf8').split('\n');
    const extra = [
      'Harrogate Borough Council,Transport,R,Community,Arboriculture,Fuel/Oil,2022-09-01,NEW SUPPLIER LTD,9999001,100.00,',
      'Harrogate Borough Council,Transport,R,Community,Arboriculture,Fuel/Oil,2022-09-02,NEW SUPPLIER LTD,9999002,-25.50,',
    ];
    const overlapping = path.join(tmp, 'harrogate-september.csv');
    writeFileSync(overlapping, [...lines.slice(0, 101), ...extra, ''].join('\n'));
    const { result } = await importFile(db(), actor, overlapping, 'Harrogate Borough Council');
    expect(result).toMatchObject({ status: 'imported', rowsImported: 2, rowsDuplicate: 100, totalPence: 7450 });
    expect((await spendTotals(db(), noSpendFilter)).pence).toBe(before.pence + 7450);
  });

  it('reads byte-order marks (also mis-decoded as ï»¿), misspelt and unnamed headers, and remembers the columns for the publisher', async () => {
    const original = readFileSync(spendFile('salford-spend-2022-06.csv'), 'utf8');
    const renamed = original.replace(
      'Authority Name,Date of Payment,DocumentNo,Gross,VAT,Net,Vendor Name',
      ',Date of Paymnet,DocumentNo,Gross,VAT,Net,Vendor Nmae',
    );
    const want = expected(realFiles[0]);
    for (const [i, prefix] of [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ï»¿', 'utf8')].entries()) {
      const file = path.join(tmp, `salford-bom-${i}.csv`);
      writeFileSync(file, Buffer.concat([prefix, Buffer.from(renamed)]));
      const layout = await readLayout(() => Readable.from([readFileSync(file)]));
      expect(layout.ok && layout.layout.columns.slice(0, 2)).toEqual(['Column A', 'Date of Paymnet']);
      const { id, result } = await importFile(db(), actor, file, `Salford copy ${i}`);
      expect(result).toMatchObject({ status: 'imported', rowsImported: want.payments, totalPence: want.pence });
      expect((await importStatus(db(), id)).mapping).toMatchObject({ paidOn: 'Date of Paymnet', supplierName: 'Vendor Nmae', amount: 'Net' });
    }
  });

  it('refuses a file that is not a CSV or a workbook, or has no amounts, and imports nothing from a file with a bad row', async () => {
    const brokenWorkbook = await readLayout(() => Readable.from([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])]));
    expect(brokenWorkbook).toEqual({ ok: false, message: expect.stringContaining('not an Excel workbook that can be read') });
    const oldExcel = await readLayout(() => Readable.from([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])]));
    expect(oldExcel).toEqual({ ok: false, message: expect.stringContaining('Excel 97-2003 workbook (.xls)') });
    const pdf = await readLayout(() => Readable.from([Buffer.from('%PDF-1.7\n\u0000\u0001binary')]));
    expect(pdf).toEqual({ ok: false, message: expect.stringContaining('must be a CSV file (values separated by commas) or an Excel workbook (.xlsx)') });
    const noAmounts = await readLayout(() => Readable.from([Buffer.from('Supplier,Service\nAcme Ltd,Parks\nBeta Ltd,Roads\n')]));
    expect(noAmounts).toEqual({ ok: false, message: 'The selected file has no column of amounts. Each row must give the amount paid, like 1234.56' });
    const binary = await readLayout(() => Readable.from([Buffer.from('a,b\n1,\u0000\n')]));
    expect(binary.ok).toBe(false);

    const before = await spendTotals(db(), noSpendFilter);
    const paymentsBefore = await paymentCount(db());
    const lines = readFileSync(spendFile('salford-spend-2022-06.csv'), 'utf8').split('\n');
    lines[1500] = lines[1500]!.replace(/2022-06-\d\d/, '31/02/2022');
    const bad = path.join(tmp, 'salford-bad-date.csv');
    writeFileSync(bad, lines.join('\n'));
    const { id, result } = await importFile(db(), actor, bad, 'Salford bad copy', 'spend', { rowsPerBatch: 200 });
    expect(result).toEqual({ status: 'failed', problem: expect.stringMatching(/^Row 1501, Payment date: enter the date as a real date/) });
    expect(await importStatus(db(), id)).toMatchObject({ status: 'failed' });
    expect(await spendTotals(db(), noSpendFilter)).toEqual(before);
    const paymentsAfter = await paymentCount(db());
    expect(paymentsAfter).toBe(paymentsBefore);
    expect(await db().select().from(spendSuppliers).where(eq(spendSuppliers.firstImportId, id))).toEqual([]);
  });

  it('puts a similar name to review, remembers the decision for the publisher’s next file, and adds a supplier to the directory', async () => {
    await db()
      .insert(organisations)
      .values({ name: 'Wigston Bridge Builders Ltd', kind: 'supplier', size: 'small', isLocal: true, district: 'Oadby and Wigston' });
    const file = (name: string, rows: string[]) => {
      const p = path.join(tmp, name);
      writeFileSync(p, ['Payment Date,Supplier Name,Amount,Service Area', ...rows, ''].join('\n'));
      return p;
    };
    await importFile(
      db(),
      actor,
      file('review-1.csv', ['2024-04-02,Wigston Bridge Builder Limited,1000.00,Highways', '2024-04-03,Quorn Quilts,250.00,Libraries']),
      'Review Council',
    );
    const [suggested] = await db().select().from(spendSuppliers).where(eq(spendSuppliers.name, 'Wigston Bridge Builder Limited'));
    expect(suggested).toMatchObject({ status: 'review' });
    const filter = { ...noSpendFilter, publisherId: await publisherId('Review Council') };
    expect(await spendTotals(db(), filter)).toMatchObject({ pence: 125000, localPence: 0, reviewPence: 100000 });

    const officer = await signedInClient(t.app, 'officer@council.example');
    const page = await officer.get('/spend/review?status=review');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wigston Bridge Builder Limited');
    expect((await officer.post(`/spend/suppliers/${suggested!.id}`, { decision: 'confirm', status: 'review' })).statusCode).toBe(303);
    expect(await spendTotals(db(), filter)).toMatchObject({ localPence: 100000, smePence: 100000, reviewPence: 0 });

    const [quilts] = await db().select().from(spendSuppliers).where(eq(spendSuppliers.name, 'Quorn Quilts'));
    expect(quilts!.status).toBe('unmatched');
    expect((await officer.post(`/spend/suppliers/${quilts!.id}`, { decision: 'add', status: 'unmatched' })).statusCode).toBe(303);
    const [added] = await db().select().from(organisations).where(eq(organisations.name, 'Quorn Quilts'));
    expect(added).toMatchObject({ kind: 'supplier' });

    // The next file names the supplier the same way: the decision holds, and its payment counts as local at once.
    await importFile(db(), actor, file('review-2.csv', ['2024-05-02,Wigston Bridge Builder Limited,500.00,Highways']), 'Review Council');
    expect(await spendTotals(db(), filter)).toMatchObject({ pence: 175000, localPence: 150000 });
    const [kept] = await db().select().from(spendSuppliers).where(eq(spendSuppliers.id, suggested!.id));
    expect(kept).toMatchObject({ status: 'matched', matchedBy: 'decision', organisationId: suggested!.candidateId });

    // A change to the organisation moves its spend with it.
    await db().update(organisations).set({ isLocal: false }).where(eq(organisations.name, 'Wigston Bridge Builders Ltd'));
    expect(await spendTotals(db(), filter)).toMatchObject({ localPence: 0, smePence: 150000 });
  });

  it('keeps figures that agree with a recount from the imported payments', async () => {
    const { kept, recounted } = await figuresAndRecount(db());
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recounted);
    expect(await paymentCount(db())).toBeGreaterThan(20_000);
  });
});
