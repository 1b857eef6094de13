import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryReports, reportLines } from '../../src/db/schema/index.js';
import { addMetPledgesToReport } from '../../src/features/community-needs/report-pledges.js';
import { commitmentFigures, totalFigures } from '../../src/features/summaries/read.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { independentCount, summaryTables } from '../helpers/summaries.js';
import { pledgeContract, pledgeLinesOfContract, pledgeRow, pledgesOf, postNeed } from './community-needs-fixtures.js';

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
    const [year, month, day] = metOn.split('-');
    await community.get(`/community/pledges/${pledgeId}/confirm`);
    return community.post(`/community/pledges/${pledgeId}/confirm`, {
      quantity,
      delivered: 'Two volunteers for four mornings',
      'metOn-day': day!,
      'metOn-month': month!,
      'metOn-year': year!,
    });
  }

  async function start(contractId: string, periodStart: string) {
    await supplier.get(`/contracts/${contractId}`);
    const response = await supplier.post(`/supplier/contracts/${contractId}/periods/${periodStart}`);
    expect(response.statusCode).toBe(303);
    return /reports\/([0-9a-f-]{36})/.exec(response.headers.location as string)![1]!;
  }

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

  it('leaves the summaries equal to a count made again from the report lines', async () => {
    expect(await summaryTables(db())).toEqual(await independentCount(db()));
  });
});
