import { applicabilityLabels, vatBasis } from '../../domain/applicability.js';
import { bidderName } from '../../domain/bidders.js';
import { formatDate, formatDateTime } from '../../domain/dates.js';
import { formatBps, formatPounds } from '../../domain/money.js';
import { quantityInUnit } from '../../domain/risk-flags.js';
import { rankBasisNames, type EvaluationReport, type ReportBid } from './evaluation-report.js';
import { frequencyLabels } from './forms.js';

/**
 * The evaluation report in words and figures, ready to show: the web page and the PDF both render this one view, so
 * that they always show the same figures.
 */

export interface ReportTable {
  caption: string;
  head: { text: string; numeric?: boolean }[];
  rows: string[][];
}

export type Pairs = [string, string][];

export interface ReportBidView {
  id: string;
  heading: string;
  isWinner: boolean;
  commitments: ReportTable;
  working: string;
  answers: ReportTable;
  riskFlags: string[];
}

export interface ReportView {
  title: string;
  caption: string;
  producedOn: string;
  /** things a reader must know first: the scores are not final, the tender is not awarded yet */
  notices: string[];
  requirement: Pairs;
  setup: Pairs;
  measures: ReportTable;
  questions: ReportTable;
  scale: ReportTable;
  evaluators: ReportTable;
  ranking: ReportTable;
  bids: ReportBidView[];
  /** null until the tender is awarded */
  award: Pairs | null;
}

const score = (bps: number | null): string => (bps === null ? 'Not known yet' : formatBps(bps));
const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function declaration(evaluator: EvaluationReport['evaluators'][number]): string {
  if (!evaluator.declaredAt) return 'Not declared';
  return evaluator.hasConflict ? `Yes: ${evaluator.conflictDetails ?? ''}`.trim() : 'No conflict of interest';
}

function bidView(bid: ReportBid, report: EvaluationReport): ReportBidView {
  return {
    id: bid.bidId,
    heading: `${bid.rank}. ${bidderName(bid)}${bid.isWinner ? ' (winning bid)' : ''}`,
    isWinner: bid.isWinner,
    commitments: {
      caption: `Social value commitments: ${formatPounds(bid.svPence)} in total`,
      head: [{ text: 'Measure' }, { text: 'Commitment', numeric: true }, { text: 'Social value', numeric: true }],
      rows: bid.commitmentLines.map((line) => [line.measure, line.amount, line.value]),
    },
    working: `Quantitative score: ${bid.quantitative.working}`,
    answers: {
      caption: `Qualitative answers: ${score(bid.qualitativeBps)} of ${formatBps(report.scoring.qualitativeBps)}`,
      head: [{ text: 'Question' }, { text: 'Evaluators’ scores' }, { text: 'Agreed score', numeric: true }, { text: 'Reason for the agreed score' }],
      rows: bid.answers.map((answer) => [
        `${answer.title} (weight ${formatBps(answer.weightBps)})`,
        answer.evaluatorScores.map((s) => `${s.evaluatorName}: ${s.score}`).join('; ') || 'None',
        answer.agreedScore === null ? 'Not agreed yet' : String(answer.agreedScore),
        answer.reason ?? '',
      ]),
    },
    riskFlags: bid.riskFlags.map((flag) => flag.text),
  };
}

