// Ten 5 MB evidence files uploaded in one request to the service running in its own process (PGlite): the growth of
// that process's resident memory, sampled from /proc, at its highest through three such uploads one after another,
// against its memory just before the first. Each file is a real PDF (a page with a scan of random bytes attached), so
// that the service checks that it opens as a PDF, as it does every upload.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { openDatabase } from '../dist/db/client.js';
import { contractCommitments, contracts, deliveryReports, frameworkVersions, measures, reportLines, users } from '../dist/db/schema/index.js';
import { todayIso } from '../dist/domain/dates.js';
import { reportingPeriods } from '../dist/domain/reporting-periods.js';
import { seedIfEmpty } from '../dist/seed/demo.js';
import { residentBytes, startServer, stop } from './child-server.js';
import { signInCookie } from './pages.js';

const FILES = 10;
const RUNS = 3;
const FILE_BYTES = 5 * 1024 * 1024;
const SUPPLIER = 'supplier@supplier.example';

/** A contract of the demo supplier with a draft report of its first period and one line to upload evidence to. */
async function prepare(dataDir) {
  const database = await openDatabase({ dataDir });
  try {
    const { db } = database;
    await seedIfEmpty(db);
    const [version] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
    const [measure] = await db.select({ id: measures.id }).from(measures).where(eq(measures.versionId, version.id)).orderBy(measures.code).limit(1);
    const [supplier] = await db.select({ id: users.organisationId }).from(users).where(eq(users.email, SUPPLIER));
    const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'manager@council.example'));
    const start = `${Number(todayIso().slice(0, 4)) - 2}-04-01`;
    const end = `${Number(todayIso().slice(0, 4)) + 1}-03-31`;
    const [contract] = await db
      .insert(contracts)
      .values({
        reference: 'BENCH-UPLOAD',
        title: 'Upload benchmark',
        supplierId: supplier.id,
        valuePence: 10_000_000,
        startDate: start,
        endDate: end,
        contractManagerId: manager.id,
        applicability: 'policy',
        source: 'manual',
        frameworkVersionId: version.id,
      })
      .returning({ id: contracts.id });
    const [commitment] = await db
      .insert(contractCommitments)
      .values({ contractId: contract.id, measureId: measure.id, quantityHundredths: 1000, originalMeasureId: measure.id, originalQuantityHundredths: 1000 })
      .returning({ id: contractCommitments.id });
    const [period] = reportingPeriods(start, end, 'quarterly');
    const [report] = await db
      .insert(deliveryReports)
      .values({ contractId: contract.id, periodStart: period.periodStart, periodEnd: period.periodEnd, dueDate: period.dueDate })
      .returning({ id: deliveryReports.id });
    const [line] = await db
      .insert(reportLines)
      .values({ reportId: report.id, commitmentId: commitment.id, measureId: measure.id, quantityHundredths: 500, narrative: 'Benchmark' })
      .returning({ id: reportLines.id });
    return `/supplier/contracts/${contract.id}/reports/${report.id}/lines/${line.id}/evidence`;
  } finally {
    await database.close();
  }
}

/** A PDF of about `bytes` bytes: one page, and a scan of random bytes attached to it. */
async function pdfOfSize(bytes) {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Benchmark evidence');
  await doc.attach(randomBytes(Math.max(0, bytes - 4096)), 'scan.bin', { mimeType: 'application/octet-stream' });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Posts `count` PDFs of about `bytes` each as one multipart form, each sent in small pieces. */
async function upload(base, uploadPath, cookie, csrf, count, bytes) {
  const pdf = await pdfOfSize(bytes);
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${base}${uploadPath}`,
      { method: 'POST', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      },
    );
    request.on('error', reject);
    const write = (chunk) => new Promise((done) => (request.write(chunk) ? done() : request.once('drain', done)));
    (async () => {
      await write(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`);
      for (let i = 0; i < count; i++) {
        await write(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="evidence-${i + 1}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
        for (let sent = 0; sent < pdf.length; sent += 64 * 1024) await write(pdf.subarray(sent, sent + 64 * 1024));
        await write('\r\n');
      }
      request.end(`--${boundary}--\r\n`);
    })().catch(reject);
  });
}

export async function evidenceUploadBenchmark() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sv-bench-upload-'));
  const uploadPath = await prepare(dataDir);
  const { child, base } = await startServer(['app', dataDir], { EVIDENCE_MAX_MB: '6' });
  try {
    const session = await signInCookie(base, SUPPLIER);
    const page = await fetch(`${base}${uploadPath.replace(/\/lines\/.*$/, '')}`, { headers: { cookie: session } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
    if (!csrf) throw new Error(`the report page answered ${page.status} with no form`);
    // the page may set a new CSRF secret cookie, which must go with its token
    const cookies = new Map([...session.split('; '), ...page.headers.getSetCookie().map((c) => c.split(';')[0])].map((c) => [c.split('=')[0], c]));
    const cookie = [...cookies.values()].join('; ');
    // A small upload first, so that the code on the upload's path is loaded before measuring.
    const warm = await upload(base, uploadPath, cookie, csrf, 1, 100 * 1024);
    if (warm !== 303) throw new Error(`a small upload answered ${warm}`);
    // The peak over the memory before the first upload, through three uploads one after another: a leak or a file
    // held whole would add up; garbage not yet collected is counted too.
    const before = residentBytes(child.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(child.pid))), 10);
    try {
      for (let run = 0; run < RUNS; run++) {
        const status = await upload(base, uploadPath, cookie, csrf, FILES, FILE_BYTES);
        if (status !== 303) throw new Error(`the upload answered ${status}`);
      }
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, residentBytes(child.pid));
    return { files: FILES, fileMb: FILE_BYTES / 1024 / 1024, runs: RUNS, beforeMb: before / 1024 / 1024, growthMb: (peak - before) / 1024 / 1024 };
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
