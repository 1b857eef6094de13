import { formatDate } from '../../domain/dates.js';
import { formatBps, formatPounds } from '../../domain/money.js';
import type { FeedbackLetter } from './feedback-letter.js';
import type { Pairs, ReportTable } from './report-view.js';

/**
 * A feedback letter in words, section by section: the web page and the PDF both render this one view, so that they
 * always say the same.
 */

export interface LetterSection {
  heading: string;
  paragraphs: string[];
  bullets: string[];
  table: ReportTable | null;
  /** one block per question: a sub-heading and label and value pairs */
  items: { heading: string; pairs: Pairs }[];
}

export interface LetterView {
  title: string;
  date: string;
  recipient: string;
  opening: string[];
  sections: LetterSection[];
}

const score = (bps: number | null): string => (bps === null ? 'Not known' : formatBps(bps));

function section(heading: string, parts: Partial<Omit<LetterSection, 'heading'>>): LetterSection {
  return { heading, paragraphs: parts.paragraphs ?? [], bullets: parts.bullets ?? [], table: parts.table ?? null, items: parts.items ?? [] };
}

export function letterView(letter: FeedbackLetter): LetterView {
  const title = `Your bid for tender ${letter.tenderNumber}: ${letter.tenderTitle}`;
  const standing = `Your bid ranked ${letter.rank} of ${letter.bidCount}, by ${letter.rankedBy}.`;
  const opening = letter.successful
    ? ['Thank you for your bid. We are pleased to tell you that it was successful: the council has awarded the contract to you.']
    : [`Thank you for your bid. We are sorry to tell you that it was not successful. The council has awarded the contract to ${letter.winner}.`];
  if (letter.awardReason) {
    opening.push(
      letter.successful || letter.winnerRank === 1
        ? `The reason recorded for the decision: ${letter.awardReason}`
        : `The winning bid was not the highest ranked. The reason recorded for the decision: ${letter.awardReason}`,
    );
  }

  const scores: ReportTable = letter.successful
    ? {
        caption: 'Your scores, as percentages of the total score',
        head: [{ text: 'Part' }, { text: 'Your bid', numeric: true }, { text: 'Most possible', numeric: true }],
        rows: letter.scores.map((row) => [row.part, score(row.yoursBps), row.outOfBps === null ? '' : formatBps(row.outOfBps)]),
      }
    : {
        caption: 'Your scores beside the winning bid’s, as percentages of the total score',
        head: [{ text: 'Part' }, { text: 'Your bid', numeric: true }, { text: 'Winning bid', numeric: true }, { text: 'Most possible', numeric: true }],
        rows: letter.scores.map((row) => [row.part, score(row.yoursBps), score(row.winnerBps), row.outOfBps === null ? '' : formatBps(row.outOfBps)]),
      };

  const answers = letter.answers.map((a) => ({
    heading: `${a.title} (weight ${formatBps(a.weightBps)} of the qualitative part)`,
    pairs: [
      ['Your agreed score', a.yourScore],
      ['Why', a.yourReason || 'No reason recorded'],
      ...(letter.successful ? [] : [['Winning bid’s agreed score', a.winnerScore]]),
    ] as Pairs,
  }));

  const sections: LetterSection[] = [];
  if (letter.successful) {
    sections.push(
      section('Your social value scores', {
        paragraphs: [standing, `Your social value commitments are worth ${formatPounds(letter.yourSvPence)}.`],
        table: scores,
      }),
      section('How your answers were scored', {
        paragraphs: ['Each answer’s score was agreed by the evaluators at moderation, with the reason below.'],
        items: answers,
      }),
    );
    const contract = letter.contract!;
    sections.push(
      section('What happens next', {
        paragraphs: [
          `The contract reference is ${contract.reference}. It runs from ${formatDate(contract.startDate)} to ${formatDate(contract.endDate)}.`,
          `Your ${contract.commitmentCount === 1 ? 'social value commitment is' : `${contract.commitmentCount} social value commitments are`} now part of the contract. You will report what you have delivered against ${contract.commitmentCount === 1 ? 'it' : 'them'}, with evidence, ${contract.reportingFrequency}${contract.managerName ? `, to your contract manager, ${contract.managerName}` : ''}.`,
        ],
      }),
    );
  } else {
    sections.push(
      section('Your social value scores beside the winning bid’s', {
        paragraphs: [
          standing,
          `Your social value commitments are worth ${formatPounds(letter.yourSvPence)}; the winning bid’s are worth ${formatPounds(letter.winnerSvPence)}.`,
        ],
        table: scores,
      }),
      section('Where the winning bid offered more', {
        paragraphs: letter.winnerOffersMore.length ? [] : ['The winning bid did not offer more of any measure than your bid.'],
        bullets: letter.winnerOffersMore,
      }),
    );
    if (letter.yoursOffersMore.length) sections.push(section('Where your bid offered more', { bullets: letter.yoursOffersMore }));
    sections.push(
      section('How your answers were scored', {
        paragraphs: ['Each answer’s score was agreed by the evaluators at moderation, with the reason below.'],
        items: answers,
      }),
    );
  }
  sections.push(
    section('Questions about this letter', {
      paragraphs: [
        `If you have any questions about this decision or your scores, contact ${letter.contact.name} at ${letter.contact.email}, quoting tender ${letter.tenderNumber}.`,
      ],
    }),
  );
  return { title, date: formatDate(letter.date), recipient: letter.recipient, opening, sections };
}
