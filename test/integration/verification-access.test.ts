import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import {
  insertSubmittedReport,
  lineRow,
  mailAbout,
  period2025Q1,
  period2025Q2,
  reportStatus,
  threadOf,
  verificationContract,
} from './verification-fixtures.js';

describe.each(databaseKinds)('verification access and refusals on %s', (kind) => {
  let t: TestApp;
  let contract: Awaited<ReturnType<typeof verificationContract>>;
  let reportId: string;
  let lineIds: string[];
  const reportUrl = () => `/contracts/${contract.id}/reports/${reportId}`;
  const decide = (lineId: string, report = reportId, contractId = contract.id) => `/contracts/${contractId}/reports/${report}/lines/${lineId}/decision`;
  const answerUrl = (lineId: string) => `/supplier/contracts/${contract.id}/reports/${reportId}/lines/${lineId}`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.services.database.db;
    contract = await verificationContract(db);
    const [c1, c2] = contract.commitmentIds as [string, string];
    ({ reportId, lineIds } = await insertSubmittedReport(db, contract.id, period2025Q1, [
      { commitmentId: c1, measureId: contract.measures.valued.id, quantityHundredths: 20_000 },
      { commitmentId: c2, measureId: contract.measures.valued2.id, quantityHundredths: 1_000 },
      { commitmentId: c1, measureId: contract.measures.valued.id, quantityHundredths: 100 },
    ]));
  });
  afterAll(async () => t?.close());

  it('lets every member of staff read the report, and only contract managers and officers decide', async () => {
    const db = t.services.database.db;
    for (const email of ['viewer@council.example', 'admin@council.example', 'evaluator@council.example']) {
      const reader = await signedInClient(t.app, email);
      const page = await reader.get(reportUrl());
      expect(page.statusCode, email).toBe(200);
      expect(page.body, email).toContain('April to June 2025 delivery report');
      expect(page.body, email).not.toContain('Save decision');
      expect((await reader.post(decide(lineIds[0]!), { decision: 'verify' })).statusCode, email).toBe(403);
    }
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    expect((await supplier.get(reportUrl())).statusCode).toBe(403);
    // the council's page is closed to every supplier by role, the same for a report that does not exist
    const other = await signedInClient(t.app, 'supplier2@midlands.example');
    expect((await other.get(reportUrl())).statusCode).toBe(403);
    expect((await other.get(`/contracts/${contract.id}/reports/${crypto.randomUUID()}`)).statusCode).toBe(403);
    expect((await supplier.post(decide(lineIds[0]!), { decision: 'verify' })).statusCode).toBe(403);
    expect((await lineRow(db, lineIds[0]!)).status).toBe('pending');
    const manager = await signedInClient(t.app, 'manager@council.example');
    expect((await manager.get(reportUrl())).body.match(/Save decision/g)).toHaveLength(3);
  });

  it('shows the answer page to the contract’s own supplier only, and never to staff', async () => {
    const other = await signedInClient(t.app, 'supplier2@midlands.example');
    expect((await other.get(answerUrl(lineIds[0]!))).statusCode).toBe(404);
    expect((await other.post(answerUrl(lineIds[0]!), { answer: 'x', quantity: '1' })).statusCode).toBe(404);
    const own = await signedInClient(t.app, 'supplier@supplier.example');
    const page = await own.get(answerUrl(lineIds[0]!));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No messages about this line.');
    expect(page.body).not.toContain('Send answer');
    // an answer to a line that was not queried is refused
    expect((await own.post(answerUrl(lineIds[0]!), { answer: 'x', quantity: '1' })).statusCode).toBe(409);
    expect((await lineRow(t.services.database.db, lineIds[0]!)).quantityHundredths).toBe(20_000);
    const manager = await signedInClient(t.app, 'manager@council.example');
    expect((await manager.get(answerUrl(lineIds[0]!))).statusCode).toBe(403);
  });

  it('finds nothing for a line, report or contract that do not belong together', async () => {
    const db = t.services.database.db;
    const other = await verificationContract(db);
    const { reportId: otherReport, lineIds: otherLines } = await insertSubmittedReport(db, other.id, period2025Q1, [
      { commitmentId: other.commitmentIds[0]!, measureId: other.measures.valued.id, quantityHundredths: 100 },
    ]);
    const manager = await signedInClient(t.app, 'manager@council.example');
    // a line of another report, a report of another contract, and ids that are not ids
    expect((await manager.post(decide(otherLines[0]!), { decision: 'verify' })).statusCode).toBe(404);
    expect((await manager.post(decide(lineIds[0]!, otherReport), { decision: 'verify' })).statusCode).toBe(404);
    expect((await manager.get(`/contracts/${contract.id}/reports/${otherReport}`)).statusCode).toBe(404);
    expect((await manager.get(`/contracts/${contract.id}/reports/not-an-id`)).statusCode).toBe(404);
    expect((await manager.post(decide('not-an-id'), { decision: 'verify' })).statusCode).toBe(404);
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    expect((await supplier.get(`/supplier/contracts/${contract.id}/reports/${reportId}/lines/${otherLines[0]}`)).statusCode).toBe(404);
    expect((await lineRow(db, otherLines[0]!)).status).toBe('pending');
  });

  it('explains what is wrong with a decision and keeps what was typed', async () => {
    const db = t.services.database.db;
    const manager = await signedInClient(t.app, 'manager@council.example');
    const line = lineIds[1]!;
    const none = await manager.post(decide(line), { note: 'Typed before choosing' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose whether to verify, query or reject this line');
    expect(none.body).toContain(`href="#decision-${line}"`);
    expect(none.body).toContain('Typed before choosing');

    const noQuestion = await manager.post(decide(line), { decision: 'query', note: ' ' });
    expect(noQuestion.statusCode).toBe(400);
    expect(noQuestion.body).toContain('Enter your question for the supplier');
    expect(noQuestion.body).toContain(`href="#note-${line}"`);
    expect(noQuestion.body).toMatch(/name="decision" type="radio" value="query" checked/);

    const noReason = await manager.post(decide(line), { decision: 'reject', note: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why you are rejecting this line');
    expect((await lineRow(db, line)).status).toBe('pending');
    expect(await threadOf(db, line)).toHaveLength(0);
  });

  it('lets only one of two decisions made at once win, and tells the other', async () => {
    const db = t.services.database.db;
    const manager = await signedInClient(t.app, 'manager@council.example');
    const officer = await signedInClient(t.app, 'officer@council.example');
    const line = lineIds[2]!;
    const mailBefore = (await mailAbout(db, contract.reference)).length;
    const responses = await Promise.all([
      manager.post(decide(line), { decision: 'query', note: 'Where is the evidence?' }),
      officer.post(decide(line), { decision: 'verify', note: '' }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    const loser = responses.find((r) => r.statusCode === 409)!;
    expect(loser.body).toContain('This line has already been decided');
    const winner = responses[0]!.statusCode === 303 ? 'queried' : 'verified';
    expect((await lineRow(db, line)).status).toBe(winner);
    expect(await threadOf(db, line)).toHaveLength(winner === 'queried' ? 1 : 0);
    const mailAfter = (await mailAbout(db, contract.reference)).length;
    expect(mailAfter > mailBefore).toBe(winner === 'queried');

    // a decided line cannot be decided again
    const again = await manager.post(decide(line), { decision: 'reject', note: 'Changed my mind' });
    expect(again.statusCode).toBe(409);
    expect((await lineRow(db, line)).status).toBe(winner);
    expect(await reportStatus(db, reportId)).toBe(winner === 'queried' ? 'queried' : 'submitted');
  });

  it('refuses to decide a line of a report that is still a draft', async () => {
    const db = t.services.database.db;
    const { reportId: draft, lineIds: draftLines } = await insertSubmittedReport(
      db,
      contract.id,
      period2025Q2,
      [{ commitmentId: contract.commitmentIds[0]!, measureId: contract.measures.valued.id, quantityHundredths: 100 }],
      { status: 'draft' },
    );
    const manager = await signedInClient(t.app, 'manager@council.example');
    await manager.get(`/contracts/${contract.id}`);
    // a draft is the supplier's own until it is submitted: the council neither sees nor decides it
    expect((await manager.get(`/contracts/${contract.id}/reports/${draft}`)).statusCode).toBe(404);
    const refused = await manager.post(decide(draftLines[0]!, draft), { decision: 'verify', note: '' });
    expect(refused.statusCode).toBe(404);
    expect((await lineRow(db, draftLines[0]!)).status).toBe('pending');
    expect(await reportStatus(db, draft)).toBe('draft');
  });
});
