import { and, arrayContains, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, remediationActions, users } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { organisationOf, userId } from './contracts-fixtures.js';
import {
  insertEvidence,
  insertSubmittedReport,
  lineRow,
  mailAbout,
  period2025Q1,
  reportStatus,
  threadOf,
  verificationContract,
} from './verification-fixtures.js';

describe.each(databaseKinds)('verifying a delivery report on %s', (kind) => {
  let t: TestApp;
  let supplierEmails: string[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.services.database.db;
    const supplierOrg = await organisationOf(db, 'supplier@supplier.example');
    const people = await db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.organisationId, supplierOrg), eq(users.active, true), arrayContains(users.roles, ['supplier'])));
    supplierEmails = people.map((p) => p.email).sort();
  });
  afterAll(async () => t?.close());

  it('queries a line, takes the supplier’s corrected answer, verifies it, and only then counts it as delivered', async () => {
    const db = t.services.database.db;
    const contract = await verificationContract(db);
    const [c1, c2] = contract.commitmentIds as [string, string];
    const additionalMeasure = contract.measures.unvalued ?? contract.measures.valued2;
    const { reportId, lineIds } = await insertSubmittedReport(db, contract.id, period2025Q1, [
      {
        commitmentId: c1,
        measureId: contract.measures.valued.id,
        quantityHundredths: 50_000,
        narrative: 'Local people hired in Loughborough',
        districts: ['Charnwood'],
      },
      { commitmentId: c2, measureId: contract.measures.valued2.id, quantityHundredths: 4_000 },
      { commitmentId: null, measureId: additionalMeasure.id, quantityHundredths: 1_000 },
    ]);
    const [l1, l2, l3] = lineIds as [string, string, string];
    const fileId = await insertEvidence(db, l1, await userId(db, 'supplier@supplier.example'));
    const reportUrl = `/contracts/${contract.id}/reports/${reportId}`;
    const decide = (lineId: string) => `/contracts/${contract.id}/reports/${reportId}/lines/${lineId}/decision`;
    const answerUrl = `/supplier/contracts/${contract.id}/reports/${reportId}/lines/${l1}`;

    const manager = await signedInClient(t.app, 'manager@council.example');
    const before = await manager.get(`/contracts/${contract.id}`);
    expect(before.body).toContain('Inadequate');

    const page = await manager.get(reportUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('April to June 2025 delivery report');
    expect(page.body).toContain(`${contract.measures.valued.code} ${contract.measures.valued.title}`);
    expect(page.body).toContain(`Additional: ${additionalMeasure.code}`);
    expect(page.body).toContain('Local people hired in Loughborough');
    expect(page.body).toContain('Charnwood');
    expect(page.body).toContain('Profiled for this period');
    expect(page.body).toContain(`href="/evidence/${fileId}"`);
    expect(page.body).toContain('payroll-extract.pdf');
    expect(page.body).toContain('15 KB');
    expect(page.body).toContain('ab12cd34ef56');
    expect(page.body).toContain('Sam Fletcher, 10 July 2025 at 10:30am');
    expect(page.body.match(/Save decision/g)).toHaveLength(3);

    // the manager queries the first line
    const queried = await manager.post(decide(l1), { decision: 'query', note: 'Your payroll shows 480 people. Which figure is right?' });
    expect(queried.statusCode).toBe(303);
    expect(queried.headers.location).toBe(`${reportUrl}?done=queried&line=${l1}`);
    expect(await lineRow(db, l1)).toMatchObject({ status: 'queried', decidedBy: await userId(db, 'manager@council.example') });
    expect(await reportStatus(db, reportId)).toBe('queried');
    expect((await threadOf(db, l1)).map((m) => m.body)).toEqual(['Your payroll shows 480 people. Which figure is right?']);
    const queryMail = await mailAbout(db, contract.reference);
    expect(queryMail.map((m) => m.to).sort()).toEqual(supplierEmails);
    expect(queryMail[0]!.subject).toBe(`Question about your April to June 2025 report on contract ${contract.reference}`);
    expect(queryMail[0]!.text).toContain(`${t.services.config.baseUrl}${answerUrl}`);
    expect(queryMail[0]!.text).toContain('Your payroll shows 480 people.');
    expect((await manager.get(`${reportUrl}?done=queried&line=${l1}`)).body).toContain('Question sent to the supplier');

    // verifying another line leaves the report waiting for the supplier
    expect((await manager.post(decide(l2), { decision: 'verify', note: '' })).statusCode).toBe(303);
    expect(await reportStatus(db, reportId)).toBe('queried');
    expect((await manager.get(`/contracts/${contract.id}`)).body).toContain('Requires improvement');

    // the supplier sees the question and answers with a corrected quantity
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    const answerPage = await supplier.get(answerUrl);
    expect(answerPage.statusCode).toBe(200);
    expect(answerPage.body).toContain('Your payroll shows 480 people. Which figure is right?');
    expect(answerPage.body).toContain('Leicestershire County Council');
    expect(answerPage.body).toContain(`action="${answerUrl}/evidence"`);
    expect(answerPage.body).toContain(`href="/supplier/contracts/${contract.id}/reports/${reportId}"`);
    expect(answerPage.body).toMatch(/id="quantity" name="quantity"[^>]*value="500"/);

    // evidence added through the reporting feature's upload comes back to this page
    const uploaded = await supplier.upload(
      `${answerUrl}/evidence`,
      {},
      { field: 'files', name: 'corrected-payroll.csv', type: 'text/csv', content: 'name,hours\nA,780\n' },
    );
    expect(uploaded.statusCode).toBe(303);
    expect(uploaded.headers.location).toBe(`${answerUrl}?done=evidence#evidence`);
    const withEvidence = await supplier.get(`${answerUrl}?done=evidence`);
    expect(withEvidence.body).toContain('Evidence added.');
    expect(withEvidence.body).toContain('corrected-payroll.csv');

    const missing = await supplier.post(answerUrl, { answer: '', quantity: 'lots', narrative: 'Kept text' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter your answer to the council’s question');
    expect(missing.body).toContain('Quantity delivered must be a number of 0 or more');
    expect(missing.body).toContain('value="lots"');
    expect(missing.body).toContain('Kept text');
    expect((await lineRow(db, l1)).status).toBe('queried');

    const answered = await supplier.post(answerUrl, {
      answer: 'We counted agency staff twice. The right figure is 780 hours.',
      quantity: '780',
      narrative: 'Local people hired in Loughborough',
    });
    expect(answered.statusCode).toBe(303);
    expect(await lineRow(db, l1)).toMatchObject({ status: 'pending', quantityHundredths: 78_000, decidedBy: null });
    expect(await reportStatus(db, reportId)).toBe('submitted');
    const thread = await threadOf(db, l1);
    expect(thread).toHaveLength(2);
    expect(thread[1]!.body).toContain('We counted agency staff twice.');
    expect(thread[1]!.body).toContain('Corrected the quantity from 500 to 780');
    const afterAnswer = await mailAbout(db, contract.reference);
    const toManager = afterAnswer.filter((m) => m.to === 'manager@council.example');
    expect(toManager).toHaveLength(1);
    expect(toManager[0]!.subject).toBe(`Charnwood Care Services Ltd answered your question on contract ${contract.reference}`);
    expect(toManager[0]!.text).toContain(`${t.services.config.baseUrl}${reportUrl}#line-${l1}`);
    // the audit trail keeps the quantity before the correction
    const [correction] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityTable, 'report_lines'),
          eq(auditEvents.entityId, l1),
          eq(auditEvents.action, `Answered a query on a line of the April to June 2025 report on contract ${contract.reference}`),
        ),
      );
    expect(correction).toMatchObject({
      operation: 'update',
      before: expect.objectContaining({ quantity_hundredths: 50_000 }),
      after: expect.objectContaining({ quantity_hundredths: 78_000 }),
    });

    // the same page is now read-only, and a second answer is refused
    const readOnly = await supplier.get(`${answerUrl}?done=answered`);
    expect(readOnly.body).toContain('Answer sent.');
    expect(readOnly.body).toContain('Waiting for a decision');
    expect(readOnly.body).not.toContain('Send answer');
    const again = await supplier.post(answerUrl, { answer: 'Again', quantity: '1', narrative: '' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This line is not waiting for your answer any more');
    expect((await lineRow(db, l1)).quantityHundredths).toBe(78_000);

    // not delivered until verified
    expect((await manager.get(`/contracts/${contract.id}`)).body).toContain('Requires improvement');
    expect((await manager.post(decide(l1), { decision: 'verify', note: 'Matches the corrected payroll' })).statusCode).toBe(303);
    expect(await reportStatus(db, reportId)).toBe('submitted');
    const contractPage = (await manager.get(`/contracts/${contract.id}`)).body;
    expect(contractPage).toMatch(/780\s*<span[^>]*>97%<\/span>/);
    expect(contractPage).toContain('Good');
    expect(contractPage).not.toContain('Requires improvement');

    const rejected = await manager.post(decide(l3), { decision: 'reject', note: 'This is part of the contract, not additional.' });
    expect(rejected.statusCode).toBe(303);
    expect(await reportStatus(db, reportId)).toBe('verified');
    expect((await lineRow(db, l3)).status).toBe('rejected');

    // one email per event: the query to each supplier user, the answer to the manager; decisions send none
    const all = await mailAbout(db, contract.reference);
    expect(all).toHaveLength(supplierEmails.length + 1);

    const actions = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'report_lines'), eq(auditEvents.entityId, l1)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        `Queried a line of the April to June 2025 report on contract ${contract.reference}`,
        `Verified a line of the April to June 2025 report on contract ${contract.reference}`,
      ]),
    );
  });

  it('rejects every line with a reason, says when a commitment is left red, and marks the report rejected', async () => {
    const db = t.services.database.db;
    const contract = await verificationContract(db);
    const [c1, c2] = contract.commitmentIds as [string, string];
    const { reportId, lineIds } = await insertSubmittedReport(db, contract.id, period2025Q1, [
      { commitmentId: c1, measureId: contract.measures.valued.id, quantityHundredths: 20_000 },
      { commitmentId: c2, measureId: contract.measures.valued2.id, quantityHundredths: 1_000 },
    ]);
    const [l1, l2] = lineIds as [string, string];
    const reportUrl = `/contracts/${contract.id}/reports/${reportId}`;
    const officer = await signedInClient(t.app, 'officer@council.example');

    const first = await officer.post(`${reportUrl}/lines/${l1}/decision`, { decision: 'reject', note: 'The evidence is for another contract.' });
    expect(first.statusCode).toBe(303);
    expect(await lineRow(db, l1)).toMatchObject({ status: 'rejected', decidedBy: await userId(db, 'officer@council.example') });
    expect((await threadOf(db, l1)).map((m) => m.body)).toEqual(['The evidence is for another contract.']);
    expect(await reportStatus(db, reportId)).toBe('submitted');
    const notice = await officer.get(first.headers.location as string);
    expect(notice.body).toContain('Line rejected.');
    expect(notice.body).toContain('is red: 0 verified of 800 profiled to date, and it has no open remediation action');
    expect(notice.body).toContain(`href="/contracts/${contract.id}/commitments/${c1}/remediation/new"`);

    // with an open remediation action on the commitment, no notice
    await db.insert(remediationActions).values({ contractId: contract.id, commitmentId: c2, action: 'Recruitment fair', owner: 'Sam', dueDate: '2099-01-01' });
    const second = await officer.post(`${reportUrl}/lines/${l2}/decision`, { decision: 'reject', note: 'No evidence.' });
    expect(second.statusCode).toBe(303);
    const quiet = await officer.get(second.headers.location as string);
    expect(quiet.body).toContain('Line rejected.');
    expect(quiet.body).not.toContain(`/commitments/${c2}/remediation/new`);

    expect(await reportStatus(db, reportId)).toBe('rejected');
    expect((await officer.get(reportUrl)).body).not.toContain('Save decision');
    expect((await officer.get(`/contracts/${contract.id}`)).body).toContain('Rejected');
    expect(await mailAbout(db, contract.reference)).toHaveLength(0);
  });
});
