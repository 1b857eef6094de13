import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectAccessiblePage, pressButton, startBrowserTest, type BrowserTest } from '../helpers/browser.js';

const contractsFinder = fileURLToPath(new URL('../fixtures/ocds/contracts-finder-release-package.json', import.meta.url));
const notAPackage = fileURLToPath(new URL('../fixtures/ocds/LICENSE-standard', import.meta.url));

describeInBrowser('open data pages in a browser', () => {
  let b: BrowserTest;
  beforeAll(async () => {
    b = await startBrowserTest();
  });
  afterAll(async () => b?.close());

  it('API tokens: the list and form, its errors, the token shown once, and revocation, without JavaScript', async () => {
    const page = await b.pageFor('admin@council.example', { javaScript: false });
    expect((await page.goto('/admin/api-tokens'))?.status()).toBe(200);
    await expectAccessiblePage(page, 'API tokens', true);
    expect(await pressButton(page, 'Create token')).toBe(400);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessiblePage(page, 'API tokens', true);
    await page.getByLabel('Name').fill('Open data portal');
    await page.getByLabel('Public data only').check();
    expect(await pressButton(page, 'Create token')).toBe(201);
    await expect(page.getByLabel('Token').inputValue()).resolves.toMatch(/^sv_/);
    await expectAccessiblePage(page, 'API token created', true);
    expect((await page.goto('/admin/api-tokens'))?.status()).toBe(200);
    expect(await pressButton(page, 'Revoke Open data portal')).toBe(303);
    await expectAccessiblePage(page, 'API tokens', true);
  });

  it('OCDS import: the upload form, a refused file, the review of the Contracts Finder package and the result', async () => {
    const page = await b.pageFor('officer@council.example');
    expect((await page.goto('/contracts/import-ocds'))?.status()).toBe(200);
    await expectAccessiblePage(page, 'Import contracts from an OCDS release package', false);
    await page.getByLabel('Upload a release package').setInputFiles(notAPackage);
    expect(await pressButton(page, 'Upload and check')).toBe(400);
    await expectAccessiblePage(page, 'Import contracts from an OCDS release package', false);
    await page.getByLabel('Upload a release package').setInputFiles(contractsFinder);
    expect(await pressButton(page, 'Upload and check')).toBe(303);
    await expectAccessiblePage(page, 'Check the contracts before importing', false);
    expect(await pressButton(page, 'Import 55 contracts')).toBe(303);
    await expectAccessiblePage(page, 'Contracts imported', false);
  });
});
