import type { ScalePoint } from '../../db/schema/index.js';

/** What a new tender starts with. Officers can change all of it until the tender is published. */

/** Social value's share of the total score: 10%, the UK government model's minimum. */
export const DEFAULT_SV_WEIGHT_BPS = 1000;
export const MINIMUM_SV_WEIGHT_BPS = 1000;
/** Half of the social value weight is scored on what bidders commit to, half on their method statements. */
export const DEFAULT_QUANTITATIVE_SHARE_BPS = 5000;
/** Commitments worth more than this share of the bid price are flagged for a closer look. */
export const DEFAULT_RISK_SHARE_BPS = 2000;

/** The points of the qualitative scoring scale. Only their descriptors can change. */
export const SCALE_SCORES = [0, 25, 50, 75, 100] as const;

export const defaultScale: ScalePoint[] = [
  {
    score: 0,
    descriptor: 'No response, or a response that does not address the question. It gives no confidence that the social value will be delivered.',
  },
  {
    score: 25,
    descriptor:
      'Poor. The response answers only part of the question, with little detail or evidence. It raises serious doubts about how the social value will be delivered.',
  },
  {
    score: 50,
    descriptor:
      'Satisfactory. The response answers the question with some detail and evidence, but has gaps or weaknesses. It gives some confidence in delivery.',
  },
  {
    score: 75,
    descriptor:
      'Good. The response answers the question in full, with clear detail and relevant evidence of how, when and where the social value will be delivered. It gives confidence in delivery.',
  },
  {
    score: 100,
    descriptor:
      'Excellent. The response answers the question in full and goes beyond it, fully evidenced with past delivery, named resources, partners and dates. It gives complete confidence in delivery.',
  },
];
