import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessiblePage, pressButton, startBrowserTest, type BrowserTest } from '../helpers/browser.js';
import { userId } from '../integration/contracts-fixtures.js';
import { insertEvidence, insertSubmittedReport, period2025Q1, verificationContract } from '../integration/verification-fixtures.js';

describeInBrowser('verification pages in Chromium (axe, WCAG 2.2 AA, reflow)', () => {
  let b: BrowserTest;
  let reportUrl: string;
  let answerUrl: string;

  beforeAll(async () => {
    b = await startBrowserTest();
    const db = b.testApp.services.database.db;
    const contract = await verificationContract(db);
    const { reportId, lineIds } = await insertSubmittedReport(db, contract.id, period2025Q1, [
      {
        commitmentId: contract.commitmentIds[0]!,
        measureId: contract.measures.valued.id,
        quantityHundredths: 20_000,
        narrative: 'Twelve apprentices\nfrom Loughborough',
        districts: ['Charnwood'],
      },
      { commitmentId: null, measureId: contract.measures.valued2.id, quantityHundredths: 500 },
    ]);
    await insertEvidence(db, lineIds[0]!, await userId(db, 'supplier@supplier.example'));
    reportUrl = `/contracts/${contract.id}/reports/${reportId}`;
    answerUrl = `/supplier/contracts/${contract.id}/reports/${reportId}/lines/${lineIds[0]}`;
  });
  afterAll(async () => b?.close());

  it('the report page with a decision form per line, its errors, and the page after a query', async () => {
    const page = await b.pageFor('manager@council.example');
    expect((await page.goto(reportUrl))?.status()).toBe(200);
    await expectAccessiblePage(page, 'April to June 2025 delivery report');
    expect(await pressButton(page)).toBe(400);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessiblePage(page, 'April to June 2025 delivery report');
    await page.locator('main form').first().getByLabel('Query: ask the supplier a question').check();
    await page.locator('main form').first().getByLabel('Your question or reason').fill('Which payroll shows this?');
    expect(await pressButton(page)).toBe(303);
    await expect(page.locator('.govuk-notification-banner').first().textContent()).resolves.toContain('Question sent to the supplier');
    await expectAccessiblePage(page, 'April to June 2025 delivery report');
  });

  it('the queue', async () => {
    const page = await b.pageFor('manager@council.example', { javaScript: false });
    expect((await page.goto('/verification'))?.status()).toBe(200);
    await expectAccessiblePage(page, 'Delivery reports to verify', true);
  });

  it('the supplier’s answer page, its errors, and the page once answered', async () => {
    const page = await b.pageFor('supplier@supplier.example');
    expect((await page.goto(answerUrl))?.status()).toBe(200);
    const heading = `${(await page.locator('h1').textContent())?.trim()}`;
    await expectAccessiblePage(page, heading);
    await page.getByLabel('Quantity delivered').fill('-1');
    expect(await pressButton(page, 'Send answer')).toBe(400);
    await expectAccessiblePage(page, heading);
    await page.getByLabel('Your answer').fill('It is the March payroll.');
    await page.getByLabel('Quantity delivered').fill('210');
    expect(await pressButton(page, 'Send answer')).toBe(303);
    await expectAccessiblePage(page, heading);
    expect(await page.locator('main').textContent()).toContain('It is the March payroll.');
  });
});
