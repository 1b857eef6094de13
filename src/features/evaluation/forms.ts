import type { ScalePoint } from '../../db/schema/index.js';
import { formatBps, parsePercent } from '../../domain/money.js';
import { field } from '../../platform/forms.js';

/** Reading the evaluation's forms: what was typed comes back as `values`, problems as [field, message] pairs. */

export const MAX_TEXT = 5000;

export type Reading<T> = { ok: true; value: T } | { ok: false; values: Record<string, string>; problems: [string, string][] };

export interface Declaration {
  hasConflict: boolean;
  details: string | null;
}

export function readDeclaration(body: unknown): Reading<Declaration> {
  const values = { conflict: field(body, 'conflict'), details: field(body, 'details').trim() };
  const problems: [string, string][] = [];
  if (values.conflict !== 'no' && values.conflict !== 'yes') problems.push(['conflict', 'Select whether you have a conflict of interest']);
  if (values.conflict === 'yes') {
    if (!values.details) problems.push(['details', 'Describe your conflict of interest']);
    else if (values.details.length > MAX_TEXT) problems.push(['details', 'Describe your conflict of interest in 5,000 characters or fewer']);
  }
  if (problems.length) return { ok: false, values, problems };
  return { ok: true, value: { hasConflict: values.conflict === 'yes', details: values.conflict === 'yes' ? values.details : null } };
}

export interface ScoredAnswer {
  questionId: string;
  score: number;
  text: string;
}

interface ScoreFormWords {
  /** the name of the text beside each score: "comment" or "reason" */
  textName: 'comment' | 'reason';
  missingText: (label: string) => string;
  missingScore: (label: string) => string;
}

export const evaluatorWords: ScoreFormWords = {
  textName: 'comment',
  missingText: (label) => `Enter a comment explaining your score for ${label}`,
  missingScore: (label) => `Select a score for ${label}`,
};

export const moderationWords: ScoreFormWords = {
  textName: 'reason',
  missingText: (label) => `Enter the reason for the agreed score for ${label}`,
  missingScore: (label) => `Select the agreed score for ${label}`,
};

/**
 * A score on the tender's scale and a comment (or reason) for each question. A question left wholly blank is left
 * as it was; a question with only one of the two is a problem; at least one question must be answered.
 */
export function readScores(body: unknown, questions: { id: string; position: number }[], scale: ScalePoint[], words: ScoreFormWords): Reading<ScoredAnswer[]> {
  const values: Record<string, string> = {};
  const problems: [string, string][] = [];
  const answers: ScoredAnswer[] = [];
  const allowed = new Set(scale.map((point) => String(point.score)));
  for (const question of questions) {
    const scoreField = `score-${question.id}`;
    const textField = `${words.textName}-${question.id}`;
    const score = field(body, scoreField);
    const text = field(body, textField).trim();
    values[scoreField] = score;
    values[textField] = text;
    if (!score && !text) continue;
    const label = `question ${question.position}`;
    if (!allowed.has(score)) problems.push([scoreField, words.missingScore(label)]);
    if (!text) problems.push([textField, words.missingText(label)]);
    else if (text.length > MAX_TEXT) problems.push([textField, `${words.missingText(label)} in 5,000 characters or fewer`]);
    if (allowed.has(score) && text && text.length <= MAX_TEXT) answers.push({ questionId: question.id, score: Number(score), text });
  }
  if (!problems.length && answers.length === 0 && questions[0]) {
    problems.push([`score-${questions[0].id}`, words.missingScore('at least one question')]);
  }
  if (problems.length) return { ok: false, values, problems };
  return { ok: true, value: answers };
}

export interface PriceAndQuality {
  bidId: string;
  priceScoreBps: number | null;
  qualityScoreBps: number | null;
}

/**
 * Each bid's price score and quality score, as percentages of the total score. Both or neither (to clear them);
 * together no more than what is left after the social value weight.
 */
export function readPriceAndQuality(body: unknown, bids: { id: string; supplierName: string }[], availableBps: number): Reading<PriceAndQuality[]> {
  const values: Record<string, string> = {};
  const problems: [string, string][] = [];
  const scores: PriceAndQuality[] = [];
  const available = formatBps(availableBps);
  for (const bid of bids) {
    const priceField = `price-${bid.id}`;
    const qualityField = `quality-${bid.id}`;
    values[priceField] = field(body, priceField).trim();
    values[qualityField] = field(body, qualityField).trim();
    if (!values[priceField] && !values[qualityField]) {
      scores.push({ bidId: bid.id, priceScoreBps: null, qualityScoreBps: null });
      continue;
    }
    const read = (name: 'price' | 'quality', key: string): number | null => {
      const text = values[key]!;
      if (!text) {
        problems.push([key, `Enter a ${name} score for ${bid.supplierName}, or leave both of its scores empty`]);
        return null;
      }
      const bps = parsePercent(text);
      if (bps === null) {
        problems.push([key, `Enter the ${name} score for ${bid.supplierName} as a percentage, like 32.5`]);
        return null;
      }
      if (bps > availableBps) {
        problems.push([key, `The ${name} score for ${bid.supplierName} must be ${available} or less`]);
        return null;
      }
      return bps;
    };
    const price = read('price', priceField);
    const quality = read('quality', qualityField);
    if (price === null || quality === null) continue;
    if (price + quality > availableBps) {
      problems.push([
        qualityField,
        `The price and quality scores for ${bid.supplierName} add up to ${formatBps(price + quality)}: together they must be ${available} or less`,
      ]);
      continue;
    }
    scores.push({ bidId: bid.id, priceScoreBps: price, qualityScoreBps: quality });
  }
  if (problems.length) return { ok: false, values, problems };
  return { ok: true, value: scores };
}
