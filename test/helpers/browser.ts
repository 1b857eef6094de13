import { existsSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { publicDir } from '../../src/platform/paths.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './app.js';
import { unusedPort } from './ports.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The WCAG 2.2 AA rule sets axe checks every page against. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Why the browser tests are skipped, or undefined when they run. TEST_BROWSER=1 (set by npm test when chromium is
 * installed) makes the browser required, so a missing one fails; TEST_BROWSER=0 skips; unset runs when it is there.
 */
export const browserSkipReason: string | undefined = (() => {
  if (process.env.TEST_BROWSER === '1') return undefined;
  if (process.env.TEST_BROWSER === '0') return `TEST_BROWSER=0 (npm test sets it when there is no Chromium at ${CHROMIUM_PATH})`;
  return existsSync(CHROMIUM_PATH) ? undefined : `no Chromium at ${CHROMIUM_PATH}; install Debian's chromium or set CHROMIUM_PATH`;
})();

/** describe() for browser tests: skipped, with the reason in its name, when there is no browser to run them in. */
export function describeInBrowser(name: string, tests: () => void): void {
  if (browserSkipReason) {
    console.warn(`Browser tests skipped: ${browserSkipReason}`);
    describe.skip(`${name} (skipped: ${browserSkipReason})`, tests);
  } else {
    describe(name, tests);
  }
}

/** Someone using the service: a demo user's email address, or anonymous. */
export type Visitor = 'anonymous' | (string & {});

export interface BrowserTest {
  /** the app, seeded with the demo data, on a PGlite database */
  testApp: TestApp;
  /** where the app listens, like http://127.0.0.1:43123 */
  baseUrl: string;
  browser: Browser;
  /** A new page in a new browser context (its own cookies) whose relative URLs go to the app. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /**
   * One page per visitor, with JavaScript on or (javaScript: false) off, reused by every test in the file;
   * demo users are signed in through the sign-in form once.
   */
  pageFor(visitor: Visitor, options?: { javaScript?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the real app on a port of 127.0.0.1 and launches Chromium: once per test file, in beforeAll. */
export async function startBrowserTest(): Promise<BrowserTest> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`TEST_BROWSER=1 but there is no Chromium at ${CHROMIUM_PATH}`);
  if (!existsSync(path.join(publicDir, 'app.css'))) throw new Error('The browser assets are not built: run node scripts/build-assets.js');
  const port = await unusedPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const testApp = await createTestApp('pglite', { env: { BASE_URL: baseUrl, PORT: String(port) } });
  const browser = await testApp.app
    .listen({ host: '127.0.0.1', port })
    .then(() => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }))
    .catch(async (error: unknown) => {
      await testApp.close();
      throw error;
    });
  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Promise<Page>>();
  const newPage = async (options: BrowserContextOptions = {}): Promise<Page> => {
    const context = await browser.newContext({ baseURL: baseUrl, ...options });
    contexts.push(context);
    return context.newPage();
  };
  return {
    testApp,
    baseUrl,
    browser,
    newPage,
    pageFor(visitor, { javaScript = true } = {}) {
      const key = `${visitor} ${javaScript}`;
      let page = pages.get(key);
      if (!page) {
        page = newPage({ javaScriptEnabled: javaScript }).then(async (p) => {
          if (visitor !== 'anonymous') await signIn(p, visitor);
          return p;
        });
        pages.set(key, page);
      }
      return page;
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await testApp.close();
    },
  };
}

/** Signs in through the real sign-in form, as a person would, and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect(page.locator('.app-signed-in').textContent()).resolves.toContain('Signed in as');
}

/**
 * Runs axe on the page against WCAG 2.2 AA and fails naming each violation, its help text and the elements.
 * Legacy mode runs axe in the page itself rather than finishing in a second, blank page: the service has no frames,
 * and it halves the time. Only violations are gathered in full (passes and "needs review" are not reported).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    // options() replaces every option, so it comes before withTags().
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_TAGS)
    .setLegacyMode(true)
    .analyze();
  if (results.violations.length === 0) return;
  const list = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  throw new Error(`axe found ${list.length} kind(s) of WCAG 2.2 AA violation on ${page.url()}:\n  ${list.join('\n  ')}`);
}

/** One page with JavaScript per browser, where copies of pages from contexts without JavaScript are checked. */
const scratchPages = new WeakMap<Browser, Promise<Page>>();

/**
 * expectNoAxeViolations for a page in a context without JavaScript, where axe itself cannot run (the page's timers
 * never fire): axe checks the same document, its scripts removed, served at the same address to a page that can.
 */
export async function expectNoAxeViolationsWithoutJavaScript(page: Page): Promise<void> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const url = page.url();
  const browser = page.context().browser()!;
  if (!scratchPages.has(browser))
    scratchPages.set(
      browser,
      browser.newContext().then((context) => context.newPage()),
    );
  const copy = await scratchPages.get(browser)!;
  await copy.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  try {
    await copy.goto(url);
  } finally {
    await copy.unroute(url);
  }
  await expectNoAxeViolations(copy);
}

/**
 * WCAG 1.4.10 Reflow, which axe cannot check: at 320 CSS pixels wide nothing but a data table may stick out
 * sideways and need scrolling. Fails naming the elements that do. Puts the viewport back as it was.
 */
export async function expectReflowAt320(page: Page): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    const overflowing = await page.locator('body').evaluate((body) => {
      const width = body.ownerDocument.documentElement.clientWidth;
      return [...body.querySelectorAll('*')]
        .filter((element) => !element.closest('table') && element.getBoundingClientRect().right > width + 1)
        .map((element) => [element.tagName.toLowerCase(), element.id && `#${element.id}`, ...[...element.classList].map((c) => `.${c}`)].join(''));
    });
    if (overflowing.length > 0) throw new Error(`content sticks out past 320 CSS pixels on ${page.url()}: ${overflowing.join(', ')}`);
  } finally {
    if (size) await page.setViewportSize(size);
  }
}

/** Presses a button of the page's main content (the first form's, unless named) and returns the status of the page it leads to. */
export async function pressButton(page: Page, button?: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()),
    (button ? page.getByRole('button', { name: button, exact: true }) : page.locator('main form button[type="submit"]').first()).click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

/** The page's first heading (h1) reads `heading`. */
export async function expectHeading(page: Page, heading: string): Promise<void> {
  await expect(
    page
      .locator('h1')
      .first()
      .textContent()
      .then((text) => text?.trim()),
  ).resolves.toBe(heading);
}

/**
 * The page is headed `heading`, has no axe violations (checked as a page without JavaScript when `withoutJavaScript`,
 * see expectNoAxeViolationsWithoutJavaScript) and reflows at 320 CSS pixels.
 */
export async function expectAccessiblePage(page: Page, heading: string, withoutJavaScript = false): Promise<void> {
  await expectHeading(page, heading);
  if (withoutJavaScript) await expectNoAxeViolationsWithoutJavaScript(page);
  else await expectNoAxeViolations(page);
  await expectReflowAt320(page);
}
