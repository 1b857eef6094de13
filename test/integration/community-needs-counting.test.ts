import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts, deliveryReports, needPledges, reportLines } from '../../src/db/schema/index.js';
import { addMetPledgesToReport } from '../../src/features/community-needs/report-pledges.js';
import { commitmentFigures, totalFigures } from '../../src/features/summaries/read.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { independentCount, summaryTables } from '../helpers/summaries.js';
import { confirmForm, pledgeContract, pledgeLinesOfContract, pledgeRow, pledgesOf, postNeed } from './community-needs-fixtures.js';

/**
 * A pledge confirmed met reaches the figures once and only once: one line of one delivery report of its contract,
 * counted when the contract manager verifies it, whatever is started, submitted, clicked twice or made again.
 */
describe.each(databaseKinds)('pledges counted once on %s', (kind) => {
  let t: TestApp;
  let community: Client;
  let supplier: Client;
  let manager: Client;
  const db = () => t.services.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    [community, supplier, manager] = await Promise.all([
      signedInClient(t.app, 'community@community.example'),
      signedInClient(t.app, 'supplier@supplier.example'),
      signedInClient(t.app, 'manager@council.example'),
    ]);
  });
  afterAll(async () => t?.close());

  async function pledge(needId: string, form: Record<string, string>) {
    await supplier.get(`/needs/${needId}/pledge`);
    const response = await supplier.post(`/needs/${needId}/pledge`, form);
    expect(response.statusCode, response.body.slice(0, 3000)).toBe(303);
    const [row] = (await pledgesOf(db(), needId)).filter((p) => p.status === 'pledged');
    return row!.id;
  }

  async function confirm(pledgeId: string, quantity: string, metOn: string) {
    await community.get(`/community/pledges/${pledgeId}/confirm`);
    return community.post(`/community/pledges/${pledgeId}/confirm`, confirmForm(quantity, metOn));
  }

  async function start(contractId: string, periodStart: string) {
    await supplier.get(`/contracts/${contractId}`);
    const response = await supplier.post(`/supplier/contracts/${contractId}/periods/${periodStart}`);
    expect(response.statusCode).toBe(303);
    return /reports\/([0-9a-f-]{36})/.exec(response.headers.location as string)![1]!;
  }

  /** Fills in the contract's commitment line (0, with a reason) and submits the report, as the supplier does. */
  async function submit(contract: { id: string; commitmentId: string }, reportId: string) {
    const path = `/supplier/contracts/${contract.id}/reports/${reportId}`;
    const form = await supplier.get(`${path}/commitments/${contract.commitmentId}`);
    const revision = /name="revision" value="(\d+)"/.exec(form.body)![1]!;
    await supplier.post(`${path}/commitments/${contract.commitmentId}`, { quantity: '0', narrative: 'Nothing this quarter', revision });
    const check = await supplier.get(`${path}/check`);
    const submitRevision = /name="revision" value="(\d+)"/.exec(check.body)![1]!;
    expect((await supplier.post(`${path}/submit`, { revision: submitRevision })).headers.location).toContain('done=submitted');
  }

  /** The contract ends on `endDate` (it has run its course since the pledges were made). */
  const endContract = (contractId: string, endDate: string) => db().update(contracts).set({ endDate }).where(eq(contracts.id, contractId));

  const figuresOf = async (measureId: string, commitmentId: string) => {
    const [total, commitment] = await Promise.all([totalFigures(db(), { measureId }), commitmentFigures(db(), [commitmentId])]);
    return { total, commitment: commitment.get(commitmentId)! };
  };

  it('puts a pledge against a commitment into the next report started after it was met, and counts it once verified', async () => {
    const contract = await pledgeContract(db());
    const measureId = contract.measures.valued.id;
    const needId = await postNeed(community, { title: 'Volunteers for the spring clean' });
    const pledgeId = await pledge(needId, { target: `commitment:${contract.commitmentId}`, measure: '', quantity: '12.5', offer: 'Staff volunteering' });
    expect(await pledgeRow(db(), pledgeId)).toMatchObject({
      contractId: contract.id,
      commitmentId: contract.commitmentId,
      measureId,
      quantityHundredths: 1_250,
    });

    // met in August 2025: no report is open, so it waits for the report of the period that holds that day
    expect((await confirm(pledgeId, '12.5', '2025-08-15')).statusCode).toBe(303);
    expect(await pledgeRow(db(), pledgeId)).toMatchObject({ status: 'met', metQuantityHundredths: 1_250, metOn: '2025-08-15', reportLineId: null });
    // confirming again (a double click, an old form) changes nothing
    const again = await confirm(pledgeId, '99', '2025-08-16');
    expect(again.headers.location).toContain('done=already-decided');
    expect(await pledgeRow(db(), pledgeId)).toMatchObject({ metQuantityHundredths: 1_250, metOn: '2025-08-15' });

    // the April to June report ended before the pledge was met: it does not take it
    const q1 = await start(contract.id, '2025-04-01');
    expect(await pledgeLinesOfContract(db(), contract.id)).toHaveLength(0);
    // the July to September report does, as one pending line against the commitment
    const q2 = await start(contract.id, '2025-07-01');
    const lines = await pledgeLinesOfContract(db(), contract.id);
    expect(lines).toEqual([expect.objectContaining({ reportId: q2, quantityHundredths: 1_250, status: 'pending' })]);
    expect((await pledgeRow(db(), pledgeId)).reportLineId).toBe(lines[0]!.id);
    const page = await supplier.get(`/supplier/contracts/${contract.id}/reports/${q2}`);
    expect(page.body).toContain('Pledges met on the community needs board');
    expect(page.body).toContain('Melton Community Larder');

    // starting the same period again lands on the same draft and adds nothing
    expect(await start(contract.id, '2025-07-01')).toBe(q2);
    expect(await pledgeLinesOfContract(db(), contract.id)).toHaveLength(1);

    // the supplier's own line for the commitment is a separate line, and saving it never changes the pledge's line
    await supplier.get(`/supplier/contracts/${contract.id}/reports/${q2}/commitments/${contract.commitmentId}`);
    const [{ revision }] = (await db().select({ revision: deliveryReports.revision }).from(deliveryReports).where(eq(deliveryReports.id, q2))) as [
      { revision: number },
    ];
    const own = await supplier.post(`/supplier/contracts/${contract.id}/reports/${q2}/commitments/${contract.commitmentId}`, {
      quantity: '200',
      narrative: 'Local hires',
      districts: 'Charnwood',
      revision: String(revision),
    });
    expect(own.statusCode).toBe(303);
    const q2Lines = await db().select().from(reportLines).where(eq(reportLines.reportId, q2));
    expect(q2Lines.map((l) => l.quantityHundredths).sort((a, b) => a - b)).toEqual([1_250, 20_000]);

    // submit it (twice: the second is refused as already submitted)
    const check = await supplier.get(`/supplier/contracts/${contract.id}/reports/${q2}/check`);
    expect(check.body).toContain('pledge to Melton Community Larder');
    const submitRevision = /name="revision" value="(\d+)"/.exec(check.body)![1]!;
    expect((await supplier.post(`/supplier/contracts/${contract.id}/reports/${q2}/submit`, { revision: submitRevision })).headers.location).toContain(
      'done=submitted',
    );
    expect((await supplier.post(`/supplier/contracts/${contract.id}/reports/${q2}/submit`, { revision: submitRevision })).headers.location).toContain(
      'already-submitted',
    );

    // the contract manager sees it as a pledge and verifies it: the figures rise by exactly the pledged 12.5
    const before = await figuresOf(measureId, contract.commitmentId);
    const review = await manager.get(`/contracts/${contract.id}/reports/${q2}`);
    expect(review.body).toContain('pledge to Melton Community Larder');
    const verified = await manager.post(`/contracts/${contract.id}/reports/${q2}/lines/${lines[0]!.id}/decision`, { decision: 'verify', note: '' });
    expect(verified.statusCode).toBe(303);
    const after = await figuresOf(measureId, contract.commitmentId);
    expect(after.total.verifiedHundredths - before.total.verifiedHundredths).toBe(1_250);
    expect(after.commitment.verifiedHundredths - before.commitment.verifiedHundredths).toBe(1_250);
    expect(after.total.additionalHundredths).toBe(before.total.additionalHundredths);
    const proxy = contract.measures.valued;
    expect(after.total.verifiedPence - before.total.verifiedPence).toBe(
      Math.round(((12.5 * proxy.proxy! * (10_000 - proxy.deadweight)) / 10_000) * ((10_000 - proxy.attribution) / 10_000)),
    );

    // later reports never take it again, however they are started
    const q3 = await start(contract.id, '2025-10-01');
    await db().transaction((tx) => addMetPledgesToReport(tx, { id: q3, contractId: contract.id, periodEnd: '2025-12-31' }));
    expect(await pledgeLinesOfContract(db(), contract.id)).toHaveLength(1);
    expect((await figuresOf(measureId, contract.commitmentId)).total.verifiedHundredths).toBe(after.total.verifiedHundredths);
    expect(await db().select().from(reportLines).where(eq(reportLines.reportId, q1))).toHaveLength(0);
  });

  it('adds a pledge confirmed while a report is a draft to that draft, and a draft made again takes it once', async () => {
    const contract = await pledgeContract(db());
    const measure = contract.measures.valued2;
    const needId = await postNeed(community, { title: 'Laptops for the homework club', needType: 'goods' });
    const draft = await start(contract.id, '2025-04-01');
    const pledgeId = await pledge(needId, { target: `additional:${contract.id}`, measure: measure.id, quantity: '3', offer: 'Three refurbished laptops' });
    const [{ revision: before }] = (await db().select({ revision: deliveryReports.revision }).from(deliveryReports).where(eq(deliveryReports.id, draft))) as [
      { revision: number },
    ];
    expect((await confirm(pledgeId, '3', '2025-05-20')).statusCode).toBe(303);
    const lines = await pledgeLinesOfContract(db(), contract.id);
    expect(lines).toEqual([expect.objectContaining({ reportId: draft, quantityHundredths: 300 })]);
    const [line] = await db().select().from(reportLines).where(eq(reportLines.id, lines[0]!.id));
    expect(line).toMatchObject({ commitmentId: null, measureId: measure.id, districts: ['Melton'] });
    // the draft moved on a revision, so a form the supplier opened before is refused rather than submitting unseen lines
    const [{ revision: after }] = (await db().select({ revision: deliveryReports.revision }).from(deliveryReports).where(eq(deliveryReports.id, draft))) as [
      { revision: number },
    ];
    expect(after).toBe(before + 1);

    // the supplier cannot remove or change the pledge's line as if it were its own additional social value
    const removed = await supplier.post(`/supplier/contracts/${contract.id}/reports/${draft}/additional/${lines[0]!.id}/remove`, { revision: String(after) });
    expect(removed.statusCode).toBe(404);
    expect(await pledgeLinesOfContract(db(), contract.id)).toHaveLength(1);

    // the draft is made again (deleted and started afresh): the pledge comes back once, not twice
    await db().delete(deliveryReports).where(eq(deliveryReports.id, draft));
    expect((await pledgeRow(db(), pledgeId)).reportLineId).toBeNull();
    const again = await start(contract.id, '2025-04-01');
    await start(contract.id, '2025-04-01');
    expect(await pledgeLinesOfContract(db(), contract.id)).toEqual([expect.objectContaining({ reportId: again, quantityHundredths: 300 })]);

    // once verified it counts as additional social value of that measure, exactly the quantity confirmed
    const totalBefore = await totalFigures(db(), { measureId: measure.id });
    await supplier.get(`/supplier/contracts/${contract.id}/reports/${again}/commitments/${contract.commitmentId}`);
    const [{ revision: current }] = (await db().select({ revision: deliveryReports.revision }).from(deliveryReports).where(eq(deliveryReports.id, again))) as [
      { revision: number },
    ];
    await supplier.post(`/supplier/contracts/${contract.id}/reports/${again}/commitments/${contract.commitmentId}`, {
      quantity: '0',
      narrative: 'Nothing this quarter',
      revision: String(current),
    });
    const check2 = await supplier.get(`/supplier/contracts/${contract.id}/reports/${again}/check`);
    const submitRevision = /name="revision" value="(\d+)"/.exec(check2.body)![1]!;
    expect((await supplier.post(`/supplier/contracts/${contract.id}/reports/${again}/submit`, { revision: submitRevision })).headers.location).toContain(
      'done=submitted',
    );
    const [pledged] = await pledgeLinesOfContract(db(), contract.id);
    await manager.post(`/contracts/${contract.id}/reports/${again}/lines/${pledged!.id}/decision`, { decision: 'verify', note: '' });
    const totalAfter = await totalFigures(db(), { measureId: measure.id });
    expect(totalAfter.additionalHundredths - totalBefore.additionalHundredths).toBe(300);
    expect(totalAfter.verifiedHundredths - totalBefore.verifiedHundredths).toBe(300);
  });

  it('puts pledges met after the contract ended into its last period’s report, and counts each once', async () => {
    const contract = await pledgeContract(db());
    const measureId = contract.measures.valued.id;
    const first = await pledge(await postNeed(community, { title: 'Coats for the winter appeal' }), {
      target: `commitment:${contract.commitmentId}`,
      measure: '',
      quantity: '4',
      offer: 'Four volunteers',
    });
    const second = await pledge(await postNeed(community, { title: 'Shelving for the store room' }), {
      target: `commitment:${contract.commitmentId}`,
      measure: '',
      quantity: '1.5',
      offer: 'Shelving fitted',
    });
    await endContract(contract.id, '2026-03-31');

    // met after the last day, before the last period's report is started: it waits for that report
    expect((await confirm(first, '4', '2026-05-10')).headers.location).toContain('done=confirmed');
    expect(await pledgeRow(db(), first)).toMatchObject({ status: 'met', reportLineId: null, tooLateAt: null });
    // an earlier period's report does not take it; the last period's does
    await start(contract.id, '2025-10-01');
    expect(await pledgeLinesOfContract(db(), contract.id)).toHaveLength(0);
    const last = await start(contract.id, '2026-01-01');
    expect(await pledgeLinesOfContract(db(), contract.id)).toEqual([expect.objectContaining({ reportId: last, quantityHundredths: 400 })]);

    // met after the last day while the last report is a draft: it goes straight into that draft
    expect((await confirm(second, '1.5', '2026-06-01')).headers.location).toContain('done=confirmed');
    const lines = await pledgeLinesOfContract(db(), contract.id);
    expect(lines.map((l) => [l.reportId, l.quantityHundredths]).sort()).toEqual([
      [last, 150],
      [last, 400],
    ]);
    expect(await start(contract.id, '2026-01-01')).toBe(last);
    expect(await pledgeLinesOfContract(db(), contract.id)).toHaveLength(2);

    await submit(contract, last);
    const before = await figuresOf(measureId, contract.commitmentId);
    for (const line of lines) await manager.post(`/contracts/${contract.id}/reports/${last}/lines/${line.id}/decision`, { decision: 'verify', note: '' });
    const after = await figuresOf(measureId, contract.commitmentId);
    expect(after.total.verifiedHundredths - before.total.verifiedHundredths).toBe(550);
    expect(after.commitment.verifiedHundredths - before.commitment.verifiedHundredths).toBe(550);
  });

  it('puts a pledge confirmed while its report is being started into that report once', async () => {
    const contract = await pledgeContract(db());
    const needId = await postNeed(community, { title: 'Helpers for the summer fete' });
    const pledgeId = await pledge(needId, { target: `commitment:${contract.commitmentId}`, measure: '', quantity: '6', offer: 'Six helpers' });
    // whichever goes first, the other sees it: the report takes the met pledge, or the confirmation finds the draft
    const [confirmed, reportId] = await Promise.all([confirm(pledgeId, '6', '2025-05-01'), start(contract.id, '2025-04-01')]);
    expect(confirmed.headers.location).toContain('done=confirmed');
    expect(await pledgeLinesOfContract(db(), contract.id)).toEqual([expect.objectContaining({ reportId, quantityHundredths: 600 })]);
  });

  it('marks a pledge confirmed after the last report was handed in as too late: in no report, counted nowhere, shown to officers', async () => {
    const contract = await pledgeContract(db());
    const needId = await postNeed(community, { title: 'Minibus for the lunch club' });
    const pledgeId = await pledge(needId, { target: `commitment:${contract.commitmentId}`, measure: '', quantity: '2', offer: 'A minibus and driver' });
    await endContract(contract.id, '2025-06-30');
    await submit(contract, await start(contract.id, '2025-04-01'));
    const before = await figuresOf(contract.measures.valued.id, contract.commitmentId);

    expect((await confirm(pledgeId, '2', '2025-06-20')).headers.location).toContain('done=too-late');
    const row = await pledgeRow(db(), pledgeId);
    expect(row).toMatchObject({ status: 'met', reportLineId: null });
    expect(row.tooLateAt).toBeInstanceOf(Date);
    expect(await pledgeLinesOfContract(db(), contract.id)).toHaveLength(0);
    expect(await figuresOf(contract.measures.valued.id, contract.commitmentId)).toEqual(before);
    expect((await community.get(`/community/needs/${needId}?done=too-late`)).body).toContain('cannot be counted in a report');

    // officers and the contract manager see it; the supplier and the organisation see it marked on their pledges
    const officer = await signedInClient(t.app, 'officer@council.example');
    for (const client of [officer, manager]) {
      const page = await client.get('/needs/late-pledges');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Minibus for the lunch club');
      expect(page.body).toContain(contract.reference);
    }
    expect((await supplier.get('/needs/late-pledges')).statusCode).toBe(403);
    expect((await supplier.get('/needs/pledges')).body).toContain('Too late for a delivery report: not counted');
    expect((await community.get(`/community/needs/${needId}`)).body).toContain('Too late for a delivery report: not counted');
  });

  it('refuses a pledge against a commitment of a contract that has ended, naming the field', async () => {
    const contract = await pledgeContract(db());
    await endContract(contract.id, '2026-03-31');
    const needId = await postNeed(community, { title: 'Paint for the scout hut' });
    const form = await supplier.get(`/needs/${needId}/pledge`);
    expect(form.body).not.toContain(contract.reference);
    const refused = await supplier.post(`/needs/${needId}/pledge`, {
      target: `commitment:${contract.commitmentId}`,
      measure: '',
      quantity: '3',
      offer: 'Paint',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#target"');
    expect(refused.body).toContain(`Contract ${contract.reference} ended on 31 March 2026 and takes no more delivery reports`);
    expect(await db().select().from(needPledges).where(eq(needPledges.needId, needId))).toHaveLength(0);
  });

  it('leaves the summaries equal to a count made again from the report lines', async () => {
    expect(await summaryTables(db())).toEqual(await independentCount(db()));
  });
});
