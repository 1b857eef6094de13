import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, deliveryReports, reportLines } from '../../src/db/schema/index.js';
import { uploadEvidence } from '../../src/features/delivery-reports/upload-evidence.js';
import { CHUNK_BYTES } from '../../src/platform/evidence-store.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { FAKE_PDF, docx, image, truncated } from '../helpers/evidence-files.js';
import { userId } from './contracts-fixtures.js';
import { ELF, PDF, PNG, evidenceCounts, file, pdfOfSize, reportIdIn, reportingContract } from './delivery-reports-fixtures.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A draft report with one commitment line entered, ready for evidence. */
async function draftLine(t: TestApp, supplier: Client, c: Awaited<ReturnType<typeof reportingContract>>, periodIndex: number) {
  await supplier.get(`/contracts/${c.id}`);
  const started = await supplier.post(`/supplier/contracts/${c.id}/periods/${c.ended[periodIndex]!.periodStart}`);
  const reportId = reportIdIn(started.headers.location);
  const base = `/supplier/contracts/${c.id}/reports/${reportId}`;
  await supplier.get(`${base}/commitments/${c.commitmentIds[0]}`);
  const saved = await supplier.post(`${base}/commitments/${c.commitmentIds[0]}`, {
    revision: '1',
    quantity: '1',
    narrative: 'One start',
    districts: ['Blaby'],
  });
  expect(saved.statusCode).toBe(303);
  const [line] = await t.services.database.db.select().from(reportLines).where(eq(reportLines.reportId, reportId));
  await supplier.get(`${base}/commitments/${c.commitmentIds[0]}`);
  return { reportId, base, lineId: line!.id, upload: `${base}/lines/${line!.id}/evidence` };
}

