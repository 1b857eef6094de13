import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessiblePage, expectNoAxeViolations, startBrowserTest, type BrowserTest } from '../helpers/browser.js';
import { databaseData } from '../integration/database-fixtures.js';

describeInBrowser('the transparency site and the database in Chromium (axe, WCAG 2.2 AA, reflow)', () => {
  let b: BrowserTest;
  let data: Awaited<ReturnType<typeof databaseData>>;

  beforeAll(async () => {
    b = await startBrowserTest();
    data = await databaseData(b.testApp.services.database.db, { publishFirst: true });
  });
  afterAll(async () => b?.close());

  async function check(page: Page, url: string, heading: string, status = 200) {
    expect((await page.goto(url))?.status()).toBe(status);
    await expectAccessiblePage(page, heading, true);
  }

  it('every public page, signed out with JavaScript off', async () => {
    const page = await b.pageFor('anonymous', { javaScript: false });
    await check(page, '/transparency', 'Social value of our contracts');
    await expect(page.locator('.govuk-service-navigation').textContent()).resolves.toContain('Open data');
    await expect(page.locator('body').textContent()).resolves.not.toContain('Sign in');
    await check(page, '/transparency/contracts', 'Published contracts');
    await page.getByRole('link', { name: 'Database home care' }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain(`/transparency/contracts/${data.first.id}`);
    await check(page, `/transparency/contracts/${data.first.id}`, 'Database home care');
    await check(page, '/transparency/data', 'Open data');
    await check(page, `/transparency/contracts/${data.second.id}`, 'Page not found', 404);
  });

  it('the database, its filters and their errors, with JavaScript off and on', async () => {
    const page = await b.pageFor('viewer@council.example', { javaScript: false });
    await check(page, '/database', 'Social value database');
    await check(page, '/database/delivery?status=verified', 'Social value database');
    await check(page, '/database/delivery?status=lost&period=soon', 'Social value database', 400);
    expect(await page.title()).toMatch(/^Error: /);
    const withJs = await b.pageFor('viewer@council.example');
    expect((await withJs.goto('/database'))?.status()).toBe(200);
    await withJs.getByLabel('Supplier name contains').fill('midlands');
    await Promise.all([withJs.waitForURL(/supplier=midlands/), withJs.getByRole('button', { name: 'Apply filters' }).click()]);
    await expectNoAxeViolations(withJs);
    await expect(withJs.locator('main table').textContent()).resolves.toContain('Database facilities');
  });
});
