import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts } from '../../src/db/schema/index.js';
import { socialValuePence } from '../../src/domain/social-value.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { releasePackageValidator } from '../helpers/ocds-schema.js';
import { organisationOf } from './contracts-fixtures.js';
import { forbiddenValues, openDataFixture } from './open-data-fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const validate = releasePackageValidator();

describe.each(databaseKinds)('the OCDS release package on %s', (kind) => {
  let t: TestApp;
  let fixture: Awaited<ReturnType<typeof openDataFixture>>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    fixture = await openDataFixture(t.services.database.db);
  });
  afterAll(async () => t?.close());

  async function download(): Promise<Json> {
    const response = await t.app.inject({ method: 'GET', url: '/transparency/ocds.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    return JSON.parse(response.body) as Json;
  }

  it('is public, validates against the release package schema with the extensions applied, and has only published contracts', async () => {
    const pkg = await download();
    const result = validate(pkg);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(pkg.version).toBe('1.1');
    expect(pkg.publisher.name).toBe('Leicestershire County Council');
    expect(pkg.extensions).toContain('https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/master/extension.json');
    const ocids = pkg.releases.map((r: Json) => r.ocid).sort();
    expect(ocids).toEqual([`ocds-svleic-${fixture.published.id}`, `ocds-svleic-${fixture.quiet.id}`].sort());
  });

  it('carries commitments as agreed metrics and only verified delivery as implementation metrics, valued where the measure has a proxy', async () => {
    const { m, published } = fixture;
    const pkg = await download();
    const release = pkg.releases.find((r: Json) => r.ocid === `ocds-svleic-${published.id}`) as Json;
    expect(release.tag).toEqual(['award', 'contract', 'implementation']);
    const contract = release.contracts[0] as Json;
    expect(contract.title).toBe('Home care in Charnwood');
    expect(contract.agreedMetrics.map((a: Json) => a.id)).toEqual([...published.commitmentIds].sort());
    const firstAgreed = contract.agreedMetrics.find((a: Json) => a.id === published.commitmentIds[0]) as Json;
    expect(firstAgreed.observations[0]).toMatchObject({ measure: 8, unit: expect.any(Object) });
    expect(firstAgreed.observations.filter((o: Json) => o.period)).toHaveLength(4);

    const metrics = contract.implementation.metrics as Json[];
    const byId = new Map(metrics.map((metric) => [metric.id, metric]));
    const first = byId.get(published.commitmentIds[0]!)!;
    expect(first.observations.map((o: Json) => [o.period.startDate, o.measure])).toEqual([
      ['2025-04-01T00:00:00Z', 2.5],
      ['2025-07-01T00:00:00Z', 1.5],
    ]);
    expect(first.observations[0].value).toEqual({
      amount: socialValuePence(250, { proxyPencePerUnit: m.valued.proxy, deadweightBps: m.valued.deadweight, attributionBps: m.valued.attribution })! / 100,
      currency: 'GBP',
    });
    expect(byId.get(published.commitmentIds[1]!)!.observations.map((o: Json) => o.measure)).toEqual([1]);
    expect(byId.get(`additional-${m.valued.id}`)!.observations.map((o: Json) => o.measure)).toEqual([3]);
    const text = JSON.stringify(release);
    for (const draft of [99, 77, 66]) expect(text).not.toContain(`"measure":${draft}`);
  });

  it('flags suppliers as SME and VCSE as the UK extensions define them, and reveals no person and no unpublished contract', async () => {
    const pkg = await download();
    const suppliers = pkg.releases.flatMap((r: Json) => r.parties.filter((p: Json) => p.roles.includes('supplier')));
    const soar = suppliers.find((p: Json) => p.name === 'Soar Valley Community Enterprise CIC');
    expect(soar.details).toEqual({ scale: 'sme', vcse: true });
    expect(soar.identifier).toEqual({ scheme: 'GB-COH', id: '11223344', legalName: 'Soar Valley Community Enterprise CIC' });
    expect(suppliers.find((p: Json) => p.name === 'Charnwood Care Services Ltd').details).toEqual({ scale: 'sme', vcse: false });
    const text = JSON.stringify(pkg);
    for (const value of await forbiddenValues(t.services.database.db, fixture.unpublished.id)) expect(text).not.toContain(value);
    expect(text).not.toMatch(/"(contactPoint|email|telephone)"/);
  });

  it('streams every published contract once, across the batches it is read in, and still validates', async () => {
    const db = t.services.database.db;
    const supplierId = await organisationOf(db, 'supplier2@midlands.example');
    const many = Array.from({ length: 230 }, (_, i) => ({
      id: randomUUID(),
      reference: `BULK-${i}`,
      title: `Bulk contract ${i}`,
      supplierId,
      valuePence: 10_000_000 + i,
      startDate: '2025-04-01',
      endDate: '2026-03-31',
      applicability: 'policy' as const,
      source: 'manual' as const,
      publishedAt: new Date(),
    }));
    await db.insert(contracts).values(many);
    const pkg = await download();
    expect(validate(pkg).errors).toEqual([]);
    const ocids = pkg.releases.map((r: Json) => r.ocid as string);
    expect(new Set(ocids).size).toBe(ocids.length);
    expect(ocids.length).toBe(232);
    for (const c of many) expect(ocids).toContain(`ocds-svleic-${c.id}`);
  });
});
