import { asc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  auditEvents,
  frameworkVersions,
  mailOutbox,
  measures,
  organisations,
  outcomes,
  requirements,
  tenderMeasures,
  tenderQuestions,
  users,
} from '../../src/db/schema/index.js';
import { demoUsers } from '../../src/seed/demo.js';
import { signedInClient, type TestApp } from '../helpers/app.js';
import { createTender } from '../integration/bids-fixtures.js';
import { completeSetup, createDraft, insertRequirement } from '../integration/tenders-fixtures.js';
import {
  describeInBrowser,
  expectHeading,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJavaScript,
  expectReflowAt320,
  startBrowserTest,
  type BrowserTest,
  type Visitor,
} from '../helpers/browser.js';

/** Something done on a page before it is checked; returns the HTTP status of the page it leads to. */
interface Action {
  name: string;
  run(page: Page): Promise<number>;
}

interface PageCheck {
  as: Visitor;
  /** the address; each ':name' in it is filled in from `records` below */
  path: string;
  /** the page's h1 */
  heading: string;
  /** the HTTP status of the page; 200 unless given */
  status?: number;
  act?: Action;
  /** false: check the page in a browser with JavaScript turned off */
  javaScript?: false;
}

const ADMIN = 'admin@council.example';
const OFFICER = 'officer@council.example';
const VIEWER = 'viewer@council.example';
const SUPPLIER = 'supplier@supplier.example';
const COMMUNITY = 'community@community.example';
const COUNCIL = 'Leicestershire County Council';
const SUPPLIER_ORGANISATION = 'Charnwood Care Services Ltd';
/** The dashboard's heading is the user's organisation. */
/** The first demo user with each role. */
const oneUserPerRole = demoUsers.filter((user, i) => demoUsers.findIndex((other) => other.roles[0] === user.roles[0]) === i);
const FORBIDDEN = 'You do not have permission to see this page';
const INVITEE = 'new.starter@council.example';
/** a requirement in the demo data */
const HOME_CARE = 'Home care support for adults in Charnwood';

/** Submits the form in the page's main content, and returns the status of the page that comes back. */
async function submitMainForm(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()),
    page.locator('main form button[type="submit"]').first().click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

const submitted: Action = { name: 'submitted as it is', run: submitMainForm };

const uploading = (fileName: string, content: string): Action => ({
  name: `uploading ${fileName}`,
  run: async (page) => {
    await page.locator('main input[type="file"]').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(content) });
    return submitMainForm(page);
  },
});

const filledIn = (fields: Record<string, string>): Action => ({
  name: `filled in (${Object.keys(fields).join(', ')})`,
  run: async (page) => {
    for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
    return submitMainForm(page);
  },
});

