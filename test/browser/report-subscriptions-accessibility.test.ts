import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverDueReports } from '../../src/features/report-subscriptions/deliver-reports.js';
import { reportSender } from '../../src/features/report-subscriptions/sender.js';
import { describeInBrowser, expectAccessiblePage, pressButton, startBrowserTest, type BrowserTest } from '../helpers/browser.js';
import { contractWithFiguresToDate, linkIn, quiet } from '../integration/report-subscriptions-fixtures.js';

describeInBrowser('report subscriptions and the unsubscribe page in Chromium (axe, WCAG 2.2 AA, reflow)', () => {
  let b: BrowserTest;
  beforeAll(async () => {
    b = await startBrowserTest();
    await contractWithFiguresToDate(b.testApp.services.database.db);
  });
  afterAll(async () => b?.close());

  it('the list, the form with its errors, a subscription with its send log, the overall log and removal', async () => {
    const page = await b.pageFor('officer@council.example');
    expect((await page.goto('/reports/subscriptions'))?.status()).toBe(200);
    await expectAccessiblePage(page, 'Report subscriptions');
    await page.getByRole('button', { name: 'Add a subscription' }).click();
    await expectAccessiblePage(page, 'Add a report subscription');
    expect(await pressButton(page, 'Add subscription')).toBe(400);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessiblePage(page, 'Add a report subscription');
    await page.getByLabel('Name of the list or recipient').fill('Cabinet members');
    await page.getByLabel('Email addresses').fill('cabinet@council.example\nleader@council.example');
    await page.getByLabel('Quarterly report').check();
    await page.getByLabel('A link to the PDF').check();
    expect(await pressButton(page, 'Add subscription')).toBe(303);
    await expectAccessiblePage(page, 'Cabinet members');
    await deliverDueReports(b.testApp.services.database.db, reportSender(b.testApp.services), quiet);
    expect((await page.goto('/reports/subscriptions'))?.status()).toBe(200);
    await expectAccessiblePage(page, 'Report subscriptions');
    expect((await page.goto('/reports/subscriptions/sends'))?.status()).toBe(200);
    await expectAccessiblePage(page, 'Report send log');
    await page.getByRole('link', { name: 'Cabinet members' }).click();
    await expectAccessiblePage(page, 'Cabinet members');
    expect(await pressButton(page, 'Pause')).toBe(303);
    await expectAccessiblePage(page, 'Cabinet members');
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await expectAccessiblePage(page, 'Remove Cabinet members?');
  });

  it('the unsubscribe page, its confirmation, and a refused link, without signing in or JavaScript', async () => {
    const officer = await b.pageFor('officer@council.example', { javaScript: false });
    await officer.goto('/reports/subscriptions/new');
    await officer.getByLabel('Name of the list or recipient').fill('Health partnership');
    await officer.getByLabel('Email addresses').fill('health@partner.example');
    await officer.getByLabel('Annual report').check();
    await officer.getByLabel('PDF attached to the email').check();
    expect(await pressButton(officer, 'Add subscription')).toBe(303);
    await deliverDueReports(b.testApp.services.database.db, reportSender(b.testApp.services), quiet);
    const mail = b.testApp.sent.find((m) => m.to === 'health@partner.example')!;
    const path = linkIn(mail.text, '/reports/unsubscribe/');

    const page = await b.pageFor('anonymous', { javaScript: false });
    expect((await page.goto(path))?.status()).toBe(200);
    await expectAccessiblePage(page, 'Unsubscribe from the social value report', true);
    expect(await pressButton(page, 'Unsubscribe')).toBe(303);
    await expectAccessiblePage(page, 'You are unsubscribed', true);
    expect((await page.goto(`${path}x`))?.status()).toBe(400);
    await expectAccessiblePage(page, 'This link does not work', true);
  });
});
