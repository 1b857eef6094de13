import type { ProfilePeriod } from '../../db/schema/index.js';
import { formatDate } from '../../domain/dates.js';
import { formatPounds } from '../../domain/money.js';
import { quantityInUnit } from '../../domain/risk-flags.js';
import { socialValuePence } from '../../domain/social-value.js';

/**
 * Commitments in words, the same for the web pages and the PDFs, so that both show the same figures.
 */

export interface CommitmentFigures {
  code: string;
  title: string;
  unit: string;
  quantityHundredths: number;
  /** null for a measure counted in its own unit and never turned into pounds */
  svPence: number | null;
}

export interface CommitmentLine {
  measure: string;
  amount: string;
  value: string;
}

export function commitmentLine(c: CommitmentFigures): CommitmentLine {
  return {
    measure: `${c.code} ${c.title}`,
    amount: quantityInUnit(c.quantityHundredths, c.unit),
    value: c.svPence === null ? 'Counted, not valued in pounds' : formatPounds(c.svPence),
  };
}

/** "1 April 2027 to 31 March 2028: 2 FTE years", one line per period of a delivery profile. */
export function profileLines(profile: readonly ProfilePeriod[], unit: string): string[] {
  return profile.map((p) => `${formatDate(p.periodStart)} to ${formatDate(p.periodEnd)}: ${quantityInUnit(p.quantityHundredths, unit)}`);
}

export interface KpiFigures extends Omit<CommitmentFigures, 'svPence'> {
  proxyPencePerUnit: number | null;
  deadweightBps: number;
  attributionBps: number;
  profile: ProfilePeriod[];
  districts: string[];
  narrative: string;
}

export interface KpiView extends CommitmentLine {
  profile: string[];
  districts: string;
  narrative: string;
}

/** A contract commitment (KPI) in words: what, how much, its value, when, where and how. */
export function kpiView(c: KpiFigures): KpiView {
  return {
    ...commitmentLine({ ...c, svPence: socialValuePence(c.quantityHundredths, c) }),
    profile: profileLines(c.profile, c.unit),
    districts: c.districts.join(', '),
    narrative: c.narrative,
  };
}
