import { inflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import {
  auditEvents,
  bidCommitments,
  contractCommitments,
  contracts,
  evaluatorScores,
  moderatedScores,
  requirements,
  tenderEvaluators,
  tenders,
  users,
} from '../../src/db/schema/index.js';
import { formatBps, formatPounds } from '../../src/domain/money.js';
import { tenderResults } from '../../src/features/evaluation/tender-results.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { agreedScores, createWorkedExample, enterWorkedPriceAndQuality, people, type Fixture, type People } from './evaluation-fixtures.js';

/**
 * The text drawn in a PDF made by pdfkit: its content streams inflated, and the hex strings of each text operation
 * decoded from Windows-1252, with runs of white space made single so that a name wrapped across lines still matches.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const decoder = new TextDecoder('windows-1252');
  const pieces: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ/g)) {
      const hex = [...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!).join('');
      pieces.push(decoder.decode(Buffer.from(hex, 'hex')));
    }
  }
  return pieces.join(' ').replace(/\s+/g, ' ');
}

/** Text as the pages' templates escape it. */
const html = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const winnerName = 'Charnwood Care Services Ltd';
const reasonOf = (bid: string, question: number) => `Moderation note ${question} for ${bid}`;

/** A closed tender with three moderated bids (the evaluation's worked example), locked unless told otherwise. */
async function moderatedTender(db: Db, who: People, options: { locked?: boolean } = {}): Promise<Fixture> {
  const fixture = await createWorkedExample(db, who);
  await db
    .update(tenderEvaluators)
    .set({ declaredAt: new Date(), hasConflict: false })
    .where(and(eq(tenderEvaluators.tenderId, fixture.tenderId), eq(tenderEvaluators.userId, who.evaluator)));
  await db
    .update(tenderEvaluators)
    .set({ declaredAt: new Date(), hasConflict: true, conflictDetails: 'Used to volunteer with Soar Valley; did not score its bid' })
    .where(and(eq(tenderEvaluators.tenderId, fixture.tenderId), eq(tenderEvaluators.userId, who.evaluator2)));
  const names = Object.keys(agreedScores) as (keyof typeof agreedScores)[];
  await db
    .insert(evaluatorScores)
    .values(
      names.flatMap((bid) =>
        fixture.questionIds.map((questionId, i) => ({ bidId: fixture.bidIds[bid], questionId, evaluatorId: who.evaluator, score: agreedScores[bid][i]! })),
      ),
    );
  await db.insert(moderatedScores).values(
    names.flatMap((bid) =>
      fixture.questionIds.map((questionId, i) => ({
        bidId: fixture.bidIds[bid],
        questionId,
        score: agreedScores[bid][i]!,
        reason: reasonOf(bid, i + 1),
        moderatedBy: who.officer,
      })),
    ),
  );
  await enterWorkedPriceAndQuality(db, fixture);
  if (options.locked !== false) await lock(db, fixture, who);
  return fixture;
}

async function lock(db: Db, fixture: Fixture, who: People): Promise<void> {
  await db.update(tenders).set({ moderationLockedAt: new Date(), moderationLockedBy: who.officer }).where(eq(tenders.id, fixture.tenderId));
}

async function managerId(db: Db): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'manager@council.example'));
  return row!.id;
}

/** The award form, filled in as an officer would. */
function awardForm(bidId: string, manager: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    bidId,
    reason: '',
    contractManagerId: manager,
    reference: '',
    'startDate-day': '1',
    'startDate-month': '4',
    'startDate-year': '2027',
    'endDate-day': '31',
    'endDate-month': '3',
    'endDate-year': '2029',
    value: '',
    vat: 'no',
    frequency: 'quarterly',
    ...overrides,
  };
}

