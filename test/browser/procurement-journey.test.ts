import { asc, eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  bids,
  contractCommitments,
  contracts,
  hiaScreenings,
  measures,
  opportunityAssessments,
  organisations,
  requirements,
  tenders,
} from '../../src/db/schema/index.js';
import { todayIso as today } from '../../src/domain/dates.js';
import { formatQuantity } from '../../src/domain/quantity.js';
import { sendReportReminders } from '../../src/features/reminders/report-reminders.js';
import { createMailer, deliverPendingMail } from '../../src/platform/mail.js';
import { describeInBrowser, startBrowserTest, type BrowserTest } from '../helpers/browser.js';
import { errorSummary, heading, mainText, startJourney, successBanner } from '../helpers/journey.js';
import { startSmtpServer } from '../helpers/smtp.js';

/**
 * The whole procurement journey in Chromium, as people would walk it, with axe (WCAG 2.2 AA) run on every page the
 * journey lands on, error pages included: an officer assesses, screens and tenders the £75,000 demo requirement, two
 * suppliers bid (one as a consortium), two evaluators score, the officer moderates and awards, and the contract gets
 * the winner's commitments. Then its delivery: the demo requirement was planned to start two quarters ago, so the
 * winner owes two quarterly reports at once. It reports both (one with an evidence file, one without JavaScript), the
 * contract manager queries a line, the supplier answers and corrects it, the manager verifies every line, and the
 * contract's RAG and rating move; a variation is requested and approved with the tender promise still shown; and the
 * reminder for the next period reaches the supplier once, over SMTP. The database is only read, to check the outcome.
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
const manager = 'manager@council.example';

/** A financial-year quarter of the contract, the nth from its start: its dates, its label and when its report is due. */
interface Quarter {
  start: string;
  end: string;
  due: string;
  label: string;
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function shift(iso: string, { months = 0, days = 0 }): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + months, day + days)).toISOString().slice(0, 10);
}
function quarter(contractStart: string, n: number): Quarter {
  const start = shift(contractStart, { months: 3 * n });
  const end = shift(start, { months: 3, days: -1 });
  const [year, month] = start.split('-').map(Number) as [number, number];
  return { start, end, due: shift(end, { days: 30 }), label: `${MONTHS[month - 1]} to ${MONTHS[month + 1]} ${year}` };
}
/** Days from one date to another, both counted. */
const daysFrom = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/**
 * What a commitment expects by the end of `until` from the quantity (hundredths) profiled for the first contract year,
 * pro rata by days and rounded down: DESIGN.md section 3, worked out here by hand.
 */
const profiledBy = (yearOne: number, contractStart: string, until: string) =>
  Math.floor((yearOne * daysFrom(contractStart, until)) / daysFrom(contractStart, shift(contractStart, { months: 12, days: -1 })));
/** Green at 95% of the profile or more, amber at 75% or more, red below. */
const ragOf = (delivered: number, profiled: number) => (delivered * 100 >= profiled * 95 ? 'Green' : delivered * 100 >= profiled * 75 ? 'Amber' : 'Red');
/** The contract rating from its two commitments' RAG. */
function ratingOf(rags: string[]): string {
  const red = rags.filter((r) => r === 'Red').length;
  if (red === 0) return rags.every((r) => r === 'Green') ? 'Good' : 'Approaching target';
  return red * 2 <= rags.length ? 'Requires improvement' : 'Inadequate';
}

