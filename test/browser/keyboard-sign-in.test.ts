import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../helpers/app.js';
import { describeInBrowser, startBrowserTest, type BrowserTest } from '../helpers/browser.js';

/** What has the keyboard focus: '#id' for an element with an id, otherwise its tag and text, like 'button: Sign in'. */
async function focused(page: Page): Promise<string> {
  const element = page.locator(':focus');
  if ((await element.count()) === 0) return 'nothing';
  const id = await element.getAttribute('id');
  if (id) return `#${id}`;
  const tag = await element.evaluate((e) => e.tagName.toLowerCase());
  return `${tag}: ${(await element.innerText()).trim()}`;
}

/** Presses a key and says where the focus went. */
async function press(page: Page, key: string): Promise<string> {
  await page.keyboard.press(key);
  return focused(page);
}

/** Presses a key that loads a new page, and waits for it to load. */
async function pressAndLoad(page: Page, key: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)]);
}

describeInBrowser('signing in with the keyboard alone in Chromium', () => {
  let b: BrowserTest;
  beforeAll(async () => {
    b = await startBrowserTest();
  });
  afterAll(async () => b?.close());

  it('starts at the skip link, which moves focus to the main content, then reaches email, password and the button', async () => {
    const page = await b.newPage();
    await page.goto('/sign-in');

    expect(await press(page, 'Tab')).toBe('a: Skip to main content');
    expect(await press(page, 'Enter')).toBe('#main-content');

    expect(await press(page, 'Tab')).toBe('#email');
    await page.keyboard.type('admin@council.example');
    expect(await press(page, 'Tab')).toBe('#password');
    await page.keyboard.type(DEMO_PASSWORD);
    expect(await press(page, 'Tab')).toBe('button: Show');
    expect(await press(page, 'Tab')).toBe('button: Sign in');

    await pressAndLoad(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('h1').textContent()).resolves.toBe('What is waiting for you');
    await expect(page.locator('.app-signed-in').textContent()).resolves.toContain('Signed in as');
  });

  it('focuses the error summary after a failed sign-in, and its links move focus to the fields', async () => {
    const page = await b.newPage();
    await page.goto('/sign-in');
    await press(page, 'Tab');
    await press(page, 'Enter');
    expect(await press(page, 'Tab')).toBe('#email');
    await pressAndLoad(page, 'Enter');

    expect(await page.title()).toMatch(/^Error: Sign in/);
    expect(await page.locator('.govuk-error-summary:focus').count()).toBe(1);
    expect(await press(page, 'Tab')).toBe('a: Enter your email address');
    expect(await press(page, 'Enter')).toBe('#email');
    expect(await press(page, 'Shift+Tab')).toBe('a: Enter your password');
    expect(await press(page, 'Enter')).toBe('#password');

    // A wrong password: the summary takes the focus again, and the email typed is kept.
    await page.keyboard.type('not-the-password');
    await press(page, 'Shift+Tab');
    await page.keyboard.type('viewer@council.example');
    await pressAndLoad(page, 'Enter');
    expect(await page.locator('.govuk-error-summary:focus').count()).toBe(1);
    expect(await press(page, 'Tab')).toBe('a: Enter a correct email address and password');
    expect(await press(page, 'Enter')).toBe('#email');
    expect(await page.inputValue('#email')).toBe('viewer@council.example');
  });
});
