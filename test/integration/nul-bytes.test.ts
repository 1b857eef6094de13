import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bidAnswers, bidCommitments, organisations, requirements } from '../../src/db/schema/index.js';
import { Client, createTestApp, DEMO_PASSWORD, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { SUPPLIER, createTender, storedBid } from './bids-fixtures.js';

/** A NUL byte, which PostgreSQL refuses in text: every form and filter must cope with it, never a 500. */
const NUL = '\u0000';

function revisionOf(body: string): string {
  return /name="revision" value="(\d+)"/.exec(body)?.[1] ?? 'missing';
}

describe.each(databaseKinds)('NUL bytes in what is sent, on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  let supplier: Client;
  const db = () => t.services.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
    admin = await signedInClient(t.app, 'admin@council.example');
    supplier = await signedInClient(t.app, SUPPLIER);
  });
  afterAll(async () => t?.close());

  it('signs in with an email address that carries a NUL byte, as if it were not there', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: `viewer${NUL}@council.example`, password: DEMO_PASSWORD });
    expect(response.statusCode).toBe(303);
  });

  it('saves a requirement whose title carries a NUL byte, without the byte', async () => {
    await officer.get('/requirements/new');
    const officerId = /<option value="([0-9a-f-]{36})" selected>Owen Hughes<\/option>/.exec((await officer.get('/requirements/new')).body)?.[1] ?? '';
    const response = await officer.post('/requirements/new', {
      title: `Grounds${NUL} maintenance in Blaby`,
      description: `Grass cutting${NUL}`,
      directorate: 'Environment and Transport',
      category: '60130000',
      cpvCode: '',
      value: '60,000',
      includesVat: 'no',
      'expectedStart-day': '1',
      'expectedStart-month': '9',
      'expectedStart-year': '2027',
      duration: '24',
      districts: ['Blaby'],
      owner: officerId,
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    const [row] = await db().select({ title: requirements.title }).from(requirements).where(eq(requirements.title, 'Grounds maintenance in Blaby'));
    expect(row).toBeDefined();
  });

  it('saves a bid answer and a commitment narrative that carry NUL bytes, without the bytes', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const answer = `${base}/answers/${tender.questionIds[0]}`;
    const opened = await supplier.get(answer);
    const saved = await supplier.post(answer, { revision: revisionOf(opened.body), answer: `We advertise locally.${NUL}` });
    expect(saved.statusCode).toBe(303);
    const bid = await storedBid(db(), tender.id, SUPPLIER);
    const [stored] = await db().select().from(bidAnswers).where(eq(bidAnswers.bidId, bid!.id));
    expect(stored!.answer).toBe('We advertise locally.');

    const commitment = `${base}/commitments/${tender.measureIds.GC01}`;
    const form = await supplier.get(commitment);
    const committed = await supplier.post(commitment, {
      revision: revisionOf(form.body),
      quantity: '120',
      profileBy: 'year',
      'profile-year-1': '70',
      'profile-year-2': '50',
      districts: ['Charnwood', `Melton${NUL}`],
      narrative: `Staff volunteer${NUL} at the food bank.`,
    });
    expect(committed.statusCode, committed.body.slice(0, 300)).toBe(303);
    const [row] = await db().select().from(bidCommitments).where(eq(bidCommitments.bidId, bid!.id));
    expect(row).toMatchObject({ narrative: 'Staff volunteer at the food bank.', districts: ['Charnwood', 'Melton'] });
  });

  it('saves an organisation whose name carries a NUL byte, without the byte', async () => {
    await admin.get('/admin/organisations/new');
    const response = await admin.post('/admin/organisations/new', {
      name: `Oadby${NUL} Bakery Ltd`,
      kind: 'supplier',
      size: 'small',
      companiesHouseNumber: '07654321',
      charityNumber: '',
      postcode: 'LE2 4AA',
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    const [row] = await db().select({ name: organisations.name }).from(organisations).where(eq(organisations.name, 'Oadby Bakery Ltd'));
    expect(row).toBeDefined();
  });

  it('filters contracts and the audit trail with NUL bytes in every filter, without a 500', async () => {
    const contracts = await officer.get('/contracts?supplier=%00&manager=%00&source=a%00&rating=%00&page=1%00');
    expect(contracts.statusCode).toBe(200);
    const audit = await admin.get('/admin/audit?actor=admin%00&action=%00Signed&table=users%00&operation=%00&from-day=%00&before=1%00');
    expect(audit.statusCode).toBeLessThan(500);
    const plain = await admin.get('/admin/audit?actor=adm%00in%40council.example');
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('admin@council.example');
  });

  it('treats a NUL byte in a path as part of an id that does not exist', async () => {
    expect((await officer.get('/requirements/%00')).statusCode).toBe(404);
    expect((await officer.get('/contracts/%00abc')).statusCode).toBe(404);
  });
});