/** A small valid PDF, as a supplier's evidence file. */
const pdf = (title: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

describeInBrowser('the procurement journey, from requirement to awarded contract and its delivery', () => {
  let b: BrowserTest;
  const { checkedPages, axeProblems, duplicateIds, serverErrors, visit, leadsTo, press, follow } = startJourney(() => b);
  let requirementPath = '';
  let tenderPath = '';
  /** the contract the journey awards, reported on afterwards */
  let contract = { id: '', reference: '', path: '' };
  /** the contract's first three quarters: two to report on, and the one under way */
  let quarters: Quarter[] = [];

  beforeAll(async () => {
    b = await startBrowserTest();
  });
  afterAll(async () => b?.close());

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
    await page
      .getByLabel('How could this requirement be shaped to bring wider benefits for Leicestershire?')
      .fill('Recruit care workers from Charnwood and Melton, and give staff time to volunteer locally.');
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
    const bidders: {
      email: string;
      name: string;
      price: string;
      employed: [string, string];
      volunteering: [string, string];
      value: string;
      consortium: boolean;
    }[] = [
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

      for (const [code, split] of [
        ['SE01', bidder.employed],
        ['GC01', bidder.volunteering],
      ] as const) {
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

  it('closes bidding early with a reason, shown on the tender', async () => {
    let page = await visit(officer, tenderPath);
    page = await follow(page, 'Close bidding early');
    expect(await heading(page)).toBe('Close bidding early?');
    await page.getByLabel('Why are you closing bidding early?').fill('Both invited suppliers have submitted their bids.');
    page = await press(page, 'Close bidding now');
    expect(await successBanner(page)).toContain('Bidding closed');
    expect(await page.locator('main').innerText()).toContain('Both invited suppliers have submitted their bids.');
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
    const managerField = page.getByLabel('Contract manager');
    const managerId = await managerField.locator('option', { hasText: manager }).getAttribute('value');
    await managerField.selectOption(managerId!);
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
    const [winningBid] = await db
      .select()
      .from(bids)
      .where(eq(bids.tenderId, tenderId))
      .then((rows) => rows.filter((bid) => bid.organisationId === winner!.id));
    const awarded = await db.select().from(contracts).where(eq(contracts.tenderId, tenderId));
    expect(awarded).toHaveLength(1);
    expect(awarded[0]).toMatchObject({
      supplierId: winner!.id,
      bidId: winningBid!.id,
      valuePence: 7_000_000,
      source: 'award',
      reportingFrequency: 'quarterly',
    });
    contract = { id: awarded[0]!.id, reference: awarded[0]!.reference, path: `/contracts/${awarded[0]!.id}` };
    // The planned start, two financial-year quarters before today's, is the award's default.
    const [planned] = await db.select({ start: requirements.expectedStart }).from(requirements).where(eq(requirements.title, homeCare));
    expect(awarded[0]!.startDate).toBe(planned!.start);
    quarters = [0, 1, 2].map((n) => quarter(awarded[0]!.startDate, n));
    expect(quarters[2]!.start <= today() && today() <= quarters[2]!.end).toBe(true);
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

  /** What the supplier reports in each quarter; the volunteering hours of the first are queried and corrected to 45. */
  const reported = [
    { [employed]: '0.5', [volunteering]: '50' },
    { [employed]: '0.5', [volunteering]: '35' },
  ];
  const codeOf = { [employed]: 'SE01', [volunteering]: 'GC01' };
  /** The winner's bid profiled 2 FTE years and 200 hours in the first contract year, in hundredths. */
  const yearOne = { [employed]: 200, [volunteering]: 20_000 };

  const clickLink = (page: Page, name: string) => leadsTo(page, () => page.getByRole('link', { name, exact: true }).click());
  const cells = async (row: Locator) => (await row.locator('td, th').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());

  /** The commitment's row on the contract page: commitment, profiled to date, delivered to date, status, value. */
  async function commitmentRow(page: Page, title: string) {
    const row = page.getByRole('table', { name: 'Commitments and their delivery to date' }).locator('tbody tr').filter({ hasText: title });
    const [, commitment, profiled, delivered, status, value] = await cells(row);
    return { commitment, profiled, delivered, status, value };
  }
  const ratingShown = async (page: Page) =>
    (await page.locator('#rating + .govuk-summary-list .govuk-summary-list__value').first().innerText()).replace(/\s+/g, ' ').trim();

  /**
   * Where delivery is measured to: the end of the latest quarter whose report is due or handed in. Both reports are
   * handed in before any figure is checked, so it is the end of the second quarter, whatever the day.
   */
  const measuredUntil = () => quarters[1]!.end;

  /** Enters one line of a draft report, from its report page, and comes back to the report page. */
  async function enterLine(
    page: Page,
    title: typeof employed | typeof volunteering,
    quantity: string,
    districts: string[],
    evidence?: { name: string; buffer: Buffer },
  ): Promise<Page> {
    page = await leadsTo(page, () => page.getByRole('link', { name: new RegExp(`^(Enter|Change) ${codeOf[title]} ${title}$`) }).click());
    expect(await heading(page)).toContain(title);
    await page.getByLabel('How much was delivered in this period').fill(quantity);
    for (const district of districts) await page.getByLabel(district, { exact: true }).check();
    await page.getByLabel('What was delivered, and how').fill(`${quantity} counted from our timesheets in ${districts.join(' and ')}.`);
    page = await press(page, 'Save');
    expect(await successBanner(page)).toContain('Saved. You can add evidence files below.');
    if (evidence) {
      await page.locator('input[type="file"][name="files"]').setInputFiles({ name: evidence.name, mimeType: 'application/pdf', buffer: evidence.buffer });
      page = await press(page, 'Upload');
      expect(await successBanner(page)).toContain('Evidence added.');
      await expect(page.locator('#evidence ~ ul a').allInnerTexts()).resolves.toEqual([evidence.name]);
    }
    return follow(page, 'Back to the report');
  }

  it('lists the two quarterly reports the winner owes, and takes the first with an evidence file, refusing bad input', async () => {
    let page = await visit(charnwood.email, '/supplier');
    const due = page
      .getByRole('table', { name: 'Delivery reports for periods that have ended and are not yet submitted' })
      .locator('tbody tr')
      .filter({ hasText: contract.reference });
    const rows = await due.allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(quarters[0]!.label);
    expect(rows[1]).toContain(quarters[1]!.label);

    page = await press(page, `Start the report for ${quarters[0]!.label} on ${contract.reference}`);
    expect(await heading(page)).toBe(`${quarters[0]!.label} report`);

    // An error state: a negative quantity is refused, named, and kept as typed.
    page = await clickLink(page, `Enter SE01 ${employed}`);
    await page.getByLabel('How much was delivered in this period').fill('-1');
    page = await press(page, 'Save');
    expect(await errorSummary(page)).toContain('Enter a number of FTE years of 0 or more');
    await expect(page.getByLabel('How much was delivered in this period').inputValue()).resolves.toBe('-1');
    page = await follow(page, 'Back to the report');

    page = await enterLine(page, employed, reported[0]![employed]!, ['Charnwood']);
    // Another: a file that is not evidence, whatever its name says, is refused and nothing is kept.
    page = await clickLink(page, `Enter GC01 ${volunteering}`);
    await page.getByLabel('How much was delivered in this period').fill(reported[0]![volunteering]!);
    await page.getByLabel('Charnwood', { exact: true }).check();
    page = await press(page, 'Save');
    await page
      .locator('input[type="file"][name="files"]')
      .setInputFiles({ name: 'timesheet.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) });
    page = await press(page, 'Upload');
    expect(await errorSummary(page)).toContain('timesheet.pdf is not a file type that can be accepted');
    page = await follow(page, 'Back to the report');
    page = await enterLine(page, volunteering, reported[0]![volunteering]!, ['Charnwood', 'Melton'], {
      name: 'volunteering-log-q1.pdf',
      buffer: pdf('Volunteering log'),
    });

    page = await follow(page, 'Check and submit the report');
    const check = await mainText(page);
    expect(check).toContain('volunteering-log-q1.pdf');
    expect(check).toContain('Charnwood, Melton');
    page = await press(page, 'Submit the report');
    expect(await successBanner(page)).toContain('Report submitted.');
    expect(await mainText(page)).toContain('Submitted on');
  });

  it('takes the second report without JavaScript', async () => {
    let page = await visit(charnwood.email, `${contract.path}#reports`, { javaScript: false });
    page = await press(page, `Start the report for ${quarters[1]!.label}`);
    expect(await heading(page)).toBe(`${quarters[1]!.label} report`);
    page = await enterLine(page, employed, reported[1]![employed]!, ['Charnwood']);
    page = await enterLine(page, volunteering, reported[1]![volunteering]!, ['Countywide'], {
      name: 'volunteering-log-q2.pdf',
      buffer: pdf('Volunteering log'),
    });
    page = await follow(page, 'Check and submit the report');
    page = await press(page, 'Submit the report');
    expect(await successBanner(page)).toContain('Report submitted.');

    page = await visit(charnwood.email, '/supplier', { javaScript: false });
    const due = page.getByRole('table', { name: 'Delivery reports for periods that have ended and are not yet submitted' });
    expect(await due.locator('tbody tr').filter({ hasText: contract.reference }).count()).toBe(0);
  });

  /** RAG and rating on the contract page before anything is verified: submitted lines do not count yet. */
  const before = { employed: '', volunteering: '', rating: '' };

  it('shows the contract red and inadequate while nothing is verified', async () => {
    const page = await visit(manager, contract.path);
    const until = measuredUntil();
    for (const [title, key] of [
      [employed, 'employed'],
      [volunteering, 'volunteering'],
    ] as const) {
      const row = await commitmentRow(page, title);
      expect(row.profiled).toBe(formatQuantity(profiledBy(yearOne[title]!, quarters[0]!.start, until)));
      expect(row.delivered).toBe('0 0%');
      expect(row.status).toBe('RAG status: Red');
      before[key] = row.status!;
    }
    before.rating = await ratingShown(page);
    expect(before.rating).toBe('Rating: Inadequate');
    const reports = await page.getByRole('table', { name: 'Reporting periods (quarterly)' }).locator('tbody tr').allInnerTexts();
    expect(reports[0]).toContain('Submitted');
    expect(reports[1]).toContain('Submitted');
  });

  const reportLink = (n: number) => `${quarters[n]!.label} report for ${contract.reference}`;
  const decisionForm = (page: Page, title: string) => page.locator('form').filter({ has: page.getByRole('group', { name: `Your decision on ${title}` }) });

  async function decide(page: Page, title: string, decision: 'Verify' | 'Query', note = ''): Promise<Page> {
    const form = decisionForm(page, title);
    await form.getByLabel(decision === 'Verify' ? 'Verify: it counts as delivered' : 'Query: ask the supplier a question').check();
    await form.getByLabel('Your question or reason').fill(note);
    return press(page, `Save decision on ${title}`, form);
  }

  it('has the contract manager query the volunteering line of the first report and verify the other', async () => {
    let page = await visit(manager, '/verification');
    expect(await page.locator('main tbody tr').filter({ hasText: contract.reference }).count()).toBe(2);
    page = await clickLink(page, reportLink(0));
    expect(await heading(page)).toBe(`${quarters[0]!.label} delivery report`);
    expect(await mainText(page)).toContain('volunteering-log-q1.pdf');

    // An error state: a query with no question.
    page = await decide(page, `GC01 ${volunteering}`, 'Query');
    expect(await errorSummary(page)).toContain('Enter your question for the supplier');
    page = await decide(page, `GC01 ${volunteering}`, 'Query', 'Your log shows 45 hours for this quarter, not 50. Which is right?');
    expect(await successBanner(page)).toContain('Question sent to the supplier.');
    page = await decide(page, `SE01 ${employed}`, 'Verify');
    expect(await successBanner(page)).toContain('Line verified.');
  });

  it('has the supplier answer the query with more evidence and a corrected quantity', async () => {
    let page = await visit(charnwood.email, '/supplier');
    page = await follow(page, `${contract.reference}, ${quarters[0]!.label}: GC01 ${volunteering}`);
    expect(await mainText(page)).toContain('Which is right?');
    await page
      .locator('input[type="file"][name="files"]')
      .setInputFiles({ name: 'volunteering-confirmations.pdf', mimeType: 'application/pdf', buffer: pdf('Confirmations') });
    page = await press(page, 'Upload');
    expect(await successBanner(page)).toContain('Evidence added.');
    await page.getByLabel('Your answer').fill('You are right: 5 hours were counted twice. Corrected to 45, with the charities’ confirmations.');
    await page.getByLabel('Quantity delivered').fill('45');
    page = await press(page, 'Send answer');
    expect(await successBanner(page)).toContain('Answer sent.');
    expect(await mainText(page)).toContain('Corrected the quantity from 50 to 45 hours.');
  });

  it('has the contract manager verify the answered line and the whole second report', async () => {
    let page = await visit(manager, '/verification');
    page = await clickLink(page, reportLink(0));
    const answered = await mainText(page);
    expect(answered).toContain('volunteering-confirmations.pdf');
    expect(answered).toContain('Corrected the quantity from 50 to 45 hours.');
    page = await decide(page, `GC01 ${volunteering}`, 'Verify', 'Checked against the confirmations.');
    expect(await successBanner(page)).toContain('Line verified.');

    page = await visit(manager, '/verification');
    page = await clickLink(page, reportLink(1));
    page = await decide(page, `SE01 ${employed}`, 'Verify');
    page = await decide(page, `GC01 ${volunteering}`, 'Verify');
    expect(await page.locator('main form').count()).toBe(0);

    page = await visit(manager, '/verification');
    expect(await page.locator('main tbody tr').filter({ hasText: contract.reference }).count()).toBe(0);
  });

  /**
   * Verified: 1 FTE year and 45 + 35 = 80 hours. Worked out on 22 November 2026, with the contract from 1 April 2026:
   * delivery is measured to 30 September, 183 of the first year's 365 days, so 1 FTE year (of 2) and 100.27 hours (of
   * 200) are profiled to date: employment green at 100%, volunteering amber at 79%, the contract approaching target
   * (it was red, red and inadequate). After the variation to 300 hours, 150 a year, 75.2 are profiled: green and good.
   */
  const delivered = { [employed]: 100, [volunteering]: 8_000 };

  it('moves the RAG and the rating once the lines are verified', async () => {
    const page = await visit(manager, contract.path);
    const until = measuredUntil();
    const rags: string[] = [];
    for (const [title, key] of [
      [employed, 'employed'],
      [volunteering, 'volunteering'],
    ] as const) {
      const profiled = profiledBy(yearOne[title]!, quarters[0]!.start, until);
      const row = await commitmentRow(page, title);
      rags.push(ragOf(delivered[title]!, profiled));
      expect(row.profiled).toBe(formatQuantity(profiled));
      expect(row.delivered).toBe(`${formatQuantity(delivered[title]!)} ${Math.floor((delivered[title]! * 100) / profiled)}%`);
      expect(row.status).toBe(`RAG status: ${rags.at(-1)}`);
      expect(row.status).not.toBe(before[key]);
    }
    // 80 volunteering hours at the £12.71 an hour of the frozen proxy; FTE years have no value in pounds.
    expect((await commitmentRow(page, volunteering)).value).toBe('£1,016.80');
    const rating = await ratingShown(page);
    expect(rating).toBe(`Rating: ${ratingOf(rags)}`);
    expect(rating).not.toBe(before.rating);
  });

  it('varies the volunteering commitment: asked for by the contract manager, approved by the officer, the tender promise kept', async () => {
    let page = await visit(manager, contract.path);
    page = await clickLink(page, `Request a variation of GC01 ${volunteering}`);
    expect(await mainText(page)).toContain(`Tender promise\tGC01 ${volunteering}: 400 hours`);
    await page.getByLabel('Quantity over the whole contract').fill('300');
    await page.locator('input[name="period-0"]').fill('150');
    await page.locator('input[name="period-1"]').fill('100');
    await page.getByLabel('Reason for the variation').fill('Two of the partner charities closed; the supplier agreed a smaller volunteering programme.');
    // An error state: a profile that does not add up.
    page = await press(page, 'Request the variation');
    expect(await errorSummary(page)).toContain('add up to 250; make them add up to the quantity, 300');
    await page.locator('input[name="period-1"]').fill('150');
    page = await press(page, 'Request the variation');
    expect(await mainText(page)).toContain('Variation waiting for approval');

    page = await visit(officer, contract.path);
    page = await clickLink(page, `Approve or reject the variation of GC01 ${volunteering}`);
    const quantities = await cells(page.locator('main table tbody tr').filter({ hasText: 'Quantity' }));
    expect(quantities).toEqual(['Quantity', '400 hours', '400 hours', '300 hours']);
    await page.getByLabel('Approve: the commitment takes the proposed values').check();
    page = await press(page, 'Save decision');
    expect(new URL(page.url()).pathname).toBe(contract.path);

    const row = await commitmentRow(page, volunteering);
    expect(row.commitment).toBe('300 Tender promise: 400');
    const profiled = profiledBy(15_000, quarters[0]!.start, measuredUntil());
    expect(row.profiled).toBe(formatQuantity(profiled));
    expect(row.status).toBe(`RAG status: ${ragOf(delivered[volunteering]!, profiled)}`);
    const employedRag = ragOf(delivered[employed]!, profiledBy(yearOne[employed]!, quarters[0]!.start, measuredUntil()));
    expect(await ratingShown(page)).toBe(`Rating: ${ratingOf([employedRag, ragOf(delivered[volunteering]!, profiled)])}`);
    const variations = await page.getByRole('table', { name: 'Changes to commitments' }).locator('tbody tr').allInnerTexts();
    expect(variations).toHaveLength(1);
    expect(variations[0]).toContain('Approved');
  });

  it('reminds the supplier of the next report once, by email, and not of the two it has handed in', async () => {
    const { db } = b.testApp.services.database;
    const reminders = (at: Date) => sendReportReminders(db, b.baseUrl, at);
    // Today, the handed-in reports call for no reminder; three days before the next one is due, it does, once.
    await reminders(new Date());
    const nextDue = new Date(`${shift(quarters[2]!.due, { days: -3 })}T08:00:00Z`);
    expect(await reminders(nextDue)).toBeGreaterThan(0);
    expect(await reminders(nextDue)).toBe(0);

    const smtp = await startSmtpServer();
    try {
      const log = { info: () => undefined, error: () => undefined };
      const mailer = createMailer(smtp.url, 'social.value@leics.example', log);
      while ((await deliverPendingMail(db, mailer, log)) > 0) {
        // twenty at a time, until the outbox is empty
      }
      const toSupplier = smtp.messages.filter((m) => m.to.includes(charnwood.email) && m.subject.includes(contract.reference));
      const reminded = toSupplier.filter((m) => m.subject.startsWith('Social value report'));
      expect(reminded).toHaveLength(1);
      expect(reminded[0]!.subject).toBe(
        `Social value report due by ${Number(quarters[2]!.due.slice(8))} ${MONTHS[Number(quarters[2]!.due.slice(5, 7)) - 1]} ${quarters[2]!.due.slice(0, 4)}: ${contract.reference}`,
      );
      expect(reminded[0]!.text).toContain(`Your social value report for ${quarters[2]!.label} is due by`);
      // The query on the first report reached the supplier too, once.
      expect(toSupplier.filter((m) => m.subject === `Question about your ${quarters[0]!.label} report on contract ${contract.reference}`)).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('passes axe (WCAG 2.2 AA) on every page of the journey, with no id used twice', () => {
    expect(serverErrors).toEqual([]);
    expect(checkedPages.length).toBeGreaterThan(80);
    expect(axeProblems, `checked ${checkedPages.length} pages`).toEqual([]);
    expect(duplicateIds).toEqual([]);
  });
});
