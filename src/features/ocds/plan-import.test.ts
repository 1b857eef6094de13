import { describe, expect, it } from 'vitest';
import { planImport, type Known } from './plan-import.js';
import { readReleasePackage, type Release } from './read-package.js';

const none: Known = { awards: new Map(), references: new Set() };

function award(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ocid: 'ocds-abc123-1',
    id: 'rel-1',
    date: '2025-01-10T10:00:00Z',
    tag: ['award'],
    tender: { title: 'Meals on wheels', description: 'Hot meals' },
    parties: [
      {
        id: 'S1',
        name: 'Good Food CIC',
        identifier: { scheme: 'GB-COH', id: '1234567' },
        address: { postalCode: 'le11 3ab' },
        details: { scale: 'sme', vcse: true },
      },
    ],
    awards: [
      {
        id: 'A1',
        status: 'active',
        value: { amount: 120000.5, currency: 'GBP' },
        suppliers: [{ id: 'S1' }],
        contractPeriod: { startDate: '2025-04-01T00:00:00+01:00', endDate: '2026-03-31T23:59:59+01:00' },
      },
    ],
    ...overrides,
  };
}

function releases(...items: Record<string, unknown>[]): Release[] {
  const reading = readReleasePackage(Buffer.from(JSON.stringify({ version: '1.1', releases: items })));
  if (!reading.ok) throw new Error(reading.problems.join('; '));
  return reading.releases;
}

describe('planning an OCDS import', () => {
  it('turns an active award into a contract with its supplier, value in pence, UK dates, SME and VCSE flags', () => {
    const plan = planImport(releases(award()), none);
    expect(plan.skipped).toEqual([]);
    expect(plan.awards).toEqual([
      {
        ocid: 'ocds-abc123-1',
        awardId: 'A1',
        releaseId: 'rel-1',
        releaseDate: '2025-01-10T10:00:00.000Z',
        action: 'new',
        title: 'Meals on wheels',
        description: 'Hot meals',
        valuePence: 12_000_050,
        startDate: '2025-04-01',
        endDate: '2026-03-31',
        supplier: { name: 'Good Food CIC', identifier: 'GB-COH-1234567', companiesHouseNumber: '01234567', postcode: 'LE11 3AB', size: 'small', isVcse: true },
      },
    ]);
  });

  it('applies a later award update in the same file to its award, whatever the order in the file', () => {
    const update = award({
      id: 'rel-2',
      date: '2025-02-01T10:00:00Z',
      tag: ['awardUpdate'],
      parties: [],
      awards: [{ id: 'A1', value: { amount: 150000, currency: 'GBP' } }],
    });
    const plan = planImport(releases(update, award()), none);
    expect(plan.awards).toHaveLength(1);
    expect(plan.awards[0]).toMatchObject({ releaseId: 'rel-2', valuePence: 15_000_000, startDate: '2025-04-01', supplier: { name: 'Good Food CIC' } });
  });

  it('updates an award the service has from an older notice, and skips one it has from the same or a newer one', () => {
    const known = (date: string): Known => ({ awards: new Map([['ocds-abc123-1 A1', date]]), references: new Set(['A1']) });
    expect(planImport(releases(award()), known('2025-01-01T00:00:00.000Z')).awards[0]!.action).toBe('update');
    const same = planImport(releases(award()), known('2025-01-10T10:00:00.000Z'));
    expect(same.awards).toEqual([]);
    expect(same.skipped[0]!.reason).toBe('Already imported: the service has this notice or a newer one');
  });

  it('lists every release it passes over with the reason', () => {
    const plan = planImport(
      releases(
        award({ id: 't', tag: ['tender'], awards: [] }),
        award({ id: 'cancelled', awards: [{ id: 'A2', status: 'cancelled', suppliers: [{ id: 'S1' }] }] }),
        award({
          id: 'euros',
          awards: [
            { id: 'A3', value: { amount: 5, currency: 'EUR' }, suppliers: [{ id: 'S1' }], contractPeriod: { startDate: '2025-01-01', endDate: '2025-02-01' } },
          ],
        }),
        award({ id: 'nodates', awards: [{ id: 'A4', value: { amount: 5, currency: 'GBP' }, suppliers: [{ id: 'S1' }] }], tender: { title: 'x' } }),
        award({ id: 'many', awards: [{ id: 'A5', suppliers: [{ id: 'S1' }, { id: 'S2' }] }] }),
        award({ id: 'orphan', ocid: 'ocds-abc123-9', tag: ['awardUpdate'], parties: [], awards: [{ id: 'A9', value: { amount: 1, currency: 'GBP' } }] }),
        award({
          id: 'backwards',
          awards: [
            { id: 'A6', value: { amount: 1, currency: 'GBP' }, suppliers: [{ id: 'S1' }], contractPeriod: { startDate: '2025-02-01', endDate: '2025-01-01' } },
          ],
        }),
      ),
      none,
    );
    expect(plan.awards).toEqual([]);
    expect(Object.fromEntries(plan.skipped.map((s) => [s.releaseId, s.reason]))).toEqual({
      t: 'A tender notice: only award notices become contracts',
      cancelled: 'The award is cancelled, not active',
      euros: 'The award’s value is in EUR, not pounds',
      nodates: 'The award has no contract start and end dates',
      many: 'The award has 2 suppliers (a framework or a consortium): add its contracts one by one',
      orphan: 'An update to an award that is not in the service: import the award notice first',
      backwards: 'The contract ends before it starts',
    });
  });
});

describe('reading an OCDS release package', () => {
  it('refuses what is not a release package, naming the problem', () => {
    expect(readReleasePackage(Buffer.from('not json'))).toMatchObject({ ok: false, problems: [expect.stringContaining('not JSON')] });
    expect(readReleasePackage(Buffer.from('[]'))).toMatchObject({ ok: false, problems: [expect.stringContaining('not an OCDS release package')] });
    expect(readReleasePackage(Buffer.from('{"version":"2.0","releases":[{}]}'))).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('version 2.0')],
    });
    expect(readReleasePackage(Buffer.from('{"releases":[]}'))).toMatchObject({ ok: false, problems: ['The release package has no releases'] });
  });
  it('lists at most twenty problems of a broken package, and how many more', () => {
    const reading = readReleasePackage(Buffer.from(JSON.stringify({ releases: Array.from({ length: 30 }, () => ({ tag: ['award'] })) })));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems).toHaveLength(21);
    expect(reading.problems[0]).toMatch(/^Release 1, ocid/);
    expect(reading.problems[20]).toBe('and 70 more problems');
  });
});
