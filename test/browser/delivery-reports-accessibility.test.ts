import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJavaScript,
  expectReflowAt320,
  startBrowserTest,
  type BrowserTest,
} from '../helpers/browser.js';
import { reportingContract } from '../integration/delivery-reports-fixtures.js';

/** Presses a button (the first form's, unless named), and returns the status of the page that comes back. */
async function press(page: Page, button?: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()),
    (button ? page.getByRole('button', { name: button, exact: true }) : page.locator('main form button[type="submit"]').first()).click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

async function check(page: Page, heading: string, withoutJs = false) {
  await expect(
    page
      .locator('h1')
      .first()
      .textContent()
      .then((t) => t?.trim()),
  ).resolves.toBe(heading);
  if (withoutJs) await expectNoAxeViolationsWithoutJavaScript(page);
  else await expectNoAxeViolations(page);
  await expectReflowAt320(page);
}

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
    await check(page, 'Your contracts', true);
    expect((await page.goto(`/contracts/${contract.id}`))?.status()).toBe(200);
    expect(await page.locator('#reports').count()).toBe(1);
    await check(page, `${(await page.locator('h1').textContent())?.trim()}`, true);
  });

  it('a draft report, a commitment form with its errors, evidence refused, additional value and the check page', async () => {
    const page = await b.pageFor('supplier@supplier.example');
    await page.goto(`/contracts/${contract.id}`);
    expect(await press(page, `Start the report for ${contract.lastEnded.label}`)).toBe(303);
    const reportUrl = page.url();
    await check(page, `${contract.lastEnded.label} report`);

    await page
      .getByRole('link', { name: /^Enter / })
      .first()
      .click();
    await page.waitForLoadState('load');
    const heading = `${(await page.locator('h1').textContent())?.trim()}`;
    await check(page, heading);
    await page.getByLabel('How much was delivered in this period').fill('-2');
    expect(await press(page, 'Save')).toBe(400);
    expect(await page.title()).toMatch(/^Error: /);
    await check(page, heading);
    await page.getByLabel('How much was delivered in this period').fill('2');
    await page.getByLabel('Melton').check();
    expect(await press(page, 'Save')).toBe(303);
    await check(page, heading);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('7f454c4602010100000000000000', 'hex') });
    expect(await press(page, 'Upload')).toBe(400);
    await check(page, heading);

    await page.goto(`${reportUrl}/additional`);
    await check(page, 'Add additional social value');
    expect(await press(page, 'Save')).toBe(400);
    await check(page, 'Add additional social value');

    await page.goto(`${reportUrl}/check`);
    await check(page, `Check the ${contract.lastEnded.label} report before you submit it`);
    expect(await press(page, 'Submit the report')).toBe(400);
    await check(page, `Check the ${contract.lastEnded.label} report before you submit it`);
  });
});