describe.each(databaseKinds)('award, evaluation report and feedback letters on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let who: People;
  let manager: string;
  let officer: Client;
  let first: Fixture;

  beforeAll(async () => {
    t = await createTestApp(kind);
    db = t.services.database.db;
    who = await people(db);
    manager = await managerId(db);
    officer = await signedInClient(t.app, 'officer@council.example');
    first = await moderatedTender(db, who);
  });
  afterAll(async () => t?.close());

  it('offers the ranked bids, the contract managers and defaults from the requirement', async () => {
    const page = await officer.get(`/tenders/${first.tenderId}/award`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('Award the contract');
    expect(body.indexOf(winnerName)).toBeLessThan(body.indexOf('Midlands Facilities Group plc'));
    expect(body.indexOf('Midlands Facilities Group plc')).toBeLessThan(body.indexOf('Soar Valley Community Enterprise CIC'));
    expect(body).toContain('Ranked 1 of 3: total score 86.2%');
    expect(body).toContain('leading a consortium with Hinckley Youth Trust (youth employment partner)');
    expect(body).toContain('Mo Rahman (manager@council.example)');
    expect(body).toContain(`value="LCC-${first.tenderNumber}"`);
    expect(body).toMatch(/name="startDate-year"[^>]*value="2027"/);
    expect(body).toMatch(/name="endDate-day"[^>]*value="31"/);
    expect(body).toMatch(/name="endDate-year"[^>]*value="2029"/);
    expect(body).toMatch(/value="quarterly" checked/);
  });

  it('names every problem on the form and keeps what was typed', async () => {
    const response = await officer.post(`/tenders/${first.tenderId}/award`, { reference: 'LCC/X', value: 'a lot' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('Select the winning bid');
    expect(response.body).toContain('Select the contract manager');
    expect(response.body).toContain('Enter the date the contract starts');
    expect(response.body).toContain('Enter the contract value as an amount in pounds');
    expect(response.body).toContain('value="LCC/X"');
    expect(response.body).toContain('value="a lot"');
  });

  it('needs a reason to award to a bid that is not ranked first', async () => {
    const response = await officer.post(`/tenders/${first.tenderId}/award`, awardForm(first.bidIds.midlands, manager, { reference: 'LCC-R' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter why you are awarding the contract to a bid that is not ranked first');
  });

  it('refuses the award while moderation is not locked, and writes nothing', async () => {
    const open = await moderatedTender(db, who, { locked: false });
    const page = await officer.get(`/tenders/${open.tenderId}/award`);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('The moderated scores are not locked yet');
    const confirm = await officer.post(`/tenders/${open.tenderId}/award/confirm`, awardForm(open.bidIds.charnwood, manager, { reference: 'LCC-OPEN' }));
    expect(confirm.statusCode).toBe(409);
    expect(await db.select().from(contracts).where(eq(contracts.tenderId, open.tenderId))).toEqual([]);
    const [tender] = await db.select({ status: tenders.status }).from(tenders).where(eq(tenders.id, open.tenderId));
    expect(tender!.status).toBe('published');
  });

  it('shows the answers to check, then awards the tender in one audited change', async () => {
    const form = awardForm(first.bidIds.charnwood, manager, { reference: `LCC-${first.tenderNumber}` });
    const check = await officer.post(`/tenders/${first.tenderId}/award`, form);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check the award before you confirm it');
    expect(check.body).toContain('£100,000 excluding VAT');
    expect(check.body).toContain('Required by policy');
    expect(check.body).toContain('TE01 Volunteering hours');
    expect(check.body).toContain('1,000 hours');
    expect(check.body).toContain(`/tenders/${first.tenderId}/award?bidId=${first.bidIds.charnwood}`);
    expect(await db.select().from(contracts).where(eq(contracts.tenderId, first.tenderId))).toEqual([]);

    const done = await officer.post(`/tenders/${first.tenderId}/award/confirm`, form);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/tenders/${first.tenderId}/award/done`);

    const [contract] = await db.select().from(contracts).where(eq(contracts.tenderId, first.tenderId));
    const [tender] = await db.select().from(tenders).where(eq(tenders.id, first.tenderId));
    expect(contract).toMatchObject({
      reference: `LCC-${first.tenderNumber}`,
      title: 'Home care in Charnwood',
      directorate: 'Adults and Communities',
      source: 'award',
      bidId: first.bidIds.charnwood,
      valuePence: 10_000_000,
      valueIncludesVat: false,
      startDate: '2027-04-01',
      endDate: '2029-03-31',
      contractManagerId: manager,
      applicability: 'policy',
      frameworkVersionId: tender!.frameworkVersionId,
      reportingFrequency: 'quarterly',
    });
    expect(tender!.status).toBe('awarded');
    expect(tender!.awardReason).toBeNull();
    const [requirement] = await db.select({ stage: requirements.stage }).from(requirements).where(eq(requirements.id, tender!.requirementId));
    expect(requirement!.stage).toBe('awarded');

    const promised = await db.select().from(bidCommitments).where(eq(bidCommitments.bidId, first.bidIds.charnwood));
    const kpis = await db.select().from(contractCommitments).where(eq(contractCommitments.contractId, contract!.id));
    expect(kpis).toHaveLength(3);
    for (const p of promised) {
      const kpi = kpis.find((k) => k.measureId === p.measureId);
      expect(kpi).toMatchObject({
        quantityHundredths: p.quantityHundredths,
        profile: p.profile,
        districts: p.districts,
        narrative: p.narrative,
        originalMeasureId: p.measureId,
        originalQuantityHundredths: p.quantityHundredths,
        originalProfile: p.profile,
      });
    }

    const trail = await db
      .select({ table: auditEvents.entityTable, operation: auditEvents.operation, actor: auditEvents.actorLabel })
      .from(auditEvents)
      .where(eq(auditEvents.action, `Awarded tender ${first.tenderNumber} to ${winnerName}`));
    expect(trail.every((e) => e.actor === 'officer@council.example')).toBe(true);
    expect(trail.filter((e) => e.table === 'contract_commitments' && e.operation === 'insert')).toHaveLength(3);
    expect(trail.map((e) => `${e.table} ${e.operation}`)).toEqual(
      expect.arrayContaining(['tenders update', 'requirements update', 'contracts insert', 'contract_commitments insert']),
    );
  });

  it('shows the contract and its commitments once awarded', async () => {
    const page = await officer.get(`/tenders/${first.tenderId}/award/done`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Contract awarded');
    expect(page.body).toContain(`LCC-${first.tenderNumber}`);
    expect(page.body).toContain('Mo Rahman');
    expect(page.body).toContain('TE01 Volunteering hours');
    expect(page.body).toContain('1 April 2027 to 31 March 2028: 500 hours');
    expect(page.body).toContain('TE03 Community sessions');
    expect(page.body).toContain('Counted, not valued in pounds');
  });

  it('refuses a second award, naming the winner, and keeps one contract', async () => {
    const page = await officer.get(`/tenders/${first.tenderId}/award`);
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe(`/tenders/${first.tenderId}/award/done`);
    const form = await officer.post(`/tenders/${first.tenderId}/award`, awardForm(first.bidIds.charnwood, manager, { reference: 'LCC-AGAIN' }));
    expect(form.statusCode).toBe(409);
    expect(form.body).toContain(`This tender has already been awarded to ${winnerName}`);
    const again = await officer.post(
      `/tenders/${first.tenderId}/award/confirm`,
      awardForm(first.bidIds.midlands, manager, { reference: 'LCC-AGAIN', reason: 'Second try' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(`This tender has already been awarded to ${winnerName}`);
    expect(await db.select().from(contracts).where(eq(contracts.tenderId, first.tenderId))).toHaveLength(1);
  });

  it('makes one contract when two officers confirm at the same moment', async () => {
    const race = await moderatedTender(db, who);
    const admin = await signedInClient(t.app, 'admin@council.example');
    const [a, b] = await Promise.all([
      officer.post(`/tenders/${race.tenderId}/award/confirm`, awardForm(race.bidIds.charnwood, manager, { reference: `RACE-A-${race.tenderNumber}` })),
      admin.post(`/tenders/${race.tenderId}/award/confirm`, awardForm(race.bidIds.charnwood, manager, { reference: `RACE-B-${race.tenderNumber}` })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([303, 409]);
    expect((a.statusCode === 409 ? a : b).body).toContain(`This tender has already been awarded to ${winnerName}`);
    expect(await db.select().from(contracts).where(eq(contracts.tenderId, race.tenderId))).toHaveLength(1);
  });

  it('awards to a bid not ranked first with a reason, and refuses a reference another contract uses', async () => {
    const second = await moderatedTender(db, who);
    const reason = 'The highest ranked bidder could not show the insurance the contract needs.';
    const taken = await officer.post(
      `/tenders/${second.tenderId}/award/confirm`,
      awardForm(second.bidIds.midlands, manager, { reason, reference: `lcc-${first.tenderNumber}` }),
    );
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain(`Contract reference lcc-${first.tenderNumber} is already used by another contract`);
    const done = await officer.post(
      `/tenders/${second.tenderId}/award/confirm`,
      awardForm(second.bidIds.midlands, manager, { reason, reference: `LCC-${second.tenderNumber}`, value: '149,500', vat: 'yes', frequency: 'annual' }),
    );
    expect(done.statusCode).toBe(303);
    const [contract] = await db.select().from(contracts).where(eq(contracts.tenderId, second.tenderId));
    expect(contract).toMatchObject({ bidId: second.bidIds.midlands, valuePence: 14_950_000, valueIncludesVat: true, reportingFrequency: 'annual' });
    const [tender] = await db.select({ awardReason: tenders.awardReason }).from(tenders).where(eq(tenders.id, second.tenderId));
    expect(tender!.awardReason).toBe(reason);

    const report = await officer.get(`/tenders/${second.tenderId}/report`);
    expect(report.body).toContain(reason);
    const toFirstRanked = await officer.get(`/tenders/${second.tenderId}/letters/${second.bidIds.charnwood}`);
    expect(toFirstRanked.body).toContain('The winning bid was not the highest ranked');
    expect(toFirstRanked.body).toContain(reason);
  });

  it('moves the promised delivery profiles to the contract’s start date when it starts earlier than planned', async () => {
    const early = await moderatedTender(db, who);
    const form = awardForm(early.bidIds.charnwood, manager, { reference: `EARLY-${early.tenderNumber}`, 'startDate-year': '2026', 'endDate-year': '2028' });
    expect((await officer.post(`/tenders/${early.tenderId}/award/confirm`, form)).statusCode).toBe(303);
    const [contract] = await db.select().from(contracts).where(eq(contracts.tenderId, early.tenderId));
    const promised = await db.select().from(bidCommitments).where(eq(bidCommitments.bidId, early.bidIds.charnwood));
    const kpis = await db.select().from(contractCommitments).where(eq(contractCommitments.contractId, contract!.id));
    const profiled = promised.filter((p) => p.profile.length > 0);
    expect(profiled.length).toBeGreaterThan(0);
    for (const p of profiled) {
      const kpi = kpis.find((k) => k.measureId === p.measureId)!;
      const moved = p.profile.map((period) => ({
        ...period,
        periodStart: period.periodStart.replace(/^2027/, '2026').replace(/^2028/, '2027'),
        periodEnd: period.periodEnd.replace(/^2028/, '2027').replace(/^2029/, '2028'),
      }));
      expect(p.profile[0]?.periodStart).toBe('2027-04-01');
      expect(kpi.profile).toEqual(moved);
      expect(kpi.originalProfile).toEqual(moved);
    }
  });

  it('reports the evaluation in HTML with the figures of the results', async () => {
    const results = (await tenderResults(db, first.tenderId))!;
    const page = await officer.get(`/tenders/${first.tenderId}/report`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('Evaluation report: Home care in Charnwood');
    expect(body).toContain('20% of the total score');
    expect(body).toContain('Relative to the highest offer');
    expect(body).toContain(html(results.tender.formula));
    expect(body).toContain('Used to volunteer with Soar Valley; did not score its bid');
    expect(body).toContain('Eve Kowalski: 75');
    for (const bid of results.bids) {
      expect(body).toContain(formatPounds(bid.svPence));
      expect(body).toContain(formatBps(bid.totalBps!));
      expect(body).toContain(bid.quantitative.working);
      for (const flag of bid.riskFlags) expect(body).toContain(html(flag.text));
    }
    expect(body).toContain(reasonOf('soarValley', 2));
    expect(body).toContain('Awarded to');
    expect(body).toContain(`LCC-${first.tenderNumber}`);
    expect(body).toContain(`/tenders/${first.tenderId}/letters/${first.bidIds.midlands}`);
  });

  it('lets viewers read the report, without the letters', async () => {
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    const page = await viewer.get(`/tenders/${first.tenderId}/report`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`/letters/`);
    expect((await viewer.get(`/tenders/${first.tenderId}/report.pdf`)).statusCode).toBe(200);
    expect((await viewer.get(`/tenders/${first.tenderId}/letters/${first.bidIds.midlands}`)).statusCode).toBe(403);
    expect((await viewer.get(`/tenders/${first.tenderId}/award`)).statusCode).toBe(403);
    expect((await viewer.post(`/tenders/${first.tenderId}/award/confirm`, awardForm(first.bidIds.charnwood, manager))).statusCode).toBe(403);
  });

  it('makes the report as a text PDF with the same figures', async () => {
    const response = await officer.get(`/tenders/${first.tenderId}/report.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="evaluation-report-tender-${first.tenderNumber}.pdf"`);
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(winnerName);
    expect(text).toContain('Evaluation report: Home care in Charnwood');
    expect(text).toContain('£12,000');
    expect(text).toContain('86.2%');
    expect(text).toMatch(/page 1 of \d+/);
    const [download] = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, first.tenderId), eq(auditEvents.operation, 'event')));
    expect(download!.action).toBe(`Downloaded the evaluation report of tender ${first.tenderNumber}`);
  });

  it('writes the winner a letter that says it won', async () => {
    const page = await officer.get(`/tenders/${first.tenderId}/letters/${first.bidIds.charnwood}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We are pleased to tell you that it was successful');
    expect(page.body).toContain(`The contract reference is LCC-${first.tenderNumber}`);
    expect(page.body).toContain(reasonOf('charnwood', 1));
    expect(page.body).not.toContain('not successful');
  });

  it('writes each unsuccessful bidder a letter comparing it with the winner only', async () => {
    const toMidlands = await officer.get(`/tenders/${first.tenderId}/letters/${first.bidIds.midlands}`);
    expect(toMidlands.statusCode).toBe(200);
    const letter = toMidlands.body;
    expect(letter).toContain('We are sorry to tell you that it was not successful');
    expect(letter).toContain(`The council has awarded the contract to ${winnerName}`);
    expect(letter).toContain('Your bid ranked 2 of 3');
    expect(letter).toContain('the winning bid’s are worth £12,000');
    expect(letter).toContain('Community sessions: the successful bid offered 12 sessions; your bid offered none.');
    expect(letter).toContain('Volunteering hours: your bid offered 2,000 hours, 1,000 hours more than the successful bid’s 1,000 hours.');
    expect(letter).toContain(reasonOf('midlands', 1));
    expect(letter).toContain('Owen Hughes');
    for (const other of ['Soar Valley', reasonOf('soarValley', 1), reasonOf('charnwood', 1)]) expect(letter).not.toContain(other);

    const toSoarValley = await officer.get(`/tenders/${first.tenderId}/letters/${first.bidIds.soarValley}`);
    expect(toSoarValley.body).toContain('not successful');
    for (const other of ['Midlands', 'Hinckley Youth Trust', reasonOf('midlands', 2)]) expect(toSoarValley.body).not.toContain(other);

    const pdf = await officer.get(`/tenders/${first.tenderId}/letters/${first.bidIds.soarValley}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="feedback-tender-\d+-[0-9a-f]{8}\.pdf"$/);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('not successful');
    expect(text).toContain(winnerName);
    expect(text).not.toContain('Midlands');
  });

  it('has no letters before the award, and no report before the tender closes', async () => {
    const unawarded = await moderatedTender(db, who);
    const letter = await officer.get(`/tenders/${unawarded.tenderId}/letters/${unawarded.bidIds.midlands}`);
    expect(letter.statusCode).toBe(409);
    expect(letter.body).toContain('Feedback letters are written after the award');
    const report = await officer.get(`/tenders/${unawarded.tenderId}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('The tender has not been awarded yet.');
    await db
      .update(tenders)
      .set({ closingAt: new Date(Date.now() + 3600_000) })
      .where(eq(tenders.id, unawarded.tenderId));
    const early = await officer.get(`/tenders/${unawarded.tenderId}/report`);
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('There is no evaluation report yet');
  });

  it('keeps suppliers, evaluators and strangers out', async () => {
    for (const email of ['supplier@supplier.example', 'evaluator@council.example', 'manager@council.example']) {
      const client = await signedInClient(t.app, email);
      const paths = ['award', 'award/done', `letters/${first.bidIds.charnwood}`, `letters/${first.bidIds.charnwood}.pdf`];
      // the tender's own evaluator may read its evaluation report (see below), nothing else here
      if (!email.startsWith('evaluator')) paths.push('report', 'report.pdf');
      for (const path of paths) {
        expect((await client.get(`/tenders/${first.tenderId}/${path}`)).statusCode, `${email} ${path}`).toBe(403);
      }
      expect((await client.post(`/tenders/${first.tenderId}/award/confirm`, awardForm(first.bidIds.charnwood, manager))).statusCode).toBe(403);
    }
    const anonymous = await t.app.inject(`/tenders/${first.tenderId}/report`);
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/tenders/${first.tenderId}/report`)}`);
  });

  it('keeps results and the report to officers, admins and the tender’s own evaluators until the award, then opens them to viewers', async () => {
    const tender = await moderatedTender(db, who);
    const unassigned = await moderatedTender(db, who);
    await db.delete(tenderEvaluators).where(and(eq(tenderEvaluators.tenderId, unassigned.tenderId), eq(tenderEvaluators.userId, who.evaluator2)));
    const clients: Record<string, Client> = {};
    for (const email of ['officer', 'admin', 'evaluator', 'evaluator2', 'viewer', 'supplier']) {
      clients[email] = await signedInClient(t.app, email === 'supplier' ? 'supplier@supplier.example' : `${email}@council.example`);
    }
    const statuses = async (tenderId: string) => {
      const seen: Record<string, number[]> = {};
      for (const [name, client] of Object.entries(clients)) {
        seen[name] = [];
        for (const path of ['results', 'report', 'report.pdf']) seen[name].push((await client.get(`/tenders/${tenderId}/${path}`)).statusCode);
      }
      return seen;
    };
    // evaluator2 declared a conflict on `tender`, and is not an evaluator of `unassigned`
    const before = {
      officer: [200, 200, 200],
      admin: [200, 200, 200],
      evaluator: [200, 200, 200],
      evaluator2: [403, 403, 403],
      viewer: [403, 403, 403],
      supplier: [403, 403, 403],
    };
    expect(await statuses(tender.tenderId)).toEqual(before);
    expect((await statuses(unassigned.tenderId)).evaluator2).toEqual([404, 404, 404]);
    const refused = await clients.viewer!.get(`/tenders/${tender.tenderId}/report`);
    expect(refused.body).toContain('once the contract has been awarded');

    const done = await officer.post(
      `/tenders/${tender.tenderId}/award/confirm`,
      awardForm(tender.bidIds.charnwood, manager, { reference: `LCC-${tender.tenderNumber}` }),
    );
    expect(done.statusCode).toBe(303);
    expect(await statuses(tender.tenderId)).toEqual({ ...before, viewer: [200, 200, 200] });
  });

  it('treats unknown tenders and bids as not found', async () => {
    expect((await officer.get('/tenders/not-a-uuid/award')).statusCode).toBe(404);
    expect((await officer.get('/tenders/00000000-0000-4000-8000-000000000000/report')).statusCode).toBe(404);
    expect((await officer.get(`/tenders/${first.tenderId}/letters/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await officer.get(`/tenders/${first.tenderId}/letters/not-a-bid.pdf`)).statusCode).toBe(404);
  });
});