/** The records that pages are about, each found or made (through the app, as an admin would) when first needed. */
const records: Record<string, (t: TestApp, record: (name: string) => Promise<string>) => Promise<string>> = {
  firstAuditEvent: async (t) => {
    const [event] = await t.services.database.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).limit(1);
    return String(event!.id);
  },
  activeVersion: async (t) => {
    const [version] = await t.services.database.db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
    return version!.id;
  },
  activeMeasure: async (t, record) => firstMeasure(t, await record('activeVersion')),
  draftVersion: async (t) => {
    const response = await (await signedInClient(t.app, ADMIN)).post('/framework/drafts');
    return /^\/framework\/([0-9a-f-]{36})/.exec(String(response.headers.location))![1]!;
  },
  draftMeasure: async (t, record) => firstMeasure(t, await record('draftVersion')),
  draftOutcome: async (t, record) => {
    const [outcome] = await t.services.database.db
      .select({ id: outcomes.id })
      .from(outcomes)
      .where(eq(outcomes.versionId, await record('draftVersion')))
      .orderBy(asc(outcomes.code))
      .limit(1);
    return outcome!.id;
  },
  viewerUser: async (t) => {
    const [user] = await t.services.database.db.select({ id: users.id }).from(users).where(eq(users.email, VIEWER));
    return user!.id;
  },
  supplierOrganisation: async (t) => {
    const [organisation] = await t.services.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, SUPPLIER_ORGANISATION));
    return organisation!.id;
  },
  homeCareRequirement: async (t) => {
    const [requirement] = await t.services.database.db.select({ id: requirements.id }).from(requirements).where(eq(requirements.title, HOME_CARE));
    return requirement!.id;
  },
  /** a draft tender for a requirement ready to tender, set up in full through its pages by the demo officer */
  draftTender: async (t) => {
    const { db } = t.services.database;
    const officer = await signedInClient(t.app, OFFICER);
    const tenderId = await createDraft(officer, (await insertRequirement(db)).id);
    await completeSetup(db, officer, tenderId);
    return tenderId;
  },
  /** a tender published to the demo supplier, with three measures and two questions */
  publishedTender: async (t) => (await createTender(t.services.database.db)).id,
  publishedTenderMeasure: async (t, record) => {
    const [measure] = await t.services.database.db
      .select({ id: tenderMeasures.measureId })
      .from(tenderMeasures)
      .innerJoin(measures, eq(measures.id, tenderMeasures.measureId))
      .where(eq(tenderMeasures.tenderId, await record('publishedTender')))
      .orderBy(asc(measures.code))
      .limit(1);
    return measure!.id;
  },
  publishedTenderQuestion: async (t, record) => {
    const [question] = await t.services.database.db
      .select({ id: tenderQuestions.id })
      .from(tenderQuestions)
      .where(eq(tenderQuestions.tenderId, await record('publishedTender')))
      .orderBy(asc(tenderQuestions.position))
      .limit(1);
    return question!.id;
  },
  /** the token in the link emailed to someone an admin has just invited */
  invitationToken: async (t) => {
    const admin = await signedInClient(t.app, ADMIN);
    const [council] = await t.services.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, COUNCIL));
    await admin.get('/admin/users/invite');
    await admin.post('/admin/users/invite', { name: 'Nia Starter', email: INVITEE, organisation: council!.id, roles: 'viewer' });
    const [mail] = await t.services.database.db.select({ text: mailOutbox.text }).from(mailOutbox).where(eq(mailOutbox.to, INVITEE));
    return /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
  },
};

async function firstMeasure(t: TestApp, versionId: string): Promise<string> {
  const [measure] = await t.services.database.db
    .select({ id: measures.id })
    .from(measures)
    .where(eq(measures.versionId, versionId))
    .orderBy(asc(measures.code))
    .limit(1);
  return measure!.id;
}

