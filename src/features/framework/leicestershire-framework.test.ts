import { describe, expect, it } from 'vitest';
import { leicestershireMeasures, leicestershireOutcomes } from './leicestershire-framework.js';

describe('the seeded Leicestershire framework', () => {
  it('has the five strategic outcomes of the policy', () => {
    expect(leicestershireOutcomes.map((o) => o.title)).toEqual([
      'A strong economy',
      'Wellbeing and opportunity',
      'Keeping people safe',
      'Great communities',
      'Affordable and quality homes',
    ]);
  });

  it('has at least 25 measures with unique codes, each under a known outcome', () => {
    expect(leicestershireMeasures.length).toBeGreaterThanOrEqual(25);
    const codes = new Set(leicestershireMeasures.map((m) => m.code));
    expect(codes.size).toBe(leicestershireMeasures.length);
    const outcomeCodes = new Set(leicestershireOutcomes.map((o) => o.code));
    for (const measure of leicestershireMeasures) expect(outcomeCodes.has(measure.outcomeCode), measure.code).toBe(true);
    for (const outcome of leicestershireOutcomes) {
      expect(
        leicestershireMeasures.some((m) => m.outcomeCode === outcome.code),
        outcome.code,
      ).toBe(true);
    }
  });

  it('cites an open government source, year and licence for every proxy value, and no other', () => {
    const valued = leicestershireMeasures.filter((m) => m.proxyPencePerUnit !== null);
    expect(valued.length).toBeGreaterThan(0);
    for (const m of valued) {
      expect(Number.isInteger(m.proxyPencePerUnit), m.code).toBe(true);
      expect(m.proxySource, m.code).toBeTruthy();
      expect(m.proxySourceUrl, m.code).toMatch(/^https:\/\/(www\.)?(gov\.uk|legislation\.gov\.uk|ons\.gov\.uk)\//);
      expect(m.proxyYear, m.code).toBeGreaterThanOrEqual(2015);
      expect(m.proxyLicence, m.code).toBe('Open Government Licence v3.0');
    }
    for (const m of leicestershireMeasures.filter((x) => x.proxyPencePerUnit === null)) {
      expect([m.proxySource, m.proxySourceUrl, m.proxyYear, m.proxyLicence], m.code).toEqual([null, null, null, null]);
    }
  });

  it('never values a measure counted in pounds, and never cites National TOMs or HACT', () => {
    for (const m of leicestershireMeasures.filter((x) => x.unit === '£')) expect(m.proxyPencePerUnit, m.code).toBeNull();
    const text = JSON.stringify(leicestershireMeasures).toLowerCase();
    expect(text).not.toMatch(/national toms|hact|social value bank|social value portal/);
  });

  it('covers what the policy asks for: local jobs, apprenticeships, children in care, local and VCSE spend, volunteering, carbon', () => {
    const titles = leicestershireMeasures.map((m) => m.title.toLowerCase()).join('\n');
    for (const topic of ['employed', 'apprentice', 'children in care', 'social enterprise', 'volunteering', 'carbon', 'affordable homes'])
      expect(titles, topic).toContain(topic);
  });
});
