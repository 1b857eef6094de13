/**
 * Delivery status (DESIGN.md section 3). Only verified delivery counts as delivered.
 *   RAG of a commitment = verified delivered to date / profiled to date:
 *   green at 95% or more, amber at 75% or more, red below; "not yet due" while nothing is profiled yet.
 *   Profiled to date (delivery-profile.ts) runs to the end of the latest reporting period whose report is due or handed in
 *   (reporting-periods.ts measuredUntil): whole profile periods that end by then, and the share by days of one that
 *   runs past it, so that a yearly profile is measured quarter by quarter, a report still within its 30 days does not
 *   count against the supplier, and one handed in early is measured against its own period.
 * A contract's rating uses the Procurement Act 2023 performance scale, from its commitments' RAG:
 *   good: every due commitment green; approaching target: none red; requires improvement: some red but no more than
 *   half of the due commitments; inadequate: more than half red. No rating while nothing is due.
 */
/** The Procurement Act 2023 performance scale, best first. */
export const contractRatings = ['good', 'approaching_target', 'requires_improvement', 'inadequate'] as const;
export type ContractRating = (typeof contractRatings)[number];

export type Rag = 'green' | 'amber' | 'red' | 'not_yet_due';

export const ragLabels: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red', not_yet_due: 'Not yet due' };
export const ratingLabels: Record<ContractRating, string> = {
  good: 'Good',
  approaching_target: 'Approaching target',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
};

export function rag(deliveredHundredths: number, profiledHundredths: number): Rag {
  if (profiledHundredths <= 0) return 'not_yet_due';
  // compare delivered / profiled with 95% and 75% in integers
  if (deliveredHundredths * 100 >= profiledHundredths * 95) return 'green';
  if (deliveredHundredths * 100 >= profiledHundredths * 75) return 'amber';
  return 'red';
}

/** Delivered as a whole percentage of profiled, for display; null when nothing is due. */
export function deliveredPercent(deliveredHundredths: number, profiledHundredths: number): number | null {
  return profiledHundredths > 0 ? Math.floor((deliveredHundredths * 100) / profiledHundredths) : null;
}

export function contractRating(rags: readonly Rag[]): ContractRating | null {
  const due = rags.filter((r) => r !== 'not_yet_due');
  if (due.length === 0) return null;
  const red = due.filter((r) => r === 'red').length;
  if (red === 0) return due.every((r) => r === 'green') ? 'good' : 'approaching_target';
  return red * 2 <= due.length ? 'requires_improvement' : 'inadequate';
}
