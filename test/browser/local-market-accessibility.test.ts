import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { organisations, users } from '../../src/db/schema/index.js';
import {
  describeInBrowser,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJavaScript,
  expectReflowAt320,
  pressButton,
  startBrowserTest,
  type BrowserTest,
} from '../helpers/browser.js';
import { importFile } from '../integration/spend-fixtures.js';

const SPEND_CSV = [
  'Payment Date,Supplier Name,Net Amount,Service Area,Transaction No.',
  '01/06/2022,Wigston Bridge Builder Limited,1000.00,Highways,1',
  '02/06/2022,Quorn Quilts,250.00,Libraries,2',
  '03/07/2022,Redacted,75.00,Adult Social Care,3',
  '04/07/2022,Charnwood Care Services Ltd,-20.00,Adult Social Care,4',
  '',
].join('\n');

describeInBrowser('the supplier directory and local spend in Chromium (axe, WCAG 2.2 AA)', () => {
  let b: BrowserTest;

  beforeAll(async () => {
    b = await startBrowserTest();
    const db = b.testApp.services.database.db;
    await db.insert(organisations).values({
      name: 'Wigston Bridge Builders Ltd',
      kind: 'supplier',
      size: 'small',
      isLocal: true,
      district: 'Oadby and Wigston',
      categories: ['45'],
      openToPartnering: true,
    });
    const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'officer@council.example'));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sv-browser-spend-')), 'review.csv');
    writeFileSync(file, SPEND_CSV);
    await importFile(db, { id: officer!.id, label: 'officer@council.example' }, file, 'Review Council');
  });
  afterAll(async () => b?.close());

  it('the directory: search, an entry and a supplier’s own profile', async () => {
    const page = await b.pageFor('officer@council.example');
    expect((await page.goto('/directory?flag=local&category=45'))?.status()).toBe(200);
    expect(await page.locator('main table').textContent()).toContain('Wigston Bridge Builders Ltd');
    await expectNoAxeViolations(page);
    await expectReflowAt320(page);
    await page.getByRole('link', { name: 'Wigston Bridge Builders Ltd' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);

    const supplier = await b.pageFor('supplier@supplier.example', { javaScript: false });
    expect((await supplier.goto('/directory/profile'))?.status()).toBe(200);
    await expectNoAxeViolationsWithoutJavaScript(supplier);
    await supplier.getByLabel('Postcode (optional)').fill('LE11');
    expect(await pressButton(supplier, 'Save profile')).toBe(400);
    await expectNoAxeViolationsWithoutJavaScript(supplier);
  });

  it('importing a file without JavaScript: upload, columns, status, then the figures and the review', async () => {
    const page = await b.pageFor('officer@council.example', { javaScript: false });
    expect((await page.goto('/spend/imports/new'))?.status()).toBe(200);
    await expectNoAxeViolationsWithoutJavaScript(page);
    await page.getByLabel('Who published the file?').fill('Browser Borough Council');
    await page.getByLabel('Spend over £500').check();
    await page
      .locator('main input[type="file"]')
      .setInputFiles({ name: 'spend.csv', mimeType: 'text/csv', buffer: Buffer.from(SPEND_CSV.replace('Review', 'Browser')) });
    expect(await pressButton(page, 'Upload and continue')).toBe(303);
    expect(page.url()).toMatch(/\/columns$/);
    await expectNoAxeViolationsWithoutJavaScript(page);
    await page.getByLabel('Amount', { exact: true }).selectOption('');
    expect(await pressButton(page, 'Save and import')).toBe(400);
    await expectNoAxeViolationsWithoutJavaScript(page);
    await page.getByLabel('Amount', { exact: true }).selectOption('Net Amount');
    expect(await pressButton(page, 'Save and import')).toBe(303);
    expect(page.url()).toMatch(/\/spend\/imports\/[0-9a-f-]{36}$/);
    await expectNoAxeViolationsWithoutJavaScript(page);
    await expect.poll(async () => (await page.reload(), await page.locator('main').textContent()), { timeout: 60_000 }).toContain('Imported 4 rows');
    await expectNoAxeViolationsWithoutJavaScript(page);

    expect((await page.goto('/spend'))?.status()).toBe(200);
    await expectNoAxeViolationsWithoutJavaScript(page);
    const withScript = await b.pageFor('officer@council.example');
    expect((await withScript.goto('/spend'))?.status()).toBe(200);
    await expectNoAxeViolations(withScript);
    await expectReflowAt320(withScript);
    expect((await withScript.goto('/spend/review'))?.status()).toBe(200);
    expect(await withScript.locator('main').textContent()).toContain('Wigston Bridge Builder Limited');
    await expectNoAxeViolations(withScript);
    await expectReflowAt320(withScript);
    expect((await withScript.goto('/spend/imports'))?.status()).toBe(200);
    await expectNoAxeViolations(withScript);
    expect((await withScript.goto('/admin/local-areas'))?.status()).toBe(403);
    const admin = await b.pageFor('admin@council.example');
    expect((await admin.goto('/admin/local-areas'))?.status()).toBe(200);
    await expectNoAxeViolations(admin);
  });
});