// Every page of the service, as each kind of visitor sees it; checked in this order. Adding a page is one line.
const pages: PageCheck[] = [
  { as: 'anonymous', path: '/', heading: 'Social value in Leicestershire’s contracts' },
  { as: 'anonymous', path: '/sign-in', heading: 'Sign in' },
  { as: 'anonymous', path: '/sign-in', heading: 'Sign in', act: submitted, status: 400 },
  { as: 'anonymous', path: '/sign-in', heading: 'Sign in', javaScript: false },
  { as: 'anonymous', path: '/sign-in', heading: 'Sign in', act: submitted, status: 400, javaScript: false },
  { as: 'anonymous', path: '/about', heading: 'About this service' },
  { as: 'anonymous', path: '/accessibility', heading: 'Accessibility statement' },
  { as: 'anonymous', path: '/status', heading: 'Service status' },
  { as: 'anonymous', path: '/no-such-page', heading: 'Page not found', status: 404 },
  { as: 'anonymous', path: '/invitations/:invitationToken', heading: 'Set your password' },
  { as: 'anonymous', path: '/invitations/:invitationToken', heading: 'Set your password', act: submitted, status: 400 },
  { as: 'anonymous', path: '/invitations/:invitationToken', heading: 'Set your password', act: submitted, status: 400, javaScript: false },
  { as: 'anonymous', path: `/invitations/${'A'.repeat(43)}`, heading: 'This invitation link does not work', status: 404 },
  ...oneUserPerRole.map((user): PageCheck => ({ as: user.email, path: '/', heading: 'What is waiting for you' })),
  { as: ADMIN, path: '/', heading: 'What is waiting for you', javaScript: false },
  { as: SUPPLIER, path: '/admin/users', heading: FORBIDDEN, status: 403 },
  { as: COMMUNITY, path: '/framework', heading: FORBIDDEN, status: 403 },
  { as: VIEWER, path: '/thresholds/new', heading: FORBIDDEN, status: 403 },
  { as: VIEWER, path: '/framework', heading: 'Framework of outcomes and measures' },
  { as: VIEWER, path: '/framework/:activeVersion', heading: 'Leicestershire social value framework' },
  { as: VIEWER, path: '/framework/:activeVersion/measures/:activeMeasure', heading: 'AH01: Affordable homes delivered' },
  { as: ADMIN, path: '/framework/import', heading: 'Import a framework' },
  { as: ADMIN, path: '/framework/import', heading: 'Import a framework', act: submitted, status: 400 },
  { as: ADMIN, path: '/framework/import', heading: 'Import a framework', act: uploading('framework.csv', 'not,a,framework\n1,2,3\n'), status: 400 },
  { as: ADMIN, path: '/framework/:draftVersion', heading: 'Leicestershire social value framework' },
  { as: ADMIN, path: '/framework/:draftVersion/edit', heading: 'Name and notes' },
  { as: ADMIN, path: '/framework/:draftVersion/activate', heading: 'Activate version 2?' },
  { as: ADMIN, path: '/framework/:draftVersion/delete', heading: 'Delete draft version 2?' },
  { as: ADMIN, path: '/framework/:draftVersion/outcomes/new', heading: 'Add an outcome' },
  { as: ADMIN, path: '/framework/:draftVersion/outcomes/new', heading: 'Add an outcome', act: submitted, status: 400 },
  { as: ADMIN, path: '/framework/:draftVersion/outcomes/:draftOutcome/edit', heading: 'Change outcome AH' },
  { as: ADMIN, path: '/framework/:draftVersion/outcomes/:draftOutcome/delete', heading: 'Outcome AH cannot be deleted', status: 409 },
  { as: ADMIN, path: '/framework/:draftVersion/measures/new', heading: 'Add a measure' },
  { as: ADMIN, path: '/framework/:draftVersion/measures/new', heading: 'Add a measure', act: submitted, status: 400 },
  { as: ADMIN, path: '/framework/:draftVersion/measures/:draftMeasure', heading: 'AH01: Affordable homes delivered' },
  { as: ADMIN, path: '/framework/:draftVersion/measures/:draftMeasure/edit', heading: 'Change measure AH01' },
  { as: ADMIN, path: '/framework/:draftVersion/measures/:draftMeasure/delete', heading: 'Delete measure AH01: Affordable homes delivered?' },
  { as: VIEWER, path: '/thresholds', heading: 'Thresholds' },
  { as: VIEWER, path: '/thresholds/check', heading: 'Check a contract value' },
  { as: VIEWER, path: '/thresholds/check', heading: 'Check a contract value', act: filledIn({ 'Contract value': 'a lot' }), status: 400 },
  { as: VIEWER, path: '/thresholds/check?value=250000&vat=no&day=1&month=4&year=2025', heading: 'Check a contract value' },
  { as: ADMIN, path: '/thresholds/new', heading: 'Add a threshold' },
  { as: ADMIN, path: '/thresholds/new', heading: 'Add a threshold', act: submitted, status: 400 },
  { as: ADMIN, path: '/thresholds/new', heading: 'Add a threshold', act: submitted, status: 400, javaScript: false },
  { as: ADMIN, path: '/admin/users', heading: 'Users' },
  { as: ADMIN, path: '/admin/users/invite', heading: 'Invite a user' },
  { as: ADMIN, path: '/admin/users/invite', heading: 'Invite a user', act: submitted, status: 400 },
  { as: ADMIN, path: '/admin/users/:viewerUser', heading: 'Vic Osei' },
  { as: ADMIN, path: '/admin/users/:viewerUser/edit', heading: 'Change name or roles' },
  { as: ADMIN, path: '/admin/users/:viewerUser/deactivate', heading: "Are you sure you want to deactivate Vic Osei's account?" },
  { as: ADMIN, path: '/admin/organisations', heading: 'Organisations' },
  { as: ADMIN, path: '/admin/organisations/new', heading: 'Add an organisation' },
  { as: ADMIN, path: '/admin/organisations/new', heading: 'Add an organisation', act: submitted, status: 400 },
  { as: ADMIN, path: '/admin/organisations/:supplierOrganisation', heading: SUPPLIER_ORGANISATION },
  { as: ADMIN, path: '/admin/organisations/:supplierOrganisation/edit', heading: `Change ${SUPPLIER_ORGANISATION}` },
  { as: SUPPLIER, path: '/requirements', heading: FORBIDDEN, status: 403 },
  { as: OFFICER, path: '/requirements', heading: 'Requirements' },
  { as: OFFICER, path: '/requirements/new', heading: 'Add a requirement' },
  { as: OFFICER, path: '/requirements/new', heading: 'Add a requirement', act: submitted, status: 400 },
  { as: OFFICER, path: '/requirements/new', heading: 'Add a requirement', act: submitted, status: 400, javaScript: false },
  { as: OFFICER, path: '/requirements/:homeCareRequirement', heading: HOME_CARE },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/edit', heading: 'Change requirement 1' },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/cancel', heading: `Are you sure you want to cancel ${HOME_CARE}?` },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/assessment', heading: 'Social value opportunity assessment' },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/assessment/shaping', heading: 'How the requirement could be shaped' },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/assessment/outcomes', heading: 'Strategic outcomes it can serve' },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/assessment/measures', heading: 'Measures to ask bidders for' },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/assessment/cost', heading: 'Cost to suppliers' },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/assessment/check', heading: 'Social value opportunity assessment answers' },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/engagement', heading: 'Stakeholder engagement log' },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/engagement', heading: 'Stakeholder engagement log', act: submitted, status: 400 },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/hia', heading: 'Health impact assessment screening' },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/hia/answers', heading: 'Screen the requirement for health impacts' },
  { as: OFFICER, path: '/requirements/:homeCareRequirement/hia/answers', heading: 'Screen the requirement for health impacts', act: submitted, status: 400 },
  { as: OFFICER, path: '/tenders', heading: 'Tenders' },
  { as: OFFICER, path: '/tenders/:draftTender', heading: 'Home care for older people 1' },
  { as: OFFICER, path: '/tenders/:draftTender/title', heading: 'Title of the tender' },
  { as: OFFICER, path: '/tenders/:draftTender/weighting', heading: 'Social value weighting' },
  { as: OFFICER, path: '/tenders/:draftTender/method', heading: 'Quantitative scoring method' },
  { as: OFFICER, path: '/tenders/:draftTender/scale', heading: 'Scoring scale for answers' },
  { as: OFFICER, path: '/tenders/:draftTender/closing', heading: 'Closing date and time' },
  { as: OFFICER, path: '/tenders/:draftTender/risk-share', heading: 'Risk flag' },
  { as: OFFICER, path: '/tenders/:draftTender/suppliers', heading: 'Invited suppliers' },
  { as: OFFICER, path: '/tenders/:draftTender/evaluators', heading: 'Evaluators' },
  { as: OFFICER, path: '/tenders/:draftTender/questions', heading: 'Questions' },
  { as: OFFICER, path: '/tenders/:draftTender/questions/new', heading: 'Add a question' },
  { as: OFFICER, path: '/tenders/:draftTender/questions/new', heading: 'Add a question', act: submitted, status: 400 },
  { as: OFFICER, path: '/tenders/:draftTender/measures', heading: 'Measures bidders may commit to' },
  { as: OFFICER, path: '/tenders/:draftTender/publish', heading: 'Check the tender before you publish it' },
  { as: OFFICER, path: '/tenders/:draftTender/close', heading: 'Bidding for tender 1 cannot be closed early', status: 409 },
  { as: SUPPLIER, path: '/supplier/tenders', heading: 'Your tenders' },
  { as: OFFICER, path: '/tenders/:publishedTender', heading: 'Home care in Charnwood' },
  { as: SUPPLIER, path: '/supplier/tenders/:publishedTender', heading: 'Your bid' },
  { as: SUPPLIER, path: '/supplier/tenders/:publishedTender/details', heading: 'Bid price and consortium' },
  { as: SUPPLIER, path: '/supplier/tenders/:publishedTender/details', heading: 'Bid price and consortium', act: submitted, status: 400 },
  {
    as: SUPPLIER,
    path: '/supplier/tenders/:publishedTender/commitments/:publishedTenderMeasure',
    heading: 'GC01: Staff volunteering hours in Leicestershire communities',
  },
  {
    as: SUPPLIER,
    path: '/supplier/tenders/:publishedTender/commitments/:publishedTenderMeasure',
    heading: 'GC01: Staff volunteering hours in Leicestershire communities',
    act: submitted,
    status: 400,
  },
  { as: SUPPLIER, path: '/supplier/tenders/:publishedTender/answers/:publishedTenderQuestion', heading: 'Question 1: How will you recruit local people?' },
  { as: SUPPLIER, path: '/supplier/tenders/:publishedTender/check', heading: 'Check your bid before you submit it' },
  { as: SUPPLIER, path: '/supplier/tenders/:publishedTender/details', heading: 'Bid price and consortium', act: submitted, status: 400, javaScript: false },
  { as: VIEWER, path: '/contracts', heading: 'Contracts' },
  { as: OFFICER, path: '/contracts/import', heading: 'Import contracts from a register' },
  { as: OFFICER, path: '/contracts/import', heading: 'Import contracts from a register', act: submitted, status: 400 },
  { as: ADMIN, path: '/admin/settings', heading: 'Settings' },
  { as: ADMIN, path: '/admin/jobs', heading: 'Background jobs' },
  { as: ADMIN, path: '/admin/audit', heading: 'Audit trail' },
  { as: ADMIN, path: '/admin/audit?from-day=31&from-month=2&from-year=2026', heading: 'Audit trail', status: 400 },
  { as: ADMIN, path: '/admin/audit/:firstAuditEvent', heading: 'Loaded demo data' },
  { as: ADMIN, path: '/no-such-page', heading: 'Page not found', status: 404 },
];

