import { and, desc, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, caseStudies, caseStudyImages, contracts, reportLines, users } from '../../src/db/schema/index.js';
import { formatDate } from '../../src/domain/dates.js';
import { formatPounds } from '../../src/domain/money.js';
import { formatQuantity } from '../../src/domain/quantity.js';
import { commitmentFigures } from '../../src/features/summaries/read.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { readPdf, structNodes } from '../helpers/pdf.js';
import { image } from '../helpers/evidence-files.js';
import { databaseData } from './database-fixtures.js';
import { insertSubmittedReport } from './verification-fixtures.js';

type Data = Awaited<ReturnType<typeof databaseData>>;

const STORY = [
  '## A day of planting',
  'Our volunteers planted 40 trees along the canal in Loughborough with pupils from two schools.',
  '<script>alert("story")</script>',
  '<img src="x" onerror="alert(1)">',
  '[a link](javascript:alert(2))',
].join('\n\n');

const idFrom = (location: unknown) => /\/case-studies\/([0-9a-f-]{36})/.exec(String(location))![1]!;

describe.each(databaseKinds)('case studies on %s', (kind) => {
  let t: TestApp;
  let data: Data;
  let supplier: Client;
  let officer: Client;
  let anonymous: Client;
  let caseStudyId: string;

  const db = () => t.services.database.db;
  const draft = (client: Client, contract: string, fields: Record<string, string | string[]> = {}) =>
    client.post('/case-studies', {
      contract,
      title: 'Trees for the canal',
      summary: 'Volunteers from Charnwood Care planted trees with local schools.',
      story: STORY,
      outcomes: ['GC'],
      districts: ['Charnwood'],
      ...fields,
    });
  const statusOf = async (id: string) => (await db().select({ status: caseStudies.status }).from(caseStudies).where(eq(caseStudies.id, id)))[0]!.status;

  beforeAll(async () => {
    t = await createTestApp(kind);
    data = await databaseData(db(), { publishFirst: true });
    supplier = await signedInClient(t.app, 'supplier@supplier.example');
    officer = await signedInClient(t.app, 'officer@council.example');
    anonymous = new Client(t.app);
  });
  afterAll(async () => t?.close());

  it('lets a supplier draft a case study of its own contract, choosing it from its own contracts', async () => {
    const form = await supplier.get('/case-studies/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(data.first.reference);
    expect(form.body).not.toContain(data.second.reference);
    const created = await draft(supplier, data.first.reference);
    expect(created.statusCode).toBe(303);
    caseStudyId = idFrom(created.headers.location);
    const page = await supplier.get(`/case-studies/${caseStudyId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Trees for the canal');
    expect(page.body).toContain('Draft');
  });

  it('refuses a supplier a case study of another organisation’s contract, and hides other suppliers’ case studies', async () => {
    const before = (await db().select({ id: caseStudies.id }).from(caseStudies)).length;
    const refused = await draft(supplier, data.second.reference, { title: 'Not ours' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Choose one of your organisation’s contracts');
    expect(refused.body).toContain('value="Not ours"'); // what was typed is kept
    expect((await db().select({ id: caseStudies.id }).from(caseStudies)).length).toBe(before);

    const other = await signedInClient(t.app, 'supplier2@midlands.example');
    expect((await other.get(`/case-studies/${caseStudyId}`)).statusCode).toBe(404);
    expect((await other.post(`/case-studies/${caseStudyId}/quotes`, { quote: 'x', attribution: 'y' })).statusCode).toBe(404);
    expect((await other.get('/case-studies')).body).not.toContain('Trees for the canal');
    // a viewer reads case studies but may not draft them
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    expect((await viewer.get(`/case-studies/${caseStudyId}`)).statusCode).toBe(200);
    expect((await draft(viewer, data.first.reference)).statusCode).toBe(403);
  });

  it('names each field that is missing, keeping what was typed', async () => {
    // started from a contract's page, the form names the contract
    const contractPage = await officer.get(`/contracts/${data.first.id}`);
    expect(contractPage.body).toContain(`/case-studies/new?contract=${data.first.id}`);
    expect((await officer.get(`/case-studies/new?contract=${data.first.id}`)).body).toContain(`value="${data.first.reference}"`);
    const response = await draft(officer, 'NO-SUCH-REF', { title: '', story: 'Kept story', outcomes: [] });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is no contract with the reference NO-SUCH-REF');
    expect(response.body).toContain('Enter a title');
    expect(response.body).toContain('Select at least one strategic outcome the case study shows');
    expect(response.body).toContain('Kept story');
  });

  it('refuses an image without alt text, naming the field, and a file that is not an image', async () => {
    const png = await image('png');
    const noAlt = await supplier.upload(
      `/case-studies/${caseStudyId}/images`,
      { altText: '  ' },
      { field: 'image', name: 'trees.png', type: 'image/png', content: png },
    );
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('Enter alt text: describe what the image shows for people who cannot see it');
    expect(noAlt.body).toContain('href="#altText"');

    const notImage = await supplier.upload(
      `/case-studies/${caseStudyId}/images`,
      { altText: 'A chart' },
      { field: 'image', name: 'chart.png', type: 'image/png', content: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' },
    );
    expect(notImage.statusCode).toBe(400);
    expect(notImage.body).toContain('chart.png is not an image that can be accepted: upload a PNG, JPEG, GIF or WebP image');
    expect(notImage.body).toContain('value="A chart"');

    const broken = await supplier.upload(
      `/case-studies/${caseStudyId}/images`,
      { altText: 'Broken' },
      { field: 'image', name: 'cut.png', type: 'image/png', content: png.subarray(0, 60) },
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('cut.png could not be opened as a PNG image');
    expect(await db().select().from(caseStudyImages).where(eq(caseStudyImages.caseStudyId, caseStudyId))).toHaveLength(0);

    const added = await supplier.upload(
      `/case-studies/${caseStudyId}/images`,
      { altText: 'Pupils planting a young oak by the canal' },
      { field: 'image', name: 'trees.png', type: 'image/png', content: png },
    );
    expect(added.statusCode).toBe(303);
    const [stored] = await db().select().from(caseStudyImages).where(eq(caseStudyImages.caseStudyId, caseStudyId));
    expect(stored).toMatchObject({ contentType: 'image/png', altText: 'Pupils planting a young oak by the canal', sizeBytes: png.length });
    const served = await supplier.get(`/case-studies/${caseStudyId}/images/${stored!.id}`);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);
  });

  it('adds quotes, and needs both the words and who said them', async () => {
    const missing = await supplier.post(`/case-studies/${caseStudyId}/quotes`, { quote: 'It brought the street together.', attribution: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter who said it');
    expect(missing.body).toContain('It brought the street together.');
    expect(
      (await supplier.post(`/case-studies/${caseStudyId}/quotes`, { quote: 'It brought the street together.', attribution: 'A parent at the school' }))
        .statusCode,
    ).toBe(303);
  });

  it('goes for review only with statistics, is published only by an officer, and audits every step', async () => {
    const noStatistics = await supplier.post(`/case-studies/${caseStudyId}/steps/submit`);
    expect(noStatistics.statusCode).toBe(400);
    expect(noStatistics.body).toContain('Choose at least one commitment for the statistics');

    // a commitment of another contract is not taken
    await supplier.post(`/case-studies/${caseStudyId}/statistics`, { commitments: [data.first.commitmentIds[0]!, data.second.commitmentIds[0]!] });
    expect((await supplier.post(`/case-studies/${caseStudyId}/steps/submit`)).statusCode).toBe(303);
    expect(await statusOf(caseStudyId)).toBe('in_review');
    // in review, it cannot be changed
    expect((await supplier.post(`/case-studies/${caseStudyId}/edit`, { title: 'Changed' })).statusCode).toBe(303);
    expect((await db().select({ title: caseStudies.title }).from(caseStudies).where(eq(caseStudies.id, caseStudyId)))[0]!.title).toBe('Trees for the canal');

    expect((await supplier.post(`/case-studies/${caseStudyId}/steps/publish`)).statusCode).toBe(403);
    const admin = await signedInClient(t.app, 'admin@council.example');
    expect((await admin.post(`/case-studies/${caseStudyId}/steps/publish`)).statusCode).toBe(403);
    expect(await statusOf(caseStudyId)).toBe('in_review');

    expect((await officer.get('/')).body).toMatch(/1<\/span> case study to review/);
    expect((await officer.post(`/case-studies/${caseStudyId}/steps/publish`)).statusCode).toBe(303);
    expect(await statusOf(caseStudyId)).toBe('published');

    const actions = await db()
      .select({ action: auditEvents.action, actorLabel: auditEvents.actorLabel })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'case_studies'), eq(auditEvents.entityId, caseStudyId)))
      .orderBy(auditEvents.id);
    expect(actions.map((a) => a.action)).toEqual([
      'Drafted case study “Trees for the canal” about contract ' + data.first.reference,
      'Added image trees.png to case study “Trees for the canal”',
      'Added a quote to case study “Trees for the canal”',
      'Chose the statistics of case study “Trees for the canal”',
      'Sent case study for review “Trees for the canal”',
      'Published case study “Trees for the canal”',
    ]);
  });

  it('shows live figures equal to the summaries, updated with each verification, and when they last changed', async () => {
    const commitmentId = data.first.commitmentIds[0]!;
    const read = async () => (await commitmentFigures(db(), [commitmentId])).get(commitmentId)!;
    const before = await read();
    const page = await anonymous.get(`/transparency/case-studies/${caseStudyId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${formatQuantity(before.verifiedHundredths)} <span class="govuk-body-s">`);
    expect(page.body).toContain(formatPounds(before.verifiedPence));
    expect(page.body).toContain(`Figures last updated ${formatDate('2025-08-01')}`);
    // only the chosen commitment of this contract is shown, never the other contract's
    expect(page.body.match(/<tr class="govuk-table__row">\s*<th scope="row" class="govuk-table__header govuk-!-font-weight-regular">/g)).toHaveLength(1);

    // a new verification moves the figures and their date
    const report = await insertSubmittedReport(db(), data.first.id, { periodStart: '2025-10-01', periodEnd: '2025-12-31' }, [
      { commitmentId, measureId: data.first.measures.valued.id, quantityHundredths: 3_300 },
    ]);
    await db()
      .update(reportLines)
      .set({ status: 'verified', decidedAt: new Date('2026-02-03T11:00:00Z') })
      .where(inArray(reportLines.id, report.lineIds));
    const after = await read();
    expect(after.verifiedHundredths).toBe(before.verifiedHundredths + 3_300);
    const updated = await anonymous.get(`/transparency/case-studies/${caseStudyId}`);
    expect(updated.body).toContain(`${formatQuantity(after.verifiedHundredths)} <span class="govuk-body-s">`);
    expect(updated.body).toContain(formatPounds(after.verifiedPence));
    expect(updated.body).toContain(`Figures last updated ${formatDate('2026-02-03')}`);
  });

  it('prints as a tagged PDF with the same live figures, and nobody’s name', async () => {
    const response = await anonymous.get(`/transparency/case-studies/${caseStudyId}/case-study.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(response.rawPayload);
    expect(pdf.catalog).toMatchObject({ marked: true, lang: 'en-GB', displayDocTitle: true, hasStructTreeRoot: true });
    expect(pdf.title).toBe('Trees for the canal');
    const roles = structNodes(pdf.structure).map((n) => n.role);
    for (const role of ['H1', 'H2', 'P', 'Table', 'TH']) expect(roles).toContain(role);
    const figures = (await commitmentFigures(db(), [data.first.commitmentIds[0]!])).get(data.first.commitmentIds[0]!)!;
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain(formatQuantity(figures.verifiedHundredths));
    expect(text).toContain(formatPounds(figures.verifiedPence));
    expect(text).toContain('Figures last updated 3 February 2026');
    expect(text).toContain('It brought the street together.');
    const people = await db().select({ name: users.name, email: users.email }).from(users);
    for (const p of people) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.email);
    }
    // the staff copy, for a supplier of the contract; another supplier cannot have it
    expect((await supplier.get(`/case-studies/${caseStudyId}/case-study.pdf`)).headers['content-type']).toBe('application/pdf');
    expect((await (await signedInClient(t.app, 'supplier2@midlands.example')).get(`/case-studies/${caseStudyId}/case-study.pdf`)).statusCode).toBe(404);
  });

  it('renders a story with script and HTML injection inert', async () => {
    const page = await anonymous.get(`/transparency/case-studies/${caseStudyId}`);
    expect(page.body).toContain('&lt;script&gt;alert');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toMatch(/<img[^>]*onerror/i);
    expect(page.body).not.toContain('href="javascript:');
    const staffPage = await officer.get(`/case-studies/${caseStudyId}`);
    expect(staffPage.body).not.toContain('<script>alert');
  });

  it('finds case studies by words in stemmed form, ranked, and filters by outcome, district and year', async () => {
    // a second published case study about the same contract, mentioning volunteering once, in its story only
    const second = idFrom(
      (
        await draft(officer, data.first.reference, {
          title: 'Apprentices in Melton',
          summary: 'Two apprentices joined the team.',
          story: 'They also tried volunteering.',
          outcomes: ['SE'],
          districts: ['Melton'],
        })
      ).headers.location,
    );
    await officer.post(`/case-studies/${second}/statistics`, { commitments: [data.first.commitmentIds[1]!] });
    await officer.post(`/case-studies/${second}/steps/submit`);
    await officer.post(`/case-studies/${second}/steps/publish`);
    const titles = async (query: string) => {
      const response = await anonymous.get(`/transparency/case-studies?${query}`);
      expect(response.statusCode).toBe(200);
      return [...response.body.matchAll(/<h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    };
    // "volunteering" finds "volunteers" (title and summary weigh more: the first case study ranks first)
    expect(await titles('q=volunteering')).toEqual(['Trees for the canal', 'Apprentices in Melton']);
    expect(await titles('q=planting')).toEqual(['Trees for the canal']);
    expect(await titles('q=submarine')).toEqual([]);
    expect(await titles('outcome=SE')).toEqual(['Apprentices in Melton']);
    expect(await titles('district=Charnwood')).toEqual(['Trees for the canal']);
    const year = new Date().getFullYear();
    expect((await titles(`year=${year}`)).sort()).toEqual(['Apprentices in Melton', 'Trees for the canal']);
    expect(await titles(`year=${year - 5}`)).toEqual([]);
    const bad = await anonymous.get('/transparency/case-studies?outcome=NOPE');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select a strategic outcome from the list');
  });

  it('shows no personal data on public pages, and only published case studies of published contracts', async () => {
    const people = await db().select({ name: users.name, email: users.email }).from(users);
    const forbidden = people.flatMap((p) => [p.name, p.email]);
    for (const url of ['/transparency/case-studies', `/transparency/case-studies/${caseStudyId}`, '/transparency/case-studies?q=trees']) {
      const response = await anonymous.get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['set-cookie']).toBeUndefined();
      for (const value of forbidden) expect(response.body, `${url} shows ${value}`).not.toContain(value);
    }
    // a draft is never public
    const draftId = idFrom((await draft(supplier, data.first.reference, { title: 'Still a draft' })).headers.location);
    expect((await anonymous.get(`/transparency/case-studies/${draftId}`)).statusCode).toBe(404);
    expect((await anonymous.get('/transparency/case-studies')).body).not.toContain('Still a draft');
    // taking the contract off the site takes its case studies off too
    await db().update(contracts).set({ publishedAt: null }).where(eq(contracts.id, data.first.id));
    expect((await anonymous.get(`/transparency/case-studies/${caseStudyId}`)).statusCode).toBe(404);
    expect((await anonymous.get('/transparency/case-studies')).body).toContain('No case studies found');
    // and one cannot be published until its contract is
    await supplier.post(`/case-studies/${draftId}/statistics`, { commitments: [data.first.commitmentIds[0]!] });
    await supplier.post(`/case-studies/${draftId}/steps/submit`);
    const refused = await officer.post(`/case-studies/${draftId}/steps/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`Publish contract ${data.first.reference} on the transparency site before publishing a case study about it`);
    await db().update(contracts).set({ publishedAt: new Date() }).where(eq(contracts.id, data.first.id));
  });

  it('is withdrawn by an officer, then returned to draft to be changed', async () => {
    expect((await supplier.post(`/case-studies/${caseStudyId}/steps/withdraw`)).statusCode).toBe(403);
    expect((await officer.post(`/case-studies/${caseStudyId}/steps/withdraw`)).statusCode).toBe(303);
    expect(await statusOf(caseStudyId)).toBe('withdrawn');
    expect((await anonymous.get(`/transparency/case-studies/${caseStudyId}`)).statusCode).toBe(404);
    expect((await supplier.post(`/case-studies/${caseStudyId}/steps/reopen`)).statusCode).toBe(303);
    expect(await statusOf(caseStudyId)).toBe('draft');
    const changed = await supplier.post(`/case-studies/${caseStudyId}/edit`, {
      title: 'Trees for the canal, a year on',
      summary: 'Still growing.',
      story: 'The trees are still growing.',
      outcomes: ['GC'],
    });
    expect(changed.statusCode).toBe(303);
    const [latest] = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'case_studies'), like(auditEvents.action, '%withdr%')))
      .orderBy(desc(auditEvents.id));
    expect(latest!.action).toBe('Returned withdrawn case study to draft “Trees for the canal”');
  });
});
