import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJavaScript, type BrowserTest } from './browser.js';

/**
 * Walking a journey through the service in Chromium, page by page, for the browser tests: every page the journey
 * lands on is checked with axe (WCAG 2.2 AA) and for ids used twice, and any page that failed on the server is noted.
 * Problems are kept rather than thrown, so the journey goes on and the file's last test reports them all at once.
 */
export interface Journey {
  /** every page checked, as path and query */
  checkedPages: string[];
  /** what axe found wrong, one message per page */
  axeProblems: string[];
  /** ids used more than once on a page, which tie a label to the wrong field (axe no longer looks for them) */
  duplicateIds: string[];
  /** navigations answered with a 5xx status: none should be */
  serverErrors: string[];
  /** Runs the checks on the page the browser is showing. */
  checked(page: Page): Promise<Page>;
  /** Opens a path as a visitor (JavaScript on unless said otherwise), expects 200 and checks the page. */
  visit(as: string, path: string, options?: { javaScript?: boolean }): Promise<Page>;
  /** Does something that loads a new page (a form posted, a link followed), waits for it, and checks it. */
  leadsTo(page: Page, action: () => Promise<void>): Promise<Page>;
  /** Presses the button with exactly this accessible name. */
  press(page: Page, button: string, within?: Locator | Page): Promise<Page>;
  /** Follows the first link in the main content whose text (visually hidden words included) matches. */
  follow(page: Page, text: string | RegExp): Promise<Page>;
}

export function startJourney(browserTest: () => BrowserTest): Journey {
  const checkedPages: string[] = [];
  const axeProblems: string[] = [];
  const duplicateIds: string[] = [];
  const serverErrors: string[] = [];
  const watched = new WeakSet<Page>();
  const withoutJavaScript = new WeakSet<Page>();

  async function checked(page: Page): Promise<Page> {
    const { pathname, search } = new URL(page.url());
    checkedPages.push(pathname + search);
    const axe = withoutJavaScript.has(page) ? expectNoAxeViolationsWithoutJavaScript(page) : expectNoAxeViolations(page);
    await axe.catch((error: unknown) => axeProblems.push((error as Error).message));
    const duplicates = await page.locator('[id]').evaluateAll((elements) => {
      const counts = new Map<string, number>();
      for (const element of elements) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
      return [...counts].filter(([, count]) => count > 1).map(([id]) => id);
    });
    if (duplicates.length > 0) duplicateIds.push(`${pathname}: ${duplicates.join(', ')}`);
    return page;
  }

  async function visit(as: string, path: string, { javaScript = true } = {}): Promise<Page> {
    const page = await browserTest().pageFor(as, { javaScript });
    if (!watched.has(page)) {
      watched.add(page);
      if (!javaScript) withoutJavaScript.add(page);
      page.on('response', (r) => {
        if (r.request().isNavigationRequest() && r.status() >= 500) serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
    }
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    return checked(page);
  }

  async function leadsTo(page: Page, action: () => Promise<void>): Promise<Page> {
    await Promise.all([page.waitForEvent('load'), action()]);
    return checked(page);
  }

  return {
    checkedPages,
    axeProblems,
    duplicateIds,
    serverErrors,
    checked,
    visit,
    leadsTo,
    press: (page, button, within = page) => leadsTo(page, () => within.getByRole('button', { name: button, exact: true }).click()),
    follow: (page, text) => leadsTo(page, () => page.locator('main a').filter({ hasText: text }).first().click()),
  };
}

export const heading = (page: Page) => page.locator('h1').innerText();
export const successBanner = (page: Page) => page.locator('.govuk-notification-banner--success').innerText();
export const errorSummary = (page: Page) => page.locator('.govuk-error-summary').innerText();
export const mainText = (page: Page) => page.locator('main').innerText();
