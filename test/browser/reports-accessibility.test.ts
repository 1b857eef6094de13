import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeWaitingReportFiles } from '../../src/features/reports/make-report-files.js';
import {
  describeInBrowser,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJavaScript,
  expectReflowAt320,
  startBrowserTest,
  type BrowserTest,
} from '../helpers/browser.js';
import { setUpDashboardData } from '../integration/dashboard-fixtures.js';
import { setUpReportCaseStudies } from '../integration/report-case-studies-fixtures.js';

describeInBrowser('the social value reports in Chromium (axe, WCAG 2.2 AA, reflow)', () => {
  let b: BrowserTest;

  beforeAll(async () => {
    b = await startBrowserTest();
    await setUpDashboardData(b.testApp.services.database.db);
    await setUpReportCaseStudies(b.testApp.services.database.db);
  });
  afterAll(async () => b?.close());

  it('the list of reports and an annual report with its case studies, with JavaScript (as an evaluator)', async () => {
    const page = await b.pageFor('evaluator@council.example');
    expect((await page.goto('/reports'))?.status()).toBe(200);
    await expectNoAxeViolations(page);
    await expectReflowAt320(page);
    await page.getByRole('link', { name: '2025 to 2026', exact: true }).click();
    await page.waitForURL('**/reports/annual/2025');
    expect(await page.locator('h1').textContent()).toBe('Annual social value report, 2025 to 2026');
    expect(await page.locator('svg.sv-chart').count()).toBe(4);
    await page.getByRole('link', { name: 'Read “Carers at the lunch clubs” on the council’s transparency site' }).waitFor();
    await expectNoAxeViolations(page);
    await expectReflowAt320(page);
  });

  it('a quarterly report and its PDF without JavaScript: the status page reloads itself until the PDF is ready', async () => {
    const page = await b.pageFor('viewer@council.example', { javaScript: false });
    expect((await page.goto('/reports/quarterly/2025-07-01'))?.status()).toBe(200);
    await expectNoAxeViolationsWithoutJavaScript(page);
    await page.getByRole('link', { name: 'Download this report as a PDF' }).click();
    await page.waitForURL('**/reports/files/*');
    expect(await page.locator('h1').textContent()).toBe('Making the PDF');
    await expectNoAxeViolationsWithoutJavaScript(page);
    // the worker makes it; the page, reloading itself without JavaScript, then offers the download
    await makeWaitingReportFiles(b.testApp.services, { info: () => undefined, error: () => undefined });
    await page.getByRole('heading', { name: 'Your PDF is ready' }).waitFor();
    await expectNoAxeViolationsWithoutJavaScript(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download the PDF/ }).click()]);
    expect(download.suggestedFilename()).toBe('social-value-report-2025-07-01.pdf');
  });
});
