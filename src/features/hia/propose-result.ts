import type { hiaResults } from '../../db/schema/index.js';
import { listInWords } from '../../domain/text.js';
import { determinants, type Impact } from './determinants.js';

export type HiaResult = (typeof hiaResults)[number];

export const resultLabels: Record<HiaResult, string> = {
  no_further_assessment: 'No further assessment',
  rapid: 'Rapid health impact assessment',
  full: 'Full health impact assessment',
};

/** The determinant whose likely negative effect needs a full assessment on its own. */
export const DECISIVE_DETERMINANT = 'vulnerable_groups';
/** Likely negative effects that together need a full assessment. */
export const NEGATIVES_FOR_FULL = 2;
/** Effects not known that together need a rapid assessment. */
export const NOT_KNOWN_FOR_RAPID = 3;

export interface Proposal {
  result: HiaResult;
  /** why, in a sentence */
  reason: string;
}

/**
 * The result a screening's answers point to, for the officer to confirm or change with a reason:
 *
 * - a full health impact assessment when the effect on vulnerable groups and health inequalities is likely negative,
 *   or when two or more determinants are likely to be affected negatively;
 * - otherwise a rapid health impact assessment when one determinant is likely to be affected negatively, or when the
 *   effect on three or more is not known;
 * - otherwise no further assessment.
 */
export function proposeResult(impacts: Record<string, Impact>): Proposal {
  const namesWith = (impact: Impact) => determinants.filter((d) => impacts[d.key] === impact).map((d) => d.inSentence);
  const negatives = namesWith('negative');
  const notKnown = namesWith('not_known');
  const decisive = determinants.find((d) => d.key === DECISIVE_DETERMINANT)!;
  if (impacts[DECISIVE_DETERMINANT] === 'negative') {
    return { result: 'full', reason: `The effect on ${decisive.inSentence} is likely to be negative, which always needs a full assessment.` };
  }
  if (negatives.length >= NEGATIVES_FOR_FULL) {
    return { result: 'full', reason: `${negatives.length} determinants are likely to be affected negatively: ${listInWords(negatives)}.` };
  }
  if (negatives.length === 1) {
    return { result: 'rapid', reason: `One determinant is likely to be affected negatively: ${negatives[0]}.` };
  }
  if (notKnown.length >= NOT_KNOWN_FOR_RAPID) {
    return { result: 'rapid', reason: `The effect on ${notKnown.length} determinants is not known: ${listInWords(notKnown)}.` };
  }
  const unknownPart = notKnown.length ? `, and the effect on only ${notKnown.length === 1 ? 'one determinant' : 'two determinants'} is not known` : '';
  return { result: 'no_further_assessment', reason: `No determinant is likely to be affected negatively${unknownPart}.` };
}
