import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessiblePage, pressButton, startBrowserTest, type BrowserTest } from '../helpers/browser.js';
import { image } from '../helpers/evidence-files.js';
import { databaseData } from '../integration/database-fixtures.js';

describeInBrowser('case studies in Chromium, with JavaScript off (axe, WCAG 2.2 AA, reflow)', () => {
  let b: BrowserTest;
  let data: Awaited<ReturnType<typeof databaseData>>;

  beforeAll(async () => {
    b = await startBrowserTest();
    data = await databaseData(b.testApp.services.database.db, { publishFirst: true });
  });
  afterAll(async () => b?.close());

  it('a supplier drafts one from its home page, an officer publishes it, and the public reads and finds it', async () => {
    const supplier = await b.pageFor('supplier@supplier.example', { javaScript: false });
    await supplier.goto('/');
    await supplier.locator('main').getByRole('link', { name: 'Case studies' }).click();
    await supplier.waitForLoadState('load');
    await expectAccessiblePage(supplier, 'Case studies', true);
    await supplier.getByRole('button', { name: 'Draft a case study' }).click();
    await supplier.waitForLoadState('load');
    await expectAccessiblePage(supplier, 'Draft a case study', true);

    expect(await pressButton(supplier, 'Save draft')).toBe(400);
    await expectAccessiblePage(supplier, 'Draft a case study', true);
    await expect(supplier.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter a title');

    await supplier.getByLabel('Contract').selectOption(data.first.reference);
    await supplier.getByLabel('Title').fill('Local people into work');
    await supplier.getByLabel('Summary').fill('How a home care contract brought local people into work.');
    await supplier.getByLabel('Story').fill('## Hiring locally\n\nWe hired people from **Loughborough** and trained volunteers.\n\n<script>alert(1)</script>');
    await supplier.getByLabel('A strong economy').check();
    await supplier.getByLabel('Charnwood').check();
    expect(await pressButton(supplier, 'Save draft')).toBe(303);
    await expectAccessiblePage(supplier, 'Local people into work', true);
    const caseStudyUrl = supplier.url().split('?')[0]!;

    await supplier.getByRole('link', { name: 'Choose the statistics' }).click();
    await supplier.waitForLoadState('load');
    await expectAccessiblePage(supplier, 'Choose the statistics', true);
    await supplier.locator('input[name="commitments"]').first().check();
    expect(await pressButton(supplier, 'Save statistics')).toBe(303);

    // an image without alt text is refused, naming the field; then added with it
    await supplier.locator('#image').setInputFiles({ name: 'team.png', mimeType: 'image/png', buffer: await image('png') });
    expect(await pressButton(supplier, 'Add image')).toBe(400);
    await expectAccessiblePage(supplier, 'Local people into work', true);
    await expect(supplier.locator('#altText-error').textContent()).resolves.toContain('Enter alt text');
    await supplier.getByLabel('Alt text').fill('The new team outside the office');
    await supplier.locator('#image').setInputFiles({ name: 'team.png', mimeType: 'image/png', buffer: await image('png') });
    expect(await pressButton(supplier, 'Add image')).toBe(303);
    await supplier.getByLabel('Quote').fill('I had not worked for two years.');
    await supplier.getByLabel('Who said it').fill('A care worker from Shepshed');
    expect(await pressButton(supplier, 'Add quote')).toBe(303);
    await expectAccessiblePage(supplier, 'Local people into work', true);
    expect(await pressButton(supplier, 'Send for review')).toBe(303);

    const officer = await b.pageFor('officer@council.example', { javaScript: false });
    await officer.goto('/case-studies?status=in_review');
    await expectAccessiblePage(officer, 'Case studies', true);
    await officer.goto(caseStudyUrl);
    await expectAccessiblePage(officer, 'Local people into work', true);
    expect(await pressButton(officer, 'Publish case study')).toBe(303);
    await expect(officer.locator('.govuk-notification-banner').textContent()).resolves.toContain('Case study published');

    const anonymous = await b.pageFor('anonymous', { javaScript: false });
    await anonymous.goto('/transparency');
    await anonymous.locator('.govuk-service-navigation').getByRole('link', { name: 'Case studies' }).click();
    await anonymous.waitForLoadState('load');
    await expectAccessiblePage(anonymous, 'Case studies', true);
    await anonymous.getByLabel('Search words').fill('volunteering');
    expect(await pressButton(anonymous, 'Search')).toBe(200);
    await expectAccessiblePage(anonymous, 'Case studies', true);
    await anonymous.getByRole('link', { name: 'Local people into work' }).click();
    await anonymous.waitForLoadState('load');
    await expectAccessiblePage(anonymous, 'Local people into work', true);
    await expect(anonymous.locator('main').textContent()).resolves.toContain('<script>alert(1)</script>'); // shown as text
    await expect(anonymous.locator('main img').getAttribute('alt')).resolves.toBe('The new team outside the office');
    await expect(anonymous.locator('body').textContent()).resolves.not.toContain('Sam Fletcher');
    expect((await anonymous.goto('/transparency/case-studies?outcome=NOPE'))?.status()).toBe(400);
    await expectAccessiblePage(anonymous, 'Case studies', true);
  });
});
