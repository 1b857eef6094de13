import { describe, expect, it } from 'vitest';
import { submissionProblems, summariseBid } from './bid-summary.js';
import type { BidRecord, TenderMeasure } from './repository.js';

const measure = (code: string, unit: string, proxyPencePerUnit: number | null, minimumHundredths: number | null = null): TenderMeasure => ({
  measureId: code,
  code,
  title: `${code} title`,
  unit,
  countingGuidance: '',
  evidenceExpected: '',
  proxyPencePerUnit,
  proxySource: null,
  deadweightBps: 0,
  attributionBps: 0,
  minimumHundredths,
});

const measures = [measure('GC01', 'hours', 1271), measure('SE02', 'weeks', null), measure('SE03', 'hours', null, 10_000)];
const questions = [
  { id: 'q1', tenderId: 't', position: 1, title: 'Recruiting locally', guidance: '', weightBps: 6000 },
  { id: 'q2', tenderId: 't', position: 2, title: 'Carbon', guidance: '', weightBps: 4000 },
];

function bid(overrides: Partial<BidRecord> = {}): BidRecord {
  return {
    id: 'b',
    tenderId: 't',
    organisationId: 'o',
    status: 'draft',
    pricePence: 7_500_000,
    consortiumMembers: [],
    priceScoreBps: null,
    qualityScoreBps: null,
    revision: 3,
    submittedAt: null,
    submittedBy: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    commitments: [
      {
        measureId: 'GC01',
        quantityHundredths: 12_000,
        profile: [{ periodStart: '2027-04-01', periodEnd: '2028-03-31', quantityHundredths: 12_000 }],
        districts: ['Blaby'],
        narrative: '',
      },
      { measureId: 'SE02', quantityHundredths: 2600, profile: [], districts: ['Blaby'], narrative: '' },
      { measureId: 'SE03', quantityHundredths: 4000, profile: [], districts: ['Blaby'], narrative: '' },
    ],
    answers: new Map([['q1', 'We advertise locally.']]),
    ...overrides,
  };
}

describe('bid summary', () => {
  it('values each commitment with its proxy, counts unvalued ones in their unit, and totals only pounds', () => {
    const summary = summariseBid(measures, questions, bid());
    expect(summary.totalPence).toBe(152_520);
    expect(summary.measures.map((l) => [l.quantityText, l.valueText, l.belowMinimum])).toEqual([
      ['120 hours', '£1,525.20', false],
      ['26 weeks', 'Counted in weeks, not valued in pounds', false],
      ['40 hours', 'Counted in hours, not valued in pounds', true],
    ]);
    expect(summary.measures[0]!.profileLines).toEqual(['1 April 2027 to 31 March 2028: 120 hours']);
    expect(summary.detailsDone).toBe(true);
  });

  it('lists what stops a submission, with links to fix each', () => {
    const problems = submissionProblems(summariseBid(measures, questions, bid()), '/b');
    expect(problems).toEqual([
      { text: 'Commit to at least 100 hours for SE03, the minimum for this tender: you have committed to 40 hours', href: '/b/commitments/SE03' },
      { text: 'Answer question 2: Carbon', href: '/b/answers/q2' },
    ]);
    expect(submissionProblems(summariseBid(measures, questions, null), '/b').map((p) => p.text)).toEqual([
      'Enter your bid price',
      'Commit to at least 100 hours for SE03, the minimum for this tender: you have not committed to any',
      'Answer question 1: Recruiting locally',
      'Answer question 2: Carbon',
    ]);
  });

  it('has nothing to stop a complete bid', () => {
    const complete = bid({
      commitments: [{ measureId: 'SE03', quantityHundredths: 10_000, profile: [], districts: ['Countywide'], narrative: 'How' }],
      answers: new Map([
        ['q1', 'a'],
        ['q2', 'b'],
      ]),
    });
    expect(submissionProblems(summariseBid(measures, questions, complete), '/b')).toEqual([]);
  });
});
