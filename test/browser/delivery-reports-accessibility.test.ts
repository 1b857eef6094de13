import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessiblePage, pressButton, startBrowserTest, type BrowserTest } from '../helpers/browser.js';
import { reportingContract } from '../integration/delivery-reports-fixtures.js';

describeInBrowser('supplier delivery report pages in Chromium (axe, WCAG 2.2 AA, reflow)', () => {
  let b: BrowserTest;
  let contract: Awaited<ReturnType<typeof reportingContract>>;

  beforeAll(async () => {
    b = await startBrowserTest();
    contract = await reportingContract(b.testApp.services.database.db);
  });
  afterAll(async () => b?.close());

  it('the supplier home and the contract’s reporting periods, without JavaScript', async () => {
    const page = await b.pageFor('supplier@supplier.example', { javaScript: false });
    expect((await page.goto('/supplier'))?.status()).toBe(200);
    await expectAccessiblePage(page, 'Your contracts', true);
    expect((await page.goto(`/contracts/${contract.id}`))?.status()).toBe(200);
    expect(await page.locator('#reports').count()).toBe(1);
    await expectAccessiblePage(page, `${(await page.locator('h1').textContent())?.trim()}`, true);
  });

  it('a draft report, a commitment form with its errors, evidence refused, additional value and the check page', async () => {
    const page = await b.pageFor('supplier@supplier.example');
    await page.goto(`/contracts/${contract.id}`);
    expect(await pressButton(page, `Start the report for ${contract.lastEnded.label}`)).toBe(303);
    const reportUrl = page.url();
    await expectAccessiblePage(page, `${contract.lastEnded.label} report`);

    await page
      .getByRole('link', { name: /^Enter / })
      .first()
      .click();
    await page.waitForLoadState('load');
    const heading = `${(await page.locator('h1').textContent())?.trim()}`;
    await expectAccessiblePage(page, heading);
    await page.getByLabel('How much was delivered in this period').fill('-2');
    expect(await pressButton(page, 'Save')).toBe(400);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessiblePage(page, heading);
    await page.getByLabel('How much was delivered in this period').fill('2');
    await page.getByLabel('Melton').check();
    expect(await pressButton(page, 'Save')).toBe(303);
    await expectAccessiblePage(page, heading);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('7f454c4602010100000000000000', 'hex') });
    expect(await pressButton(page, 'Upload')).toBe(400);
    await expectAccessiblePage(page, heading);

    await page.goto(`${reportUrl}/additional`);
    await expectAccessiblePage(page, 'Add additional social value');
    expect(await pressButton(page, 'Save')).toBe(400);
    await expectAccessiblePage(page, 'Add additional social value');

    await page.goto(`${reportUrl}/check`);
    await expectAccessiblePage(page, `Check the ${contract.lastEnded.label} report before you submit it`);
    expect(await pressButton(page, 'Submit the report')).toBe(400);
    await expectAccessiblePage(page, `Check the ${contract.lastEnded.label} report before you submit it`);
  });
});
