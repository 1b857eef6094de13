import { createHash } from 'node:crypto';
import type { ReportData } from './load-report.js';
import { isUnderway } from './report-periods.js';

/**
 * A key for what a report says: a hash of everything it was made from (its figures, trend, contracts, narratives and
 * case studies, as loadReport read them from the summaries), of whether its period was still running and of the
 * address its links start with, but not of the day it was made. Two PDFs of a report with the same key show the same
 * figures and words, so a stored one can be served instead of drawing it again; any change of the figures (a
 * verification, a variation, a case study published) gives a new key.
 */
export function figuresKey(data: ReportData, baseUrl: string): string {
  const { today, ...shown } = data;
  const state = { shown, underway: isUnderway(data.period, today), baseUrl };
  return createHash('sha256').update(JSON.stringify(state)).digest('base64url');
}
