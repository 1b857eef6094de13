import { formatBps } from '../../domain/money.js';
import { partWeights, quantitativeFormula } from '../../domain/scoring.js';
import type { SupplierTender } from './repository.js';

export interface ScoringExplained {
  weighting: string;
  /** how commitments are scored, or null when the tender scores only the answers */
  quantitative: { paragraphs: string[]; formula: string } | null;
  /** how answers are scored, or null when the tender scores only the commitments */
  qualitative: string | null;
}

/** How the tender scores social value, in words for bidders, from its frozen weights and method. */
export function explainScoring(tender: Pick<SupplierTender, 'svWeightBps' | 'quantitativeShareBps' | 'quantitativeMethod'>): ScoringExplained {
  const { quantitativeBps, qualitativeBps } = partWeights(tender);
  const weighting =
    `Social value is ${formatBps(tender.svWeightBps)} of the total score: ` +
    `${formatBps(quantitativeBps)} for what you commit to deliver and ${formatBps(qualitativeBps)} for your answers to the questions.`;
  const best =
    tender.quantitativeMethod === 'highest_offer'
      ? `The bid whose commitments are worth the most in pounds gets all ${formatBps(quantitativeBps)}; every other bid gets a share in proportion to what its commitments are worth.`
      : `What your commitments are worth is divided by your bid price. The bid with the most social value for each pound of its price gets all ${formatBps(quantitativeBps)}; every other bid gets a share in proportion.`;
  return {
    weighting,
    quantitative:
      quantitativeBps > 0
        ? {
            paragraphs: [
              'Each commitment is valued in pounds: the quantity times the proxy value per unit of its measure, from the framework version this tender uses.',
              best,
              'Measures without a proxy value are counted in their own unit. They do not add to this score, but what you commit to becomes part of the contract if you win.',
            ],
            formula: quantitativeFormula(tender.quantitativeMethod, quantitativeBps),
          }
        : null,
    qualitative:
      qualitativeBps > 0
        ? `Evaluators score each answer on the scale below, each on their own, then agree a score. A question’s weight is its share of the ${formatBps(qualitativeBps)}.`
        : null,
  };
}
