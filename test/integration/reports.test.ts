import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measures, reportFiles, reportLines } from '../../src/db/schema/index.js';
import { makeWaitingReportFiles } from '../../src/features/reports/make-report-files.js';
import { renderReportPdf, ReportNotFoundError } from '../../src/features/reports/render-report-pdf.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { headlines, table } from '../helpers/html.js';
import { readPdf, structNodes } from '../helpers/pdf.js';
import { setUpDashboardData } from './dashboard-fixtures.js';
import { setUpReportCaseStudies } from './report-case-studies-fixtures.js';

const silent = { info: () => undefined, error: () => undefined };

/** The tables that the dashboard and a report both show, by caption. */
const SHARED_TABLES = ['Social value by strategic outcome', 'Social value by district', 'Social value by directorate', 'Measures without a proxy value'];

describe.each(databaseKinds)('social value reports on %s', (kind) => {
  let t: TestApp;
  let caseStudyIds: Awaited<ReturnType<typeof setUpReportCaseStudies>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const { db } = t.testDb.database;
    await setUpDashboardData(db);
    // Narratives on lines of dashboard-fixtures.ts: two verified (one per contract), one rejected that must not show.
    const narrate = async (code: string, quantityHundredths: number, status: 'verified' | 'rejected', narrative: string) => {
      const [measure] = await db.select({ id: measures.id }).from(measures).where(eq(measures.code, code));
      await db
        .update(reportLines)
        .set({ narrative })
        .where(and(eq(reportLines.measureId, measure!.id), eq(reportLines.quantityHundredths, quantityHundredths), eq(reportLines.status, status)));
    };
    await narrate('GC01', 20_000, 'verified', 'Our carers gave 200 hours to the lunch clubs in Loughborough and Melton.');
    await narrate('GC08', 500, 'verified', 'Electric vans on the Melton rounds saved five tonnes.');
    await narrate('GC01', 5_000, 'rejected', 'A claim the contract manager rejected.');
    caseStudyIds = await setUpReportCaseStudies(db);
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists a report for each quarter with figures and each financial year', async () => {
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    const list = await viewer.get('/reports');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<h1 class="govuk-heading-l">Social value reports</h1>');
    // the service navigation links to it
    expect(list.body).toMatch(/<a class="govuk-service-navigation__link" href="\/reports" aria-current="true"/);
    expect(table(list.body, 'Annual reports').slice(1)).toEqual([['2025 to 2026', 'April 2025 to March 2026', 'PDF of the report for 2025 to 2026']]);
    expect(table(list.body, 'Quarterly reports').map((row) => row[0])).toEqual([
      'Quarter',
      '2025 to 2026 Q4',
      '2025 to 2026 Q3',
      '2025 to 2026 Q2',
      '2025 to 2026 Q1',
    ]);
    expect(list.body).toContain('href="/reports/quarterly/2025-07-01"');
    expect(list.body).toContain('href="/reports/quarterly/2025-07-01.pdf"');
    expect(list.body).toContain('href="/reports/annual/2025.pdf"');

    expect(await t.testDb.database.db.select().from(reportFiles)).toEqual([]);
  });

  it('lets every council role read the reports, as the dashboard, and refuses suppliers, community organisations and visitors', async () => {
    const { db } = t.testDb.database;
    // a PDF someone asked for, made, so that its status page and download are in the matrix too
    const asked = await (await signedInClient(t.app, 'officer@council.example')).get('/reports/quarterly/2025-10-01.pdf');
    const file = asked.headers.location as string;
    expect(await makeWaitingReportFiles(t.services, silent)).toBe(1);
    const pages: [string, number][] = [
      ['/reports', 200],
      ['/reports/annual/2025', 200],
      ['/reports/quarterly/2025-07-01', 200],
      ['/reports/annual/2025.pdf', 303],
      ['/reports/quarterly/2025-07-01.pdf', 303],
      [file, 200],
      [`${file}/download`, 200],
    ];
    const matrix: [string, boolean][] = [
      ['admin@council.example', true],
      ['officer@council.example', true],
      ['evaluator@council.example', true],
      ['manager@council.example', true],
      ['viewer@council.example', true],
      ['supplier@supplier.example', false],
      ['community@community.example', false],
    ];
    for (const [email, reads] of matrix) {
      const client = await signedInClient(t.app, email);
      // the same rule as the dashboard, whose figures the reports show
      expect((await client.get('/dashboard')).statusCode, `${email} /dashboard`).toBe(reads ? 200 : 403);
      for (const [path, status] of pages) expect((await client.get(path)).statusCode, `${email} ${path}`).toBe(reads ? status : 403);
      // the Reports link is in the navigation of those who may follow it
      expect((await client.get('/')).body.includes('href="/reports"'), `${email} navigation`).toBe(reads);
    }
    for (const [path] of pages) {
      const anonymous = await t.app.inject(path);
      expect(anonymous.statusCode, path).toBe(302);
      expect(anonymous.headers.location).toContain('/sign-in');
    }
    // asking for a PDF is open to the same people; those refused queued nothing
    const queued = await db.select({ requestedBy: reportFiles.requestedBy }).from(reportFiles);
    expect(queued.length).toBeGreaterThan(1);
    await db.delete(reportFiles);
  });

  it('shows the dashboard’s own figures for the same quarter and year', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    for (const [path, from, to, verified] of [
      ['/reports/quarterly/2025-07-01', '2025-07-01', '2025-07-01', '£1,320'],
      ['/reports/annual/2025', '2025-04-01', '2026-01-01', '£3,989.10'],
    ] as const) {
      const dashboard = await officer.get(`/dashboard?from=${from}&to=${to}`);
      const report = await officer.get(path);
      expect(report.statusCode).toBe(200);
      const figures = headlines(report.body);
      expect(figures['Social value verified delivered']).toBe(verified);
      const onDashboard = headlines(dashboard.body);
      const shared = Object.keys(onDashboard).filter((label) => !['Outcome', 'District', 'Directorate', 'From quarter', 'To quarter'].includes(label));
      expect(shared.length).toBeGreaterThanOrEqual(9);
      for (const label of shared) expect(figures[label], `${path}: ${label}`).toBe(onDashboard[label]);
      for (const caption of SHARED_TABLES) expect(table(report.body, caption), `${path}: ${caption}`).toEqual(table(dashboard.body, caption));
      // each chart is drawn on the server, beside the table of its figures
      expect(report.body.match(/<svg class="sv-chart"[^>]*role="img" aria-label="[^"]+"/g)).toHaveLength(4);
    }
  });

  it('shows the trend, the contracts that delivered most and least, compliance and the suppliers’ words', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    const annual = (await officer.get('/reports/annual/2025')).body;
    expect(table(annual, 'Social value by quarter')).toEqual([
      ['Quarter', 'Promised at tender', 'Committed', 'Verified delivered'],
      ['2025 to 2026 Q1', '£3,177.50', '£3,177.50', '£2,669.10'],
      ['2025 to 2026 Q2', '£5,817.50', '£5,817.50', '£1,320'],
      ['2025 to 2026 Q3', '£3,177.50', '£3,177.50', '£0'],
      ['2025 to 2026 Q4', '£8,457.50', '£8,457.50', '£0'],
    ]);
    expect(table(annual, 'Contracts that delivered the most social value')).toEqual([
      ['Contract', 'Title', 'Supplier', 'Due', 'Verified'],
      ['DASH-A', 'A', 'Charnwood Care Services Ltd', '£15,350', '£2,542'],
      ['DASH-B', 'B', 'Midlands Facilities Group plc', '£5,280', '£1,320'],
    ]);
    expect(table(annual, 'Contracts most behind on delivery').map((row) => row.slice(3))).toEqual([
      ['Due', 'Verified', 'Behind by'],
      ['£15,350', '£2,542', '£12,808'],
      ['£5,280', '£1,320', '£3,960'],
    ]);
    expect(headlines(annual)).toMatchObject({ 'With social value criteria': '66.67%', 'Average social value weighting': '12.5%' });
    expect(annual).toContain('“Our carers gave 200 hours to the lunch clubs in Loughborough and Melton.”');
    expect(annual).toContain('GC01 ');
    expect(annual).toContain('“Electric vans on the Melton rounds saved five tonnes.”');
    expect(annual).not.toContain('A claim the contract manager rejected');

    // a quarter: what was due and verified in it alone, and only its own narratives
    const quarter = (await officer.get('/reports/quarterly/2025-07-01')).body;
    expect(table(quarter, 'Contracts that delivered the most social value').slice(1)).toEqual([
      ['DASH-B', 'B', 'Midlands Facilities Group plc', '£2,640', '£1,320'],
    ]);
    expect(quarter).toContain('Electric vans on the Melton rounds');
    expect(quarter).not.toContain('Our carers gave 200 hours');
    expect(quarter).toContain('Social value report, July to September 2025');
  });

  it('shows the latest public case study of each contract that delivered most, with live statistics and a link', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    const caseStudyTitles = (html: string) => {
      const section = html.slice(html.indexOf('<h2 class="govuk-heading-m" id="case-studies-heading">'));
      return [...section.matchAll(/<h3 class="govuk-heading-s">([^<]*)<\/h3>/g)].map((m) => m[1]);
    };
    const annual = (await officer.get('/reports/annual/2025')).body;
    expect(annual).toContain('<a class="govuk-link" href="#case-studies">Case studies</a>');
    // A delivered £2,542 in the year, B £1,320: A's latest first; A's older one, B's draft and withdrawn ones and C's
    // (its contract is not published, and it delivered nothing) are left out
    expect(caseStudyTitles(annual)).toEqual(['Carers at the lunch clubs', 'Electric vans on the Melton rounds']);
    expect(annual).toContain('Summary of Carers at the lunch clubs.');
    expect(annual).toContain(
      'Charnwood Care Services Ltd, contract DASH-A: A. Published 1 February 2026. Verified against its commitments in the period: £2,542.',
    );
    expect(table(annual, 'Statistics of the case study “Electric vans on the Melton rounds”')).toEqual([
      ['Measure', 'Verified delivered', 'Value'],
      [expect.stringMatching(/^GC08 /), '5 tonnes CO2e', '£1,320'],
    ]);
    expect(annual).toContain('Figures last updated 20 December 2025, when delivery was last verified.');
    expect(annual).toContain(`href="http://localhost:3000/transparency/case-studies/${caseStudyIds.latestOfA}"`);
    expect(annual).not.toContain(caseStudyIds.olderOfA);
    expect(annual).not.toContain('The Melton larder');
    expect(annual).not.toContain('about the vans');

    // a quarter shows only the contracts that delivered in it
    expect(caseStudyTitles((await officer.get('/reports/quarterly/2025-07-01')).body)).toEqual(['Electric vans on the Melton rounds']);
    expect(caseStudyTitles((await officer.get('/reports/quarterly/2025-04-01')).body)).toEqual(['Carers at the lunch clubs']);
    const none = (await officer.get('/reports/quarterly/2025-10-01')).body;
    expect(caseStudyTitles(none)).toEqual([]);
    expect(none).toContain('No published case study is about a contract whose delivery was verified in October to December 2025.');
  });

  it('answers a quarter or year without a report with a page that says so', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    for (const [path, reason] of [
      ['/reports/quarterly/2030-01-01', 'There is no quarterly report for January to March 2030 (2029 to 2030 Q4)'],
      ['/reports/quarterly/2024-04-01', 'There is no quarterly report for April to June 2024'],
      ['/reports/quarterly/2025-02-01', '“2025-02-01” is not a quarter.'],
      ['/reports/annual/2030', 'There is no annual report for April 2030 to March 2031'],
      ['/reports/annual/twenty', '“twenty” is not a financial year.'],
      ['/reports/annual/2030.pdf', 'There is no annual report for April 2030 to March 2031'],
      ['/reports/quarterly/2030-01-01.pdf', 'There is no quarterly report for January to March 2030'],
    ]) {
      const response = await officer.get(path!);
      expect(response.statusCode, path).toBe(404);
      expect(response.body).toContain('There is no such report');
      expect(response.body).toContain(reason!);
      expect(response.body).toContain('href="/reports"');
    }
    await expect(renderReportPdf(t.services, { kind: 'quarterly', period: '2030-01-01' })).rejects.toBeInstanceOf(ReportNotFoundError);
    expect(await t.testDb.database.db.select().from(reportFiles)).toEqual([]);
  });

  it('makes the PDF in the background, with a page that shows its progress, then a tagged, accessible PDF', async () => {
    const { db } = t.testDb.database;
    const officer = await signedInClient(t.app, 'officer@council.example');
    const asked = await officer.get('/reports/annual/2025.pdf');
    expect(asked.statusCode).toBe(303);
    const statusPath = asked.headers.location as string;
    expect(statusPath).toMatch(/^\/reports\/files\/[0-9a-f-]{36}$/);
    // asking again while it is being made joins the same file
    expect((await officer.get('/reports/annual/2025.pdf')).headers.location).toBe(statusPath);

    const waiting = await officer.get(statusPath);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.headers.refresh).toBe('2');
    expect(waiting.body).toContain('Making the PDF');
    expect(waiting.body).toContain('0% done: Waiting to start');
    expect(waiting.body).toMatch(/<progress[^>]*max="100" value="0"/);

    expect(await makeWaitingReportFiles(t.services, silent)).toBe(1);
    const ready = await officer.get(statusPath);
    expect(ready.headers.refresh).toBeUndefined();
    expect(ready.body).toContain('Your PDF is ready');
    const download = `${statusPath}/download`;
    expect(ready.body).toContain(`href="${download}"`);

    const file = await officer.get(download);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename="social-value-report-2025-to-2026.pdf"');
    const pdf = await readPdf(file.rawPayload);
    expect(pdf.catalog).toEqual({ marked: true, lang: 'en-GB', displayDocTitle: true, hasStructTreeRoot: true });
    expect(pdf.title).toBe('Annual social value report, 2025 to 2026');
    const nodes = structNodes(pdf.structure);
    const count = (role: string) => nodes.filter((n) => n.role === role).length;
    expect(count('H1')).toBe(1);
    expect(count('H2')).toBe(11);
    expect(count('Table')).toBeGreaterThanOrEqual(10);
    expect(count('TH')).toBeGreaterThan(20);
    const figures = nodes.filter((n) => n.role === 'Figure');
    expect(figures).toHaveLength(4);
    for (const figure of figures) expect(figure.alt).toMatch(/^(Bar|Line) chart of social value .*The same figures are in the table that follows\.$/);
    expect(nodes.filter((n) => n.role === 'BlockQuote')).toHaveLength(2);
    // real, selectable text, with the dashboard's headline figure for the year
    const dashboard = headlines((await officer.get('/dashboard?from=2025-04-01&to=2026-01-01')).body);
    expect(pdf.text).toContain(`Social value verified delivered ${dashboard['Social value verified delivered']}`);
    expect(pdf.text).toContain('£3,989.10');
    expect(pdf.text).toContain('Electric vans on the Melton rounds saved five tonnes.');
    // the case studies, with their statistics and the address of their public page
    expect(pdf.text).toContain('Case studies');
    expect(pdf.text).toContain('Carers at the lunch clubs');
    expect(pdf.text).toContain('Summary of Electric vans on the Melton rounds.');
    expect(pdf.text).toContain(`http://localhost:3000/transparency/case-studies/${caseStudyIds.ofB}`);
    expect(pdf.text).not.toContain('Lunch clubs in Charnwood');

    const events = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityTable, 'report_files'));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'Asked for the PDF of the Annual social value report, 2025 to 2026',
        'Downloaded the PDF of the Annual social value report, 2025 to 2026',
      ]),
    );
  });

  it('tells each step of making a PDF as it goes, and a PDF that cannot be made says so', async () => {
    const steps: [string, number][] = [];
    const { pdf } = await renderReportPdf(
      t.services,
      { kind: 'quarterly', period: '2025-04-01' },
      { onProgress: (step, percent) => void steps.push([step, percent]) },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(steps[0]).toEqual(['Reading the figures', 10]);
    expect(steps.map(([step]) => step)).toContain('Drawing “Headline figures”');
    expect(steps.length).toBeGreaterThan(5);
    const percents = steps.map(([, percent]) => percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));

    const { db } = t.testDb.database;
    const [gone] = await db.insert(reportFiles).values({ kind: 'annual', period: '2040', producedOn: '2026-01-01' }).returning({ id: reportFiles.id });
    expect(await makeWaitingReportFiles(t.services, silent)).toBe(0);
    const officer = await signedInClient(t.app, 'officer@council.example');
    const page = await officer.get(`/reports/files/${gone!.id}`);
    expect(page.body).toContain('The PDF could not be made');
    expect(page.body).toContain('There is no such report.');
    expect((await officer.get(`/reports/files/${gone!.id}/download`)).statusCode).toBe(303);
    expect((await officer.get('/reports/files/not-a-file')).statusCode).toBe(404);
  });

  it('makes each PDF once when several workers look at the same time', async () => {
    const manager = await signedInClient(t.app, 'manager@council.example');
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    await manager.get('/reports/quarterly/2025-04-01.pdf');
    await viewer.get('/reports/quarterly/2025-04-01.pdf');
    await viewer.get('/reports/quarterly/2025-10-01.pdf');
    const made = await Promise.all([makeWaitingReportFiles(t.services, silent), makeWaitingReportFiles(t.services, silent)]);
    expect(made[0]! + made[1]!).toBe(3);
    const files = await t.testDb.database.db
      .select({ status: reportFiles.status, attempts: reportFiles.attempts })
      .from(reportFiles)
      .where(eq(reportFiles.status, 'ready'));
    expect(files.every((f) => f.attempts === 1)).toBe(true);
  });
});