export function reportView(report: EvaluationReport): ReportView {
  const { tender, scoring } = report;
  const requirement = tender.requirement;
  const notices: string[] = [];
  if (!scoring.moderationLockedAt) notices.push('The moderated scores are not locked yet, so the scores in this report may still change.');
  if (!report.award) notices.push('The tender has not been awarded yet.');

  const award = report.award;
  return {
    title: `Evaluation report: ${tender.title}`,
    caption: `Tender ${tender.number}`,
    producedOn: formatDateTime(report.generatedAt),
    notices,
    requirement: [
      ['Requirement', `${requirement.title} (requirement ${requirement.number})`],
      ['Description', requirement.description || 'None given'],
      ['Directorate', requirement.directorate],
      ['Category', `${requirement.categoryLabel} (CPV ${requirement.cpvCode})`],
      [
        'Estimated value',
        `${formatPounds(requirement.estimatedValuePence)} ${vatBasis(requirement.valueIncludesVat)}. Social value: ${applicabilityLabels[requirement.applicability]}. ${requirement.applicabilityExplanation}`,
      ],
      ['Expected start', formatDate(requirement.expectedStart)],
      ['Duration', plural(requirement.durationMonths, 'month', 'months')],
      ['Districts', requirement.districts.join(', ') || 'None named'],
      ['Owner', requirement.ownerName],
    ],
    setup: [
      ['Social value weighting', `${formatBps(tender.svWeightBps)} of the total score`],
      ...(tender.lowWeightReason ? ([['Reason for a weighting below 10%', tender.lowWeightReason]] as Pairs) : []),
      ['Quantitative part', `${formatBps(scoring.quantitativeBps)} of the total score, from the commitments’ value in pounds`],
      ['Qualitative part', `${formatBps(scoring.qualitativeBps)} of the total score, from the agreed scores of the answers`],
      ['Quantitative method', report.methodName],
      ['Formula', scoring.formula],
      ['Risk flag', `Commitments worth more than ${formatBps(scoring.riskShareBps)} of the bid price are flagged`],
      ['Framework version', `Version ${tender.frameworkVersionNumber}: ${tender.frameworkVersionName}`],
      ['Closing date', formatDateTime(tender.closingAt)],
      [
        'Moderation locked',
        scoring.moderationLockedAt
          ? `${formatDateTime(scoring.moderationLockedAt)}${scoring.moderationLockedByName ? ` by ${scoring.moderationLockedByName}` : ''}`
          : 'Not locked yet',
      ],
    ],
    measures: {
      caption: 'Measures bidders could commit to',
      head: [{ text: 'Measure' }, { text: 'Value per unit', numeric: true }, { text: 'Minimum', numeric: true }],
      rows: report.measures.map((m) => [
        `${m.code} ${m.title} (${m.unit})`,
        m.proxyPencePerUnit === null ? 'Counted, not valued' : formatPounds(m.proxyPencePerUnit),
        m.minimumHundredths === null ? 'None' : quantityInUnit(m.minimumHundredths, m.unit),
      ]),
    },
    questions: {
      caption: 'Qualitative questions',
      head: [{ text: 'Question' }, { text: 'Weight within the qualitative part', numeric: true }],
      rows: report.questions.map((q) => [q.title, formatBps(q.weightBps)]),
    },
    scale: {
      caption: 'Scoring scale for the answers',
      head: [{ text: 'Score', numeric: true }, { text: 'Meaning' }],
      rows: tender.scale.map((point) => [String(point.score), point.descriptor]),
    },
    evaluators: {
      caption: 'Evaluators and their declarations of interest',
      head: [{ text: 'Evaluator' }, { text: 'Declared' }, { text: 'Conflict of interest' }],
      rows: report.evaluators.map((e) => [e.name, e.declaredAt ? formatDateTime(e.declaredAt) : 'Not yet', declaration(e)]),
    },
    ranking: {
      caption: `Bids ranked by ${rankBasisNames[report.rankedBy]}`,
      head: [
        { text: 'Rank', numeric: true },
        { text: 'Bidder' },
        { text: 'Bid price', numeric: true },
        { text: 'Social value offered', numeric: true },
        { text: `Quantitative (of ${formatBps(scoring.quantitativeBps)})`, numeric: true },
        { text: `Qualitative (of ${formatBps(scoring.qualitativeBps)})`, numeric: true },
        { text: `Social value score (of ${formatBps(scoring.svWeightBps)})`, numeric: true },
        { text: 'Price score', numeric: true },
        { text: 'Quality score', numeric: true },
        { text: 'Total score', numeric: true },
      ],
      rows: report.bids.map((bid) => [
        String(bid.rank),
        bidderName(bid),
        bid.pricePence === null ? 'Not given' : formatPounds(bid.pricePence),
        formatPounds(bid.svPence),
        formatBps(bid.quantitative.scoreBps),
        score(bid.qualitativeBps),
        score(bid.svScoreBps),
        score(bid.priceScoreBps),
        score(bid.qualityScoreBps),
        score(bid.totalBps),
      ]),
    },
    bids: report.bids.map((bid) => bidView(bid, report)),
    award: award && [
      ['Awarded to', bidderName(award.winner)],
      ['Winning bid’s rank', `${award.winner.rank} of ${report.bids.length}`],
      ['Reason for the decision', tender.awardReason ?? (award.winner.rank === 1 ? 'The highest ranked bid' : 'None given')],
      ['Date of the award', formatDate(award.contract.createdAt)],
      ['Contract reference', award.contract.reference],
      ['Contract value', `${formatPounds(award.contract.valuePence)} ${vatBasis(award.contract.valueIncludesVat)}`],
      ['Contract dates', `${formatDate(award.contract.startDate)} to ${formatDate(award.contract.endDate)}`],
      ['Contract manager', award.contract.contractManagerName ?? 'None'],
      ['Supplier reports', frequencyLabels[award.contract.reportingFrequency]],
    ],
  };
}
