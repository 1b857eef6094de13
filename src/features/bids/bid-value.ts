import { socialValuePence, totalSocialValuePence, type Valuation } from '../../domain/social-value.js';

export interface CommittedQuantity {
  measureId: string;
  quantityHundredths: number;
}

export interface OfferValue {
  /** each commitment's social value in pence, or null for a measure counted in its own unit */
  byMeasure: Map<string, number | null>;
  /** the pounds total of the valued commitments; unvalued ones are left out */
  totalPence: number;
}

/**
 * The social value of a bid's commitments, with the proxy values of the tender's frozen framework version.
 * A commitment to a measure the tender does not ask for has no value here.
 */
export function offerValue(measures: ReadonlyMap<string, Valuation>, commitments: readonly CommittedQuantity[]): OfferValue {
  const byMeasure = new Map<string, number | null>();
  for (const c of commitments) {
    const measure = measures.get(c.measureId);
    if (measure) byMeasure.set(c.measureId, socialValuePence(c.quantityHundredths, measure));
  }
  return { byMeasure, totalPence: totalSocialValuePence([...byMeasure.values()]) };
}
