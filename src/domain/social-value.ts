/**
 * Social value in pounds of a quantity of a measure (DESIGN.md section 3):
 *   quantity x proxy per unit x (1 - deadweight) x (1 - attribution)
 * Measures without a proxy are counted in their own unit and never turned into pounds (null).
 * Exact integer arithmetic; the result is rounded half up to the penny.
 */
export interface Valuation {
  proxyPencePerUnit: number | null;
  deadweightBps: number;
  attributionBps: number;
}

export function socialValuePence(quantityHundredths: number, measure: Valuation): number | null {
  if (measure.proxyPencePerUnit === null) return null;
  const numerator =
    BigInt(quantityHundredths) * BigInt(measure.proxyPencePerUnit) * BigInt(10000 - measure.deadweightBps) * BigInt(10000 - measure.attributionBps);
  const denominator = 100n * 10000n * 10000n;
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/** The total in pounds of several valued quantities; unvalued ones (null) are left out, never counted as zero pounds. */
export function totalSocialValuePence(values: (number | null)[]): number {
  return values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
}