describe.each(databaseKinds)('evidence files on %s', (kind) => {
  let t: TestApp;
  let supplier: Client;
  let c: Awaited<ReturnType<typeof reportingContract>>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    c = await reportingContract(t.services.database.db);
    supplier = await signedInClient(t.app, 'supplier@supplier.example');
  });
  afterAll(async () => t?.close());

  it('stores a streamed file whose name carries a NUL byte under its name without the byte', async () => {
    const db = t.services.database.db;
    const own = await reportingContract(db);
    const { upload, lineId } = await draftLine(t, supplier, own, 0);
    const response = await supplier.upload(upload, {}, [file('site\u0000visit.pdf', PDF)]);
    expect(response.statusCode).toBe(303);
    expect((await evidenceCounts(db, [lineId])).files.map((f) => f.filename)).toEqual(['sitevisit.pdf']);
  });

  it('stores several files from one form in chunks with their checksums, and gives them back unchanged', async () => {
    const db = t.services.database.db;
    const { upload, lineId, base, reportId } = await draftLine(t, supplier, c, 0);
    const big = await pdfOfSize(600 * 1024);
    const before = await evidenceCounts(db, [lineId]);
    const response = await supplier.upload(upload, {}, [
      file('attendance.pdf', big),
      file('photo.png', PNG, 'image/png'),
      file('', Buffer.alloc(0), 'application/octet-stream'),
    ]);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${base}/commitments/${c.commitmentIds[0]}?done=evidence#evidence`);
    const after = await evidenceCounts(db, [lineId]);
    expect(after.files.map((f) => [f.filename, f.contentType, f.sizeBytes, f.sha256])).toEqual([
      ['attendance.pdf', 'application/pdf', big.length, sha256(big)],
      ['photo.png', 'image/png', PNG.length, sha256(PNG)],
    ]);
    expect(after.chunks - before.chunks).toBe(Math.ceil(big.length / CHUNK_BYTES) + 1); // the large file in chunks, and one small file
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, after.files[0]!.id), eq(auditEvents.operation, 'insert')));
    expect(audit!.action).toBe(`Added evidence attendance.pdf to ${c.m.valued.code} in the ${c.ended[0]!.label} report on contract ${c.reference}`);

    const download = await supplier.get(`/evidence/${after.files[0]!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="attendance.pdf"; filename*=UTF-8''attendance.pdf`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(sha256(download.rawPayload)).toBe(sha256(big));

    const manager = await signedInClient(t.app, 'manager@council.example');
    expect((await manager.get(`/evidence/${after.files[1]!.id}`)).statusCode).toBe(404); // the council sees it once submitted
    await db.update(deliveryReports).set({ status: 'submitted' }).where(eq(deliveryReports.id, reportId));
    const staffDownload = await manager.get(`/evidence/${after.files[1]!.id}`);
    expect(staffDownload.statusCode).toBe(200);
    expect(staffDownload.rawPayload.equals(PNG)).toBe(true);

    const stranger = await signedInClient(t.app, 'supplier2@midlands.example');
    expect((await stranger.get(`/evidence/${after.files[0]!.id}`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`/evidence/${after.files[0]!.id}`)).statusCode).toBe(302);
    expect((await supplier.get('/evidence/not-an-id')).statusCode).toBe(404);
  });

  it('refuses an executable named .pdf, naming it, and keeps nothing of it', async () => {
    const db = t.services.database.db;
    const { upload, lineId } = await draftLine(t, supplier, c, 1);
    const before = await evidenceCounts(db, [lineId]);
    const response = await supplier.upload(upload, {}, [file('invoice.pdf', ELF), file('report.pdf', PDF)]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('invoice.pdf is not a file type that can be accepted');
    const after = await evidenceCounts(db, [lineId]);
    expect(after.files.map((f) => f.filename)).toEqual(['report.pdf']);
    expect(after.chunks - before.chunks).toBe(1);
  });

  it('refuses a file that starts like a PDF, PNG or Word document but does not open as one, naming each, and keeps the real ones', async () => {
    const db = t.services.database.db;
    const { upload, lineId } = await draftLine(t, supplier, await reportingContract(db), 0);
    const [realPdf, realPng, realDocx] = await Promise.all([pdfOfSize(40_000), image('png'), docx()]);
    const response = await supplier.upload(upload, {}, [
      file('receipts.pdf', FAKE_PDF),
      file('site-photo.png', truncated(realPng), 'image/png'),
      file('plan.docx', truncated(realDocx), 'application/octet-stream'),
      file('register.pdf', realPdf),
      file('photo.png', realPng, 'image/png'),
      file('method.docx', realDocx, 'application/octet-stream'),
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('receipts.pdf could not be opened as a PDF');
    expect(response.body).toContain('site-photo.png could not be opened as a PNG image');
    expect(response.body).toContain('plan.docx could not be opened as a Word document');
    const stored = (await evidenceCounts(db, [lineId])).files;
    expect(stored.map((f) => [f.filename, f.sha256])).toEqual([
      ['register.pdf', sha256(realPdf)],
      ['photo.png', sha256(realPng)],
      ['method.docx', sha256(realDocx)],
    ]);
  });

  it('refuses an upload without a file or without the CSRF token', async () => {
    const { upload, lineId } = await draftLine(t, supplier, c, 2);
    const empty = await supplier.upload(upload, {}, [file('', Buffer.alloc(0), 'application/octet-stream')]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select one or more files to upload');
    const forged = await supplier.upload(upload, { _csrf: 'forged' }, [file('report.pdf', PDF)]);
    expect(forged.statusCode).toBe(403);
    expect((await evidenceCounts(t.services.database.db, [lineId])).files).toHaveLength(0);
  });

  it('takes at most ten files from one form, and says so', async () => {
    const { upload, lineId } = await draftLine(t, supplier, c, 4);
    const eleven = Array.from({ length: 11 }, (_, i) => file(`page-${i + 1}.pdf`, PDF));
    const response = await supplier.upload(upload, {}, eleven);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Upload 10 files or fewer at a time: the first 10 were added');
    expect((await evidenceCounts(t.services.database.db, [lineId])).files).toHaveLength(10);
  });

  it('reads refused uploads to their end, so that a kept-alive connection carries the next request', async () => {
    const { upload, reportId } = await draftLine(t, supplier, c, 5);
    const pdf = await pdfOfSize(3 * 1024 * 1024);
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (csrf: string, url: string) =>
      new Promise<number>((resolve, reject) => {
        const boundary = '----keepalive';
        const headers = { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: supplier.cookieHeader() };
        const request = http.request(`${address}${url}`, { agent, method: 'POST', headers }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode!));
        });
        request.on('error', reject);
        request.write(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`);
        request.write(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
        request.end(Buffer.concat([pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]));
      });
    try {
      expect(await send('forged', upload)).toBe(403);
      expect(await send(supplier.csrfToken, `/supplier/contracts/${c.id}/reports/${reportId}/lines/00000000-0000-4000-8000-000000000000/evidence`)).toBe(404);
      expect(await send(supplier.csrfToken, upload)).toBe(303);
    } finally {
      agent.destroy();
    }
  });

  it('adds nothing to a report submitted while its files were on their way', async () => {
    const db = t.services.database.db;
    const { lineId, reportId } = await draftLine(t, supplier, c, 6);
    await db.update(deliveryReports).set({ status: 'submitted' }).where(eq(deliveryReports.id, reportId));
    const parts = (async function* () {
      for (const name of ['late.pdf', 'later.pdf']) yield { filename: name, file: Readable.from([PDF]) } as unknown as MultipartFile;
    })();
    const target = { lineId, uploadedBy: await userId(db, 'supplier@supplier.example'), describe: (name: string) => `Added ${name}`, maxBytes: 1024 * 1024 };
    const result = await uploadEvidence(db, { id: null, label: 'test' }, parts, target);
    expect(result).toEqual({ stored: [], problems: ['late.pdf was not added: the report was submitted while it was uploading'] });
    expect((await evidenceCounts(db, [lineId])).files).toHaveLength(0);
  });

  it('answers other requests while an upload is still on its way (no transaction waits on the network)', async () => {
    const db = t.services.database.db;
    const { lineId } = await draftLine(t, supplier, c, 7);
    let arrive!: () => void;
    let waiting!: () => void;
    const rest = new Promise<void>((resolve) => (arrive = resolve));
    const halfway = new Promise<void>((resolve) => (waiting = resolve));
    const pdf = await pdfOfSize(80 * 1024);
    const slowFile = (async function* () {
      yield pdf.subarray(0, 1024);
      waiting();
      await rest; // the rest of the file is still on the network
      yield pdf.subarray(1024);
    })();
    const parts = (async function* () {
      yield { filename: 'slow.pdf', file: slowFile } as unknown as MultipartFile;
    })();
    const target = { lineId, uploadedBy: await userId(db, 'supplier@supplier.example'), describe: (name: string) => `Added ${name}`, maxBytes: 1024 * 1024 };
    const uploading = uploadEvidence(db, { id: null, label: 'test' }, parts, target);
    await halfway;
    // Any other request's query (on the embedded database, a query waits for an open transaction to end).
    const answered = await Promise.race([
      db
        .select({ id: reportLines.id })
        .from(reportLines)
        .where(eq(reportLines.id, lineId))
        .then((rows) => rows.length),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
    ]);
    arrive();
    expect(answered).toBe(1);
    expect(await uploading).toEqual({ stored: ['slow.pdf'], problems: [] });
    expect((await evidenceCounts(db, [lineId])).files.map((f) => f.sizeBytes)).toEqual([pdf.length]);
  });

  it('answers a broken form with 400, and leaves no temporary file behind', async () => {
    const { upload } = await draftLine(t, supplier, await reportingContract(t.services.database.db), 0);
    const garbled = await t.app.inject({
      method: 'POST',
      url: '/sign-out',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
    });
    expect(garbled.statusCode).toBe(400);
    const spoolFolder = mkdtempSync(path.join(os.tmpdir(), 'sv-test-spool-'));
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = spoolFolder;
    try {
      const boundary = '----cutshort';
      const cut = await t.app.inject({
        method: 'POST',
        url: upload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: supplier.cookieHeader() },
        // a file part whose form never ends, as when the connection breaks
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${supplier.csrfToken}\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then nothing`,
      });
      expect(cut.statusCode).toBe(400);
      expect(readdirSync(spoolFolder)).toEqual([]);
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
      rmSync(spoolFolder, { recursive: true, force: true });
    }
  });

  it('keeps a draft and its evidence from the council until it is submitted', async () => {
    const db = t.services.database.db;
    const own = await reportingContract(db);
    const { upload, reportId, lineId } = await draftLine(t, supplier, own, 0);
    expect((await supplier.upload(upload, {}, [file('draft.pdf', PDF)])).statusCode).toBe(303);
    const [stored] = (await evidenceCounts(db, [lineId])).files;
    const manager = await signedInClient(t.app, 'manager@council.example');
    expect((await manager.get(`/contracts/${own.id}/reports/${reportId}`)).statusCode).toBe(404);
    expect((await manager.get(`/evidence/${stored!.id}`)).statusCode).toBe(404);
    expect((await supplier.get(`/evidence/${stored!.id}`)).statusCode).toBe(200);
    await db.update(deliveryReports).set({ status: 'submitted' }).where(eq(deliveryReports.id, reportId));
    expect((await manager.get(`/contracts/${own.id}/reports/${reportId}`)).statusCode).toBe(200);
    expect((await manager.get(`/contracts/${own.id}/reports/${reportId}?done=toString`)).statusCode).toBe(200);
    expect((await manager.get(`/contracts/${own.id}?done=constructor`)).statusCode).toBe(200);
    expect((await manager.get(`/evidence/${stored!.id}`)).statusCode).toBe(200);
  });

  it('lets only the supplier add or remove evidence while the report is a draft', async () => {
    const db = t.services.database.db;
    const { upload, lineId, base } = await draftLine(t, supplier, c, 3);
    const stranger = await signedInClient(t.app, 'supplier2@midlands.example');
    await stranger.get('/supplier');
    expect((await stranger.upload(upload, {}, [file('report.pdf', PDF)])).statusCode).toBe(404);
    expect((await supplier.upload(upload, {}, [file('report.pdf', PDF)])).statusCode).toBe(303);
    const [stored] = (await evidenceCounts(db, [lineId])).files;
    await supplier.get(`${base}/commitments/${c.commitmentIds[0]}`);
    const removed = await supplier.post(`${base}/evidence/${stored!.id}/remove`);
    expect(removed.statusCode).toBe(303);
    expect((await evidenceCounts(db, [lineId])).files).toHaveLength(0);
  });
});

describe.each(databaseKinds)('the evidence size limit on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(kind, { env: { EVIDENCE_MAX_MB: '1' } });
  });
  afterAll(async () => t?.close());

  it('refuses a file over EVIDENCE_MAX_MB, naming it, and keeps nothing of it', async () => {
    const db = t.services.database.db;
    const c = await reportingContract(db);
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    const { upload, lineId } = await draftLine(t, supplier, c, 0);
    const before = await evidenceCounts(db, [lineId]);
    const response = await supplier.upload(upload, {}, [file('huge.pdf', await pdfOfSize(1024 * 1024 + 1)), file('fits.pdf', await pdfOfSize(1024 * 1024))]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('huge.pdf is larger than 1MB');
    expect(response.body).toContain('each smaller than 1MB');
    const after = await evidenceCounts(db, [lineId]);
    expect(after.files.map((f) => [f.filename, f.sizeBytes])).toEqual([['fits.pdf', 1024 * 1024]]);
    expect(after.chunks - before.chunks).toBe((1024 * 1024) / CHUNK_BYTES);
  });
});
