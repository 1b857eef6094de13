import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliveryReports } from '../../src/db/schema/index.js';
import { formatPounds } from '../../src/domain/money.js';
import { socialValuePence } from '../../src/domain/social-value.js';
import { totalFigures } from '../../src/features/summaries/read.js';
import { describeInBrowser, expectAccessiblePage, pressButton, startBrowserTest, type BrowserTest } from '../helpers/browser.js';
import { headlines } from '../helpers/html.js';
import { PENDING_COMMUNITY_EMAIL } from '../../src/seed/demo-needs.js';
import { pledgeContract } from '../integration/community-needs-fixtures.js';

/**
 * The needs board end to end, with JavaScript off and axe on every page: a community group posts a need, a supplier
 * pledges against a commitment, the group confirms it was met, the pledge appears in the supplier's next report, the
 * contract manager verifies it, and the dashboard's verified figure rises by it once.
 */
describeInBrowser('the community needs board in Chromium, with JavaScript off (axe, WCAG 2.2 AA, reflow)', () => {
  let b: BrowserTest;
  let contract: Awaited<ReturnType<typeof pledgeContract>>;
  const db = () => b.testApp.services.database.db;

  beforeAll(async () => {
    b = await startBrowserTest();
    contract = await pledgeContract(db());
  });
  afterAll(async () => b?.close());

  const checkPage = (page: Page, heading: string) => expectAccessiblePage(page, heading, true);

  async function follow(page: Page, name: string, heading: string) {
    await page.locator('main').getByRole('link', { name, exact: true }).first().click();
    await page.waitForLoadState('load');
    await checkPage(page, heading);
  }

  it('the public register a group, and read the board, without signing in', async () => {
    const visitor = await b.pageFor('anonymous', { javaScript: false });
    await visitor.goto('/transparency/needs');
    await checkPage(visitor, 'Community needs board');
    await follow(visitor, 'Register to post your needs', 'Register your community organisation');
    expect(await pressButton(visitor, 'Register')).toBe(400);
    await checkPage(visitor, 'Register your community organisation');
    await expect(visitor.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter the name of your organisation');
  });

  it('the pages that refuse: a bad filter, a decision with no choice, and a group not yet approved', async () => {
    const supplier = await b.pageFor('supplier@supplier.example', { javaScript: false });
    expect((await supplier.goto('/needs?district=Atlantis&type=rockets'))?.status()).toBe(400);
    await checkPage(supplier, 'Community needs board');
    await expect(supplier.locator('.govuk-error-summary').textContent()).resolves.toContain('Select a district from the list');

    const officer = await b.pageFor('officer@council.example', { javaScript: false });
    await officer.goto('/needs/registrations');
    await follow(officer, 'Hinckley Juniors Football Club', 'Hinckley Juniors Football Club');
    expect(await pressButton(officer, 'Save the decision')).toBe(400);
    await checkPage(officer, 'Hinckley Juniors Football Club');
    await expect(officer.locator('.govuk-error-summary').textContent()).resolves.toContain('Select whether to approve or decline the registration');

    const club = await b.pageFor(PENDING_COMMUNITY_EMAIL, { javaScript: false });
    await club.goto('/');
    await checkPage(club, 'What is waiting for you');
    await follow(club, 'Your needs', 'Your needs');
    expect((await club.goto('/community/needs/new'))?.status()).toBe(403);
    await checkPage(club, 'Your organisation cannot post needs yet');
  });

  it('a group posts a need, a supplier pledges, the group confirms, and the verified pledge counts once on the dashboard', async () => {
    // the community group posts a need
    const group = await b.pageFor('community@community.example', { javaScript: false });
    await group.goto('/');
    await checkPage(group, 'What is waiting for you');
    await follow(group, 'Your needs', 'Your needs');
    await group.getByRole('button', { name: 'Post a need' }).click();
    await group.waitForLoadState('load');
    await checkPage(group, 'Post a need');
    expect(await pressButton(group, 'Post the need')).toBe(400);
    await checkPage(group, 'Post a need');
    await expect(group.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter a short title for what you need');
    await group.getByLabel('Title').fill('Help to paint the community café');
    await group.getByLabel('Volunteers').check();
    await group.getByLabel('Describe what you need').fill('Six volunteers for a Saturday to paint the café walls.');
    await group.getByLabel('District where it is needed').selectOption('Melton');
    await group.getByLabel('Postcode (optional)').fill('LE13 1AB');
    await group.getByLabel('Great communities').check();
    await group.getByLabel('Day').fill('1');
    await group.getByLabel('Month').fill('6');
    await group.getByLabel('Year').fill('2030');
    await group.getByLabel('How will it be used?').fill('A bright café for the weekly lunch club.');
    expect(await pressButton(group, 'Post the need')).toBe(303);
    await checkPage(group, 'Help to paint the community café');

    // a supplier finds it and pledges against a commitment of its contract
    const supplier = await b.pageFor('supplier@supplier.example', { javaScript: false });
    await supplier.goto('/');
    await follow(supplier, 'Needs board', 'Community needs board');
    await supplier.getByLabel('Search words').fill('paint café');
    expect(await pressButton(supplier, 'Search')).toBe(200);
    await checkPage(supplier, 'Community needs board');
    await follow(supplier, 'Help to paint the community café', 'Help to paint the community café');
    await supplier.getByRole('button', { name: 'Pledge to meet this need' }).click();
    await supplier.waitForLoadState('load');
    await checkPage(supplier, 'Pledge to meet this need');
    expect(await pressButton(supplier, 'Make the pledge')).toBe(400);
    await checkPage(supplier, 'Pledge to meet this need');
    await supplier.getByLabel('Counts towards').selectOption(`commitment:${contract.commitmentId}`);
    await supplier.getByLabel('How much you pledge').fill('24');
    await supplier.getByLabel('What you will provide').fill('Six staff for a day, with paint and brushes.');
    expect(await pressButton(supplier, 'Make the pledge')).toBe(303);
    await checkPage(supplier, 'Help to paint the community café');
    await supplier.goto('/needs/pledges');
    await checkPage(supplier, 'Your pledges');

    // the group confirms it was met, in August 2025
    await group.goto('/');
    await expect(group.locator('main').textContent()).resolves.toMatch(/1\s+pledge to confirm/);
    await group.goto('/community');
    await group
      .getByRole('link', { name: /Confirm it was met/ })
      .first()
      .click();
    await group.waitForLoadState('load');
    await checkPage(group, 'Confirm the pledge was met');
    await group.getByLabel('What was delivered').fill('The café was painted by six of their staff.');
    await group.getByLabel('Day').fill('15');
    await group.getByLabel('Month').fill('8');
    await group.getByLabel('Year').fill('2025');
    expect(await pressButton(group, 'Confirm it was met')).toBe(303);
    await checkPage(group, 'Help to paint the community café');

    // it appears in the supplier's next report: July to September 2025
    await supplier.goto(`/contracts/${contract.id}`);
    expect(await pressButton(supplier, 'Start the report for July to September 2025')).toBe(303);
    await checkPage(supplier, 'July to September 2025 report');
    await expect(supplier.locator('main').textContent()).resolves.toContain('Pledges met on the community needs board');
    await follow(
      supplier,
      `Enter ${contract.measures.valued.code} ${contract.measures.valued.title}`,
      `${contract.measures.valued.code} ${contract.measures.valued.title}`,
    );
    await supplier.locator('#quantity').fill('0');
    await supplier.locator('#narrative').fill('Nothing else this quarter');
    expect(await pressButton(supplier, 'Save')).toBe(303);
    await supplier.goto(supplier.url().split('/commitments/')[0]! + '/check');
    await checkPage(supplier, 'Check the July to September 2025 report before you submit it');
    expect(await pressButton(supplier, 'Submit the report')).toBe(303);

    // the contract manager verifies it; the dashboard's verified figure rises by the pledge's value, once
    const before = await totalFigures(db());
    const manager = await b.pageFor('manager@council.example', { javaScript: false });
    await manager.goto('/verification');
    await checkPage(manager, 'Delivery reports to verify');
    const [report] = await db()
      .select({ id: deliveryReports.id })
      .from(deliveryReports)
      .where(and(eq(deliveryReports.contractId, contract.id), eq(deliveryReports.periodStart, '2025-07-01')));
    await manager.goto(`/contracts/${contract.id}/reports/${report!.id}`);
    await checkPage(manager, 'July to September 2025 delivery report');
    const pledgeSection = manager.locator('section', { hasText: 'a pledge on the community needs board, confirmed met by Melton Community Larder' });
    await pledgeSection.getByLabel('Verify: it counts as delivered').check();
    const [response] = await Promise.all([
      manager.waitForResponse((r) => r.request().isNavigationRequest()),
      pledgeSection.getByRole('button', { name: /Save decision/ }).click(),
    ]);
    expect(response.status()).toBe(303);
    await manager.waitForLoadState('load');
    await checkPage(manager, 'July to September 2025 delivery report');

    const pledged = socialValuePence(2_400, {
      proxyPencePerUnit: contract.measures.valued.proxy,
      deadweightBps: contract.measures.valued.deadweight,
      attributionBps: contract.measures.valued.attribution,
    })!;
    const after = await totalFigures(db());
    expect(after.verifiedPence - before.verifiedPence).toBe(pledged);
    expect(after.verifiedLines - before.verifiedLines).toBe(1);
    await manager.goto('/dashboard');
    await checkPage(manager, 'Social value dashboard');
    expect(headlines(await manager.content())['Social value verified delivered']).toBe(formatPounds(after.verifiedPence));

    // the public board lists the met pledge (in a fresh browser: the board's page may be kept for five minutes), and
    // officers see the gaps page
    const visitor = await b.newPage({ javaScriptEnabled: false });
    await visitor.goto('/transparency/needs');
    await expect(visitor.locator('main').textContent()).resolves.toContain('The café was painted by six of their staff.');
    const officer = await b.pageFor('officer@council.example', { javaScript: false });
    await officer.goto('/needs/registrations');
    await checkPage(officer, 'Community organisations');
    await follow(officer, 'Hinckley Juniors Football Club', 'Hinckley Juniors Football Club');
    await officer.goto('/needs/gaps');
    await checkPage(officer, 'Needs without pledges');
    await follow(officer, 'Pledges met too late for a delivery report', 'Pledges met too late for a delivery report');
  }, 400_000);
});
