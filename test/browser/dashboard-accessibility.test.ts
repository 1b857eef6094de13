import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJavaScript,
  expectReflowAt320,
  startBrowserTest,
  type BrowserTest,
} from '../helpers/browser.js';
import { setUpDashboardData } from '../integration/dashboard-fixtures.js';

describeInBrowser('the dashboard in Chromium (axe, WCAG 2.2 AA, reflow)', () => {
  let b: BrowserTest;

  beforeAll(async () => {
    b = await startBrowserTest();
    await setUpDashboardData(b.testApp.services.database.db);
  });
  afterAll(async () => b?.close());

  it('with every chart and table, with JavaScript', async () => {
    const page = await b.pageFor('officer@council.example');
    expect((await page.goto('/dashboard'))?.status()).toBe(200);
    expect(await page.locator('svg.sv-chart').count()).toBe(4);
    await expectNoAxeViolations(page);
    await expectReflowAt320(page);
  });

  it('filtered without JavaScript, and with a filter it cannot use', async () => {
    const page = await b.pageFor('viewer@council.example', { javaScript: false });
    expect((await page.goto('/dashboard'))?.status()).toBe(200);
    await page.getByLabel('District', { exact: true }).selectOption('Melton');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain('district=Melton');
    expect(await page.locator('main').textContent()).toContain('£3,862');
    await expectNoAxeViolationsWithoutJavaScript(page);
    expect((await page.goto('/dashboard?district=Atlantis'))?.status()).toBe(400);
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoAxeViolationsWithoutJavaScript(page);
  });
});
