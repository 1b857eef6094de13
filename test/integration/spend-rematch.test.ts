import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organisations, spendPublishers, spendSuppliers, users } from '../../src/db/schema/index.js';
import { noSpendFilter, spendTotals } from '../../src/features/spend/figures.js';
import type { OrganisationInput } from '../../src/features/organisations/forms.js';
import { createOrganisation, updateOrganisation } from '../../src/features/organisations/save-organisation.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { figuresAndRecount, importFile } from './spend-fixtures.js';

const blank: OrganisationInput = {
  name: '',
  kind: 'supplier',
  companiesHouseNumber: null,
  charityNumber: null,
  size: null,
  isVcse: false,
  isSocialEnterprise: false,
  postcode: null,
  district: null,
  isLocal: false,
  categories: [],
  openToPartnering: false,
  description: null,
};

describe.each(databaseKinds)('matching unmatched payments again as the directory grows on %s', (kind) => {
  let t: TestApp;
  const db = () => t.services.database.db;
  let actor: { id: string; label: string };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sv-rematch-'));

  const file = (name: string, rows: string[]) => {
    const p = path.join(tmp, name);
    writeFileSync(p, ['Payment Date,Supplier Name,Company Number,Amount,Service Area', ...rows, ''].join('\n'));
    return p;
  };
  const publisherFilter = async (name: string) => {
    const [row] = await db().select().from(spendPublishers).where(eq(spendPublishers.name, name));
    return { ...noSpendFilter, publisherId: row!.id };
  };
  const supplierNamed = async (publisher: string, name: string) => {
    const [row] = await db()
      .select({ supplier: spendSuppliers })
      .from(spendSuppliers)
      .innerJoin(spendPublishers, eq(spendPublishers.id, spendSuppliers.publisherId))
      .where(and(eq(spendPublishers.name, publisher), eq(spendSuppliers.name, name)));
    return row!.supplier;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const [officer] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'officer@council.example'));
    actor = { id: officer!.id, label: 'officer@council.example' };
    await importFile(
      db(),
      actor,
      file('north.csv', [
        '2024-04-02,Hinckley Hedge Trimmers Ltd,,1000.00,Highways',
        '2024-04-03,Redacted,,300.00,Social Care',
        '2024-04-04,Blaby Bakery,,200.00,Schools',
        '2024-05-05,Anstey Plumbing and Heating,07654321,400.00,Property',
        '2024-05-06,Quorn Quilts,,50.00,Libraries',
      ]),
      'North Council',
    );
    await importFile(
      db(),
      actor,
      file('south.csv', ['2024-04-10,HINCKLEY HEDGE TRIMMERS LIMITED,,600.00,Parks', '2024-04-11,Quorn Quilts,,70.00,Libraries']),
      'South Council',
    );
  });
  afterAll(async () => t?.close());

  it('matches the payments of every publisher to an organisation added to the directory, and leaves decisions and redacted rows alone', async () => {
    const north = await publisherFilter('North Council');
    const south = await publisherFilter('South Council');
    expect(await spendTotals(db(), north)).toMatchObject({ pence: 195000, matchedPence: 0, localPence: 0 });

    // A person decided that Blaby Bakery is no organisation of the directory: that decision stands.
    const officer = await signedInClient(t.app, 'officer@council.example');
    const bakery = await supplierNamed('North Council', 'Blaby Bakery');
    expect((await officer.post(`/spend/suppliers/${bakery.id}`, { decision: 'reject', status: 'unmatched' })).statusCode).toBe(303);

    const admin = await signedInClient(t.app, 'admin@council.example');
    for (const [name, postcode] of [
      ['Hinckley Hedge Trimmers', 'LE10 0AB'],
      ['Blaby Bakery Ltd', 'LE8 4AA'],
      ['Redacted Ltd', 'LE8 4AB'],
    ]) {
      await admin.get('/admin/organisations/new');
      const added = await admin.post('/admin/organisations/new', { name: name!, kind: 'supplier', size: 'small', flags: ['vcse'], postcode: postcode! });
      expect(added.statusCode).toBe(303);
    }

    const [hedges] = await db().select().from(organisations).where(eq(organisations.name, 'Hinckley Hedge Trimmers'));
    expect(hedges).toMatchObject({ isLocal: true });
    for (const [publisher, name] of [
      ['North Council', 'Hinckley Hedge Trimmers Ltd'],
      ['South Council', 'HINCKLEY HEDGE TRIMMERS LIMITED'],
    ]) {
      expect(await supplierNamed(publisher!, name!)).toMatchObject({ status: 'matched', matchedBy: 'name', organisationId: hedges!.id, decidedAt: null });
    }
    expect(await supplierNamed('North Council', 'Blaby Bakery')).toMatchObject({ status: 'unmatched', organisationId: null });
    expect(await supplierNamed('North Council', 'Redacted')).toMatchObject({ status: 'redacted', organisationId: null });
    expect(await spendTotals(db(), north)).toMatchObject({ matchedPence: 100000, localPence: 100000, smePence: 100000, vcsePence: 100000 });
    expect(await spendTotals(db(), south)).toMatchObject({ matchedPence: 60000, localPence: 60000 });

    // The changes are in the audit trail of the organisation's addition.
    const changes = await db().select().from(auditEvents).where(eq(auditEvents.entityTable, 'spend_suppliers'));
    expect(
      changes.some((c) => c.operation === 'update' && c.action.startsWith('Added organisation') && (c.after as { status?: string }).status === 'matched'),
    ).toBe(true);
  });

  it('matches by company number when an organisation’s number changes, and puts a newly similar name to review', async () => {
    const north = await publisherFilter('North Council');
    const [midlands] = await db().select().from(organisations).where(eq(organisations.companiesHouseNumber, '01234567'));
    const { id, createdAt: _c, updatedAt: _u, ...current } = midlands!;
    expect(await updateOrganisation(db(), actor, id, { ...current, companiesHouseNumber: '07654321' })).toEqual({ ok: true });
    expect(await supplierNamed('North Council', 'Anstey Plumbing and Heating')).toMatchObject({
      status: 'matched',
      matchedBy: 'company number',
      organisationId: id,
    });
    expect(await spendTotals(db(), north)).toMatchObject({ matchedPence: 140000, smePence: 100000 });

    // A name close to Quorn Quilts: the payments wait for a person, with it as the suggestion.
    const admin = await signedInClient(t.app, 'admin@council.example');
    await admin.get('/admin/organisations/new');
    await admin.post('/admin/organisations/new', { name: 'Quorn Quilt', kind: 'supplier', size: 'micro', postcode: 'LE12 8AA' });
    const [similar] = await db().select().from(organisations).where(eq(organisations.name, 'Quorn Quilt'));
    expect(await supplierNamed('North Council', 'Quorn Quilts')).toMatchObject({ status: 'review', candidateId: similar!.id });
    expect(await spendTotals(db(), north)).toMatchObject({ reviewPence: 5000 });

    // Renamed to something else, it is no longer a candidate.
    const { id: similarId, createdAt: _c2, updatedAt: _u2, ...similarNow } = similar!;
    await updateOrganisation(db(), actor, similarId, { ...similarNow, name: 'Rothley Rugs' });
    expect(await supplierNamed('North Council', 'Quorn Quilts')).toMatchObject({ status: 'unmatched', candidateId: null });
  });

  it('matches other publishers’ payments to an organisation added from the review page', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    const quilts = await supplierNamed('South Council', 'Quorn Quilts');
    expect((await officer.post(`/spend/suppliers/${quilts.id}`, { decision: 'add', status: 'unmatched' })).statusCode).toBe(303);
    const [added] = await db().select().from(organisations).where(eq(organisations.name, 'Quorn Quilts'));
    expect(await supplierNamed('South Council', 'Quorn Quilts')).toMatchObject({ status: 'matched', matchedBy: 'decision', organisationId: added!.id });
    expect(await supplierNamed('North Council', 'Quorn Quilts')).toMatchObject({ status: 'matched', matchedBy: 'name', organisationId: added!.id });
  });

  it('matches payments to an organisation added while their file was being imported', async () => {
    const admin = { id: actor.id, label: actor.label };
    const { result } = await importFile(
      db(),
      actor,
      file('during.csv', ['2024-06-01,Sileby Signs,,10.00,Parks', '2024-06-02,Barrow Brewers,,20.00,Parks', '2024-06-03,Sileby Signs,,30.00,Parks']),
      'North Council',
      'spend',
      {
        rowsPerBatch: 1,
        afterBatch: async ({ batch }) => {
          if (batch === 1) await createOrganisation(db(), admin, { ...blank, name: 'Barrow Brewers Ltd' });
        },
      },
    );
    expect(result).toMatchObject({ status: 'imported', rowsImported: 3 });
    expect(await supplierNamed('North Council', 'Barrow Brewers')).toMatchObject({ status: 'matched', matchedBy: 'name' });
    expect(await supplierNamed('North Council', 'Sileby Signs')).toMatchObject({ status: 'unmatched' });
  });

  it('matches again only the payments a changed organisation can be matched to, against the organisations they could be matched to, and leaves decisions alone', async () => {
    await importFile(
      db(),
      actor,
      file('west.csv', [
        '2024-07-01,Wigston Widgets Ltd,,100.00,Parks',
        '2024-07-02,Enderby Engines,,200.00,Fleet',
        '2024-07-03,Oadby Ovens,,300.00,Schools',
        '2024-07-04,Syston Saddles,,400.00,Parks',
      ]),
      'West Council',
    );
    const west = await publisherFilter('West Council');
    // Organisations added behind the service's back (no change is made through it): nothing is matched to them yet.
    await db()
      .insert(organisations)
      .values([
        { name: 'Syston Saddles', kind: 'supplier' },
        { name: 'Enderby Engines Ltd', kind: 'supplier' },
      ]);
    const officer = await signedInClient(t.app, 'officer@council.example');
    const ovens = await supplierNamed('West Council', 'Oadby Ovens');
    expect((await officer.post(`/spend/suppliers/${ovens.id}`, { decision: 'reject', status: 'unmatched' })).statusCode).toBe(303);
    const decided = await supplierNamed('West Council', 'Oadby Ovens');
    expect(decided.decidedAt).not.toBeNull();

    const kites = await createOrganisation(db(), actor, { ...blank, name: 'Kibworth Kites' });
    const lamps = await createOrganisation(db(), actor, { ...blank, name: 'Lutterworth Lamps' });
    const mats = await createOrganisation(db(), actor, { ...blank, name: 'Harborough Mats' });
    const rename = async (id: string, name: string) => {
      const [row] = await db().select().from(organisations).where(eq(organisations.id, id));
      const { id: _id, createdAt: _c, updatedAt: _u, ...current } = row!;
      expect(await updateOrganisation(db(), actor, id, { ...current, name })).toEqual({ ok: true });
    };
    await rename(kites, 'Wigston Widgets');
    expect(await supplierNamed('West Council', 'Wigston Widgets Ltd')).toMatchObject({ status: 'matched', matchedBy: 'name', organisationId: kites });
    // Two organisations of the directory now have the name: the payments wait for a person, not matched to the changed one.
    await rename(lamps, 'Enderby Engines');
    expect(await supplierNamed('West Council', 'Enderby Engines')).toMatchObject({
      status: 'review',
      candidateId: lamps,
      candidateScore: 100,
      organisationId: null,
    });
    // A person decided that Oadby Ovens is no organisation of the directory: a namesake does not change that.
    await rename(mats, 'Oadby Ovens Ltd');
    expect(await supplierNamed('West Council', 'Oadby Ovens')).toEqual(decided);
    // Syston Saddles shares nothing with the changes: it is not looked at (its organisation came in behind the service's back).
    expect(await supplierNamed('West Council', 'Syston Saddles')).toMatchObject({ status: 'unmatched', organisationId: null });
    expect(await spendTotals(db(), west)).toMatchObject({ pence: 100000, matchedPence: 10000, reviewPence: 20000 });
  });

  it('keeps figures that agree with a recount', async () => {
    const { kept, recounted } = await figuresAndRecount(db());
    expect(kept).toEqual(recounted);
  });
});