describeInBrowser('accessibility in Chromium (axe, WCAG 2.2 AA)', () => {
  let b: BrowserTest;
  const found = new Map<string, Promise<string>>();
  const record = (name: string): Promise<string> => {
    const find = records[name];
    if (!find) throw new Error(`No record called :${name}: add it to records`);
    if (!found.has(name)) found.set(name, find(b.testApp, record));
    return found.get(name)!;
  };

  beforeAll(async () => {
    b = await startBrowserTest();
  });
  afterAll(async () => b?.close());

  for (const check of pages) {
    const withoutJs = check.javaScript === false;
    it(`${check.as}${withoutJs ? ' without JavaScript' : ''}: ${check.path}${check.act ? `, ${check.act.name}` : ''}`, async () => {
      const page = await b.pageFor(check.as, { javaScript: !withoutJs });
      let path = check.path;
      for (const [placeholder, name] of check.path.matchAll(/:(\w+)/g)) path = path.replace(placeholder, await record(name!));
      const response = await page.goto(path);
      const status = check.act ? await check.act.run(page) : response?.status();

      expect(status).toBe(check.status ?? 200);
      await expectHeading(page, check.heading);
      expect(await page.locator('body').getAttribute('class')).toMatch(withoutJs ? /^(?!.*js-enabled)/ : /js-enabled/);
      if (status === 400) {
        expect(await page.title()).toMatch(/^Error: /);
        expect(await page.locator('.govuk-error-summary').isVisible()).toBe(true);
      }
      if (withoutJs) await expectNoAxeViolationsWithoutJavaScript(page);
      else await expectNoAxeViolations(page);
      await expectReflowAt320(page);
    });
  }

  it("shows the council's own header and colours, not GOV.UK's: its name, council green, no crown, a system font", async () => {
    const page = await b.pageFor('anonymous');
    await page.goto('/');
    const header = page.locator('.govuk-generic-header');
    expect((await header.textContent())?.trim()).toBe(COUNCIL);
    expect(await header.evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).backgroundColor)).toBe('rgb(0, 89, 79)');
    expect(await page.locator('header svg, footer svg, .govuk-header__logotype').count()).toBe(0);
    expect(await page.locator('h1').evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).fontFamily)).toMatch(/^system-ui,/);
  });

  it('catches a violation, with and without JavaScript, and content too wide at 320 pixels (so a clean result above means something)', async () => {
    const addUnlabelledField = (page: Page) => page.locator('main').evaluate((main) => main.insertAdjacentHTML('beforeend', '<input id="unlabelled">'));
    const violation = /label \(critical\): Form elements must have labels\n {4}#unlabelled/;
    const withJs = await b.pageFor('anonymous');
    await withJs.goto('/about');
    await addUnlabelledField(withJs);
    await expect(expectNoAxeViolations(withJs)).rejects.toThrow(violation);
    await withJs.locator('main').evaluate((main) => {
      const wide = main.ownerDocument.createElement('p');
      wide.id = 'too-wide';
      wide.style.width = '600px';
      main.append(wide);
    });
    await expect(expectReflowAt320(withJs)).rejects.toThrow(/320 CSS pixels .*: p#too-wide$/);

    const withoutJs = await b.pageFor('anonymous', { javaScript: false });
    await withoutJs.goto('/about');
    await addUnlabelledField(withoutJs);
    await expect(expectNoAxeViolationsWithoutJavaScript(withoutJs)).rejects.toThrow(violation);
  });
});
