import { asc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bids, contractCommitments, contracts, hiaScreenings, measures, opportunityAssessments, organisations, requirements, tenders } from '../../src/db/schema/index.js';
import { describeInBrowser, expectNoAxeViolations, startBrowserTest, type BrowserTest } from '../helpers/browser.js';

/**
 * The whole procurement journey in Chromium, as people would walk it, with axe (WCAG 2.2 AA) run on every page the
 * journey lands on, error pages included: an officer assesses, screens and tenders the £75,000 demo requirement, two
 * suppliers bid (one as a consortium), two evaluators score, the officer moderates and awards, and the contract gets
 * the winner's commitments. The database is only read, to check the outcome.
 */

const officer = 'officer@council.example';
const charnwood = { email: 'supplier@supplier.example', name: 'Charnwood Care Services Ltd' };
const midlands = { email: 'supplier2@midlands.example', name: 'Midlands Facilities Group plc' };
const evaluators = ['evaluator@council.example', 'evaluator2@council.example'];
const homeCare = 'Home care support for adults in Charnwood';
const stationery = 'Stationery for county libraries';
const employed = 'Leicestershire residents employed on the contract';
const volunteering = 'Staff volunteering hours in Leicestershire communities';
const completedTask = 'Yes, I’ve completed this task';

describeInBrowser('the procurement journey, from requirement to awarded contract', () => {
  let b: BrowserTest;
  /** every page axe checked, and what it found wrong */
  const checkedPages: string[] = [];
  const axeProblems: string[] = [];
  /** ids used more than once on a page, which tie a label to the wrong field (axe no longer looks for them) */
  const duplicateIds: string[] = [];
  let requirementPath = '';
  let tenderPath = '';

  beforeAll(async () => {
    b = await startBrowserTest();
  });
  afterAll(async () => b?.close());

  /** Runs axe on the page the browser is showing; a violation is kept for the last test, so the journey goes on. */
  async function checked(page: Page): Promise<Page> {
    const { pathname, search } = new URL(page.url());
    checkedPages.push(pathname + search);
    await expectNoAxeViolations(page).catch((error: unknown) => axeProblems.push((error as Error).message));
    const duplicates = await page.locator('[id]').evaluateAll((elements) => {
      const counts = new Map<string, number>();
      for (const element of elements) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
      return [...counts].filter(([, count]) => count > 1).map(([id]) => id);
    });
    if (duplicates.length > 0) duplicateIds.push(`${pathname}: ${duplicates.join(', ')}`);
    return page;
  }

  /** Any page that failed on the server: none should. */
  const serverErrors: string[] = [];
  const watched = new WeakSet<Page>();

  async function visit(as: string, path: string): Promise<Page> {
    const page = await b.pageFor(as);
    if (!watched.has(page)) {
      watched.add(page);
      page.on('response', (r) => {
        if (r.request().isNavigationRequest() && r.status() >= 500) serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
    }
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    return checked(page);
  }

  /** Does something that loads a new page (a form posted, a link followed), waits for it, and checks it. */
  async function leadsTo(page: Page, action: () => Promise<void>): Promise<Page> {
    await Promise.all([page.waitForEvent('load'), action()]);
    return checked(page);
  }

  const press = (page: Page, button: string): Promise<Page> => leadsTo(page, () => page.getByRole('button', { name: button, exact: true }).click());
  const follow = (page: Page, text: string | RegExp): Promise<Page> => leadsTo(page, () => page.locator('main a').filter({ hasText: text }).first().click());

  const heading = (page: Page) => page.locator('h1').innerText();
  const successBanner = (page: Page) => page.locator('.govuk-notification-banner--success').innerText();
  const errorSummary = (page: Page) => page.locator('.govuk-error-summary').innerText();

  function dateInFuture(days: number): { day: string; month: string; year: string } {
    const date = new Date(Date.now() + days * 86_400_000);
    return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
  }

  it('shows the £40,000 requirement as out of scope, with no assessment asked for', async () => {
    const page = await visit(officer, '/requirements');
    await follow(page, stationery);
    expect(await heading(page)).toBe(stationery);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Out of scope');
    expect(main).toContain('No social value opportunity assessment or health impact screening is asked for.');
    expect(await page.locator('main a[href$="/assessment"], main a[href$="/hia"]').count()).toBe(0);
    await expect(page.getByRole('button', { name: 'Set up a tender', exact: true }).isEnabled()).resolves.toBe(true);
  });

  it('completes the opportunity assessment of the £75,000 requirement, task by task', async () => {
    let page = await visit(officer, '/requirements');
    page = await follow(page, homeCare);
    requirementPath = new URL(page.url()).pathname;
    expect(await page.locator('main').innerText()).toContain('Required by policy');
    page = await follow(page, 'Social value opportunity assessment');

    page = await follow(page, 'How the requirement could be shaped');
    // An error state: saved without saying whether the task is complete.
    page = await press(page, 'Save and continue');
    expect(await errorSummary(page)).toContain('Select whether you have completed this task');
    await page.getByLabel('How could this requirement be shaped to bring wider benefits for Leicestershire?').fill('Recruit care workers from Charnwood and Melton, and give staff time to volunteer locally.');
    await page.getByLabel(completedTask, { exact: true }).check();
    page = await press(page, 'Save and continue');

    page = await follow(page, 'Strategic outcomes it can serve');
    await page.getByLabel('A strong economy', { exact: true }).check();
    await page.getByLabel('Great communities', { exact: true }).check();
    await page.getByLabel(completedTask, { exact: true }).check();
    page = await press(page, 'Save and continue');

    page = await follow(page, 'Measures to ask bidders for');
    const suggested = page.getByRole('group', { name: 'Suggested measures' });
    await suggested.getByLabel(employed, { exact: true }).check();
    await suggested.getByLabel(volunteering, { exact: true }).check();
    await page.getByLabel(completedTask, { exact: true }).check();
    page = await press(page, 'Save and continue');

    page = await follow(page, 'Targets');
    await page.getByRole('textbox', { name: employed }).fill('3');
    await page.getByRole('textbox', { name: volunteering }).fill('200');
    await page.getByLabel(completedTask, { exact: true }).check();
    page = await press(page, 'Save and continue');

    page = await follow(page, 'Cost to suppliers');
    await page.getByLabel('Yes, at no added cost to suppliers', { exact: true }).check();
    await page.getByLabel(completedTask, { exact: true }).check();
    page = await press(page, 'Save and continue');

    page = await follow(page, 'Check and complete');
    expect(await page.locator('main').innerText()).toContain('3 FTE years');
    page = await press(page, 'Complete assessment');
    expect(await successBanner(page)).toContain('Assessment completed');
  });

  it('completes the health impact screening and adds to the engagement log', async () => {
    let page = await visit(officer, `${requirementPath}/hia`);
    page = await leadsTo(page, () => page.getByRole('button', { name: 'Start the screening' }).click());
    for (const none of await page.locator('input[type="radio"][value="none"]').all()) await none.check();
    await page.getByRole('group', { name: 'Employment and income' }).getByLabel('Likely positive').check();
    page = await press(page, 'Save and continue');
    expect(await heading(page)).toBe('Result of the screening');
    await page.getByLabel('No further assessment', { exact: false }).check();
    await page.getByLabel('Notes').fill('Local recruitment should help employment; nothing else is affected.');
    page = await press(page, 'Save result');
    expect(await page.locator('main').innerText()).toContain('Completed');

    page = await visit(officer, `${requirementPath}/engagement`);
    await page.getByLabel('Who did you engage with?').fill('Charnwood carers’ forum');
    const when = dateInFuture(-7);
    await page.getByLabel('Day').fill(when.day);
    await page.getByLabel('Month').fill(when.month);
    await page.getByLabel('Year').fill(when.year);
    await page.getByLabel('Meeting', { exact: true }).check();
    await page.getByLabel('What did you learn?').fill('Carers want local jobs with hours that fit around school.');
    page = await press(page, 'Add to the log');
    expect(await page.locator('main table').innerText()).toContain('Charnwood carers’ forum');

    const { db } = b.testApp.services.database;
    const [requirement] = await db.select().from(requirements).where(eq(requirements.title, homeCare));
    const [assessment] = await db.select().from(opportunityAssessments).where(eq(opportunityAssessments.requirementId, requirement!.id));
    const [screening] = await db.select().from(hiaScreenings).where(eq(hiaScreenings.requirementId, requirement!.id));
    expect(assessment?.completedAt).toBeInstanceOf(Date);
    expect(screening?.completedAt).toBeInstanceOf(Date);
  });

  it('sets up the tender and publishes it', async () => {
    let page = await visit(officer, requirementPath);
    page = await press(page, 'Set up a tender');
    tenderPath = new URL(page.url()).pathname;
    expect(tenderPath).toMatch(/^\/tenders\/[0-9a-f-]{36}$/);

    page = await follow(page, 'Change social value weighting');
    // An error state: a weighting below 10% with no reason.
    await page.getByLabel('Social value weighting', { exact: true }).fill('5');
    page = await press(page, 'Save and return to the tender');
    expect(await errorSummary(page)).toContain('Enter why social value is weighted below 10%');
    await page.getByLabel('Social value weighting', { exact: true }).fill('20');
    await page.getByLabel('Quantitative share').fill('60');
    await page.getByLabel('Qualitative share').fill('40');
    page = await press(page, 'Save and return to the tender');

    page = await follow(page, 'Change quantitative method');
    await page.getByLabel('Relative to the highest social value per pound of bid price', { exact: true }).check();
    page = await press(page, 'Save and return to the tender');

    page = await follow(page, 'Change questions and weights');
    page = await follow(page, 'Add a question');
    await page.getByLabel('Question', { exact: true }).fill('How will you recruit and keep care workers who live in Charnwood and Melton?');
    await page.getByLabel('Weight').fill('100');
    page = await press(page, 'Add question');
    page = await follow(page, 'Return to the tender');

    page = await follow(page, 'Change closing date');
    const closing = dateInFuture(5);
    await page.getByLabel('Day').fill(closing.day);
    await page.getByLabel('Month').fill(closing.month);
    await page.getByLabel('Year').fill(closing.year);
    await page.getByLabel('Closing time').fill('12pm');
    page = await press(page, 'Save and return to the tender');

    page = await follow(page, 'Change invited suppliers');
    await page.getByLabel(charnwood.name).check();
    await page.getByLabel(midlands.name).check();
    page = await press(page, 'Save and return to the tender');

    page = await follow(page, 'Change evaluators');
    for (const email of evaluators) await page.locator('.govuk-checkboxes__item', { hasText: email }).locator('input').check();
    page = await press(page, 'Save and return to the tender');

    page = await leadsTo(page, () => page.getByRole('button', { name: 'Check and publish' }).click());
    page = await press(page, 'Publish tender');
    expect(await successBanner(page)).toContain('Tender published');
  });

  it('takes a bid from each invited supplier, one of them a consortium', async () => {
    const bidders: { email: string; name: string; price: string; employed: [string, string]; volunteering: [string, string]; value: string; consortium: boolean }[] = [
      { ...charnwood, price: '70000', employed: ['2', '2'], volunteering: ['200', '200'], value: '£5,084', consortium: true },
      { ...midlands, price: '72000', employed: ['2', '1'], volunteering: ['150', '150'], value: '£3,813', consortium: false },
    ];
    for (const bidder of bidders) {
      let page = await visit(bidder.email, '/supplier/tenders');
      page = await follow(page, homeCare);

      page = await follow(page, 'Bid price and consortium');
      await page.getByLabel('Bid price').fill(bidder.price);
      if (bidder.consortium) {
        await page.getByRole('group', { name: 'Is this a consortium bid?' }).getByLabel('Yes', { exact: true }).check();
        await page.getByLabel('Name of member 1').fill('Soar Valley Community Enterprise CIC');
        await page.getByLabel('Role of member 1').fill('Befriending visits and volunteer training');
      } else {
        await page.getByRole('group', { name: 'Is this a consortium bid?' }).getByLabel('No', { exact: true }).check();
      }
      page = await press(page, 'Save and return to your bid');

      for (const [code, split] of [['SE01', bidder.employed], ['GC01', bidder.volunteering]] as const) {
        page = await follow(page, new RegExp(`^\\s*${code}:`));
        const total = String(Number(split[0]) + Number(split[1]));
        await page.getByLabel('How much will you deliver over the whole contract?').fill(total);
        await page.getByLabel('By year', { exact: true }).check();
        if (bidder.consortium && code === 'GC01') {
          // An error state: a delivery profile that does not add up to the total.
          await page.locator('input[name="profile-year-1"]').fill(split[0]);
          await page.locator('input[name="profile-year-2"]').fill('1');
          page = await press(page, 'Save and return to your bid');
          expect(await page.locator('.govuk-error-summary').count()).toBe(1);
          await page.getByLabel('By year', { exact: true }).check();
        }
        await page.locator('input[name="profile-year-1"]').fill(split[0]);
        await page.locator('input[name="profile-year-2"]').fill(split[1]);
        await page.getByLabel('Charnwood', { exact: true }).check();
        await page.getByLabel('How will you deliver it? (optional)').fill(`Delivered by our Loughborough team for ${bidder.name}.`);
        page = await press(page, 'Save and return to your bid');
        expect(await successBanner(page)).toContain('Commitment saved');
      }
      // The social value of the offer, worked out on the server from the frozen proxy (£12.71 an hour volunteered).
      expect(await page.locator('main').innerText()).toContain(bidder.value);

      page = await follow(page, /Question 1:/);
      await page.getByLabel('Your answer').fill(`${bidder.name} advertises every post in Loughborough and Melton job centres first.`);
      page = await press(page, 'Save and return to your bid');

      page = await follow(page, 'Check your bid and submit it');
      page = await press(page, 'Submit bid');
      expect(await heading(page)).toBe('Bid submitted');
    }
  });

  it('closes bidding early once every invited supplier has submitted', async () => {
    let page = await visit(officer, `${tenderPath}/close`);
    page = await press(page, 'Close bidding now');
    expect(await successBanner(page)).toContain('Bidding closed');
  });

  it('has each evaluator declare no conflict and score each bid', async () => {
    const scores: Record<string, string> = { [charnwood.name]: '75', [midlands.name]: '50' };
    for (const evaluator of evaluators) {
      let page = await visit(evaluator, `${tenderPath}/evaluation`);
      await page.getByLabel('No, I have no conflict of interest', { exact: true }).check();
      page = await press(page, 'Make the declaration');
      expect(await heading(page)).toBe('Evaluate the bids');
      for (const [bidder, score] of Object.entries(scores)) {
        page = await follow(page, `Score the bid of ${bidder}`);
        await page.getByRole('group', { name: 'Your score for question 1' }).getByLabel(score, { exact: true }).check();
        await page.getByLabel('Your comment on question 1').fill(`Scored ${score}: the plan names where and how people are recruited.`);
        page = await press(page, 'Save your scores');
        expect(await successBanner(page)).toBeTruthy();
      }
    }
  });

  it('moderates to agreed scores, locks moderation and ranks both bids', async () => {
    const agreed: Record<string, string> = { [charnwood.name]: '75', [midlands.name]: '50' };
    let page = await visit(officer, `${tenderPath}/moderation`);
    for (const [bidder, score] of Object.entries(agreed)) {
      page = await follow(page, `Moderate the bid of ${bidder}`);
      await page.getByRole('group', { name: 'Agreed score for question 1' }).getByLabel(score, { exact: true }).check();
      await page.getByLabel('Reason for the agreed score for question 1').fill('Both evaluators gave this score for the same reasons.');
      page = await press(page, 'Save the agreed scores');
    }
    page = await follow(page, 'Lock moderation');
    page = await press(page, 'Lock moderation');
    expect(await successBanner(page)).toContain('Moderation is locked');

    page = await visit(officer, `${tenderPath}/results`);
    const ranking = page.locator('main table').first();
    const rows = await ranking.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(charnwood.name);
    expect(rows[1]).toContain(midlands.name);
    for (const row of rows) expect(row).toMatch(/\d+\.\d\d%/);
  });

  it('awards the contract to the winning bid, whose commitments become its KPIs', async () => {
    let page = await visit(officer, `${tenderPath}/award`);
    await page.getByRole('radio', { name: charnwood.name }).check();
    await page.getByLabel('Reason for the decision').fill('The highest social value score, at a lower price.');
    const manager = page.getByLabel('Contract manager');
    const managerId = await manager.locator('option', { hasText: 'manager@council.example' }).getAttribute('value');
    await manager.selectOption(managerId!);
    page = await press(page, 'Continue');
    expect(await heading(page)).toBe('Check the award before you confirm it');
    page = await press(page, 'Confirm the award');
    expect(await page.locator('.govuk-panel').innerText()).toContain('Contract awarded');
    const main = await page.locator('main').innerText();
    expect(main).toContain(employed);
    expect(main).toContain(volunteering);
    expect(main).toContain('Soar Valley Community Enterprise CIC');

    page = await follow(page, 'Read the evaluation report');
    expect(await page.locator('main').innerText()).toContain(midlands.name);

    const { db } = b.testApp.services.database;
    const tenderId = tenderPath.split('/')[2]!;
    const [tender] = await db.select().from(tenders).where(eq(tenders.id, tenderId));
    expect(tender?.status).toBe('awarded');
    const [winner] = await db.select().from(organisations).where(eq(organisations.name, charnwood.name));
    const [winningBid] = await db.select().from(bids).where(eq(bids.tenderId, tenderId)).then((rows) => rows.filter((bid) => bid.organisationId === winner!.id));
    const awarded = await db.select().from(contracts).where(eq(contracts.tenderId, tenderId));
    expect(awarded).toHaveLength(1);
    expect(awarded[0]).toMatchObject({ supplierId: winner!.id, bidId: winningBid!.id, valuePence: 7_000_000, source: 'award' });
    const kpis = await db
      .select({ code: measures.code, quantity: contractCommitments.quantityHundredths, original: contractCommitments.originalQuantityHundredths })
      .from(contractCommitments)
      .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
      .where(eq(contractCommitments.contractId, awarded[0]!.id))
      .orderBy(asc(measures.code));
    expect(kpis).toEqual([
      { code: 'GC01', quantity: 40_000, original: 40_000 },
      { code: 'SE01', quantity: 400, original: 400 },
    ]);
  });

  it('passes axe (WCAG 2.2 AA) on every page of the journey, with no id used twice', () => {
    expect(serverErrors).toEqual([]);
    expect(checkedPages.length).toBeGreaterThan(40);
    expect(axeProblems, `checked ${checkedPages.length} pages`).toEqual([]);
    expect(duplicateIds).toEqual([]);
  });
});
