import { describe, expect, it } from 'vitest';
import type { EvaluationReport, ReportBid } from './evaluation-report.js';
import { buildFeedbackLetter, relativeAdvantages } from './feedback-letter.js';
import { letterView } from './letter-view.js';

const hours = { measureId: 'm-hours', code: 'TE01', title: 'Volunteering hours', unit: 'hours' };
const weeks = { measureId: 'm-weeks', code: 'TE02', title: 'Apprenticeship weeks', unit: 'weeks' };
const spend = { measureId: 'm-spend', code: 'SE05', title: 'Local spend', unit: '£' };

describe('relativeAdvantages', () => {
  it('says, measure by measure, where each bid offered more, leaving out equal offers', () => {
    const result = relativeAdvantages(
      [
        { ...hours, quantityHundredths: 100_000 },
        { ...weeks, quantityHundredths: 1_000 },
        { ...spend, quantityHundredths: 500_000 },
      ],
      [
        { ...hours, quantityHundredths: 150_000 },
        { ...weeks, quantityHundredths: 1_000 },
      ],
    );
    expect(result.winnerOffersMore).toEqual(['Local spend: the successful bid offered £5,000; your bid offered none.']);
    expect(result.yoursOffersMore).toEqual(['Volunteering hours: your bid offered 1,500 hours, 500 hours more than the successful bid’s 1,000 hours.']);
  });

  it('states the difference when both offered some', () => {
    const result = relativeAdvantages(
      [{ ...weeks, quantityHundredths: 2_550 }],
      [
        { ...weeks, quantityHundredths: 1_000 },
        { ...hours, quantityHundredths: 0 },
      ],
    );
    expect(result).toEqual({
      winnerOffersMore: ['Apprenticeship weeks: the successful bid offered 25.5 weeks, 15.5 weeks more than your bid’s 10 weeks.'],
      yoursOffersMore: [],
    });
  });
});

function bid(id: string, name: string, rank: number, overrides: Partial<ReportBid> = {}): ReportBid {
  return {
    bidId: id,
    organisationId: `org-${id}`,
    supplierName: name,
    consortiumMembers: [],
    pricePence: 10_000_000,
    svPence: 1_200_000,
    valuedCommitments: [{ ...hours, quantityHundredths: 100_000, svPence: 1_000_000 }],
    countedCommitments: [],
    quantitative: { scoreBps: 600, working: 'working' },
    qualitativeBps: 520,
    svScoreBps: 1120,
    priceScoreBps: 5000,
    qualityScoreBps: 2500,
    totalBps: 8620,
    rank,
    riskFlags: [],
    isWinner: false,
    commitmentLines: [],
    answers: [
      {
        questionId: 'q1',
        title: 'How will you recruit locally?',
        weightBps: 10000,
        agreedScore: 75,
        reason: `Reason for ${name}`,
        moderatorName: 'Owen',
        evaluatorScores: [],
      },
    ],
    ...overrides,
  };
}

function report(): EvaluationReport {
  const winner = bid('b1', 'Winner Ltd', 1, {
    isWinner: true,
    valuedCommitments: [{ ...hours, quantityHundredths: 200_000, svPence: 2_000_000 }],
    svPence: 2_000_000,
  });
  const second = bid('b2', 'Second Ltd', 2, { consortiumMembers: [{ name: 'Partner Trust', organisationId: null, role: 'training' }] });
  const third = bid('b3', 'Third Ltd', 3, { answers: [{ ...second.answers[0]!, reason: 'Reason for Third Ltd', agreedScore: 25 }] });
  return {
    generatedAt: new Date('2026-11-22T10:00:00Z'),
    tender: {
      id: 't1',
      number: 7,
      title: 'Home care',
      awardReason: null,
      scale: [{ score: 75, descriptor: 'Good' }],
      requirement: { ownerName: 'Owen Hughes', ownerEmail: 'officer@council.example' },
    } as EvaluationReport['tender'],
    scoring: { quantitativeBps: 1200, qualitativeBps: 800, svWeightBps: 2000 } as EvaluationReport['scoring'],
    rankedBy: 'total',
    methodName: '',
    measures: [],
    questions: [],
    evaluators: [],
    bids: [winner, second, third],
    award: {
      winner,
      contract: {
        reference: 'LCC-7',
        startDate: '2027-04-01',
        endDate: '2029-03-31',
        contractManagerName: 'Mo Rahman',
        reportingFrequency: 'quarterly',
      } as NonNullable<EvaluationReport['award']>['contract'],
    },
  };
}

describe('buildFeedbackLetter', () => {
  it('tells an unsuccessful bidder its scores beside the winner’s, and nothing of the other bidders', () => {
    const letter = buildFeedbackLetter(report(), 'b2', new Date())!;
    expect(letter.successful).toBe(false);
    expect(letter.recipient).toBe('Second Ltd, leading a consortium with Partner Trust (training)');
    expect(letter.winner).toBe('Winner Ltd');
    expect(letter.scores[0]).toEqual({ part: 'Quantitative social value (commitments)', yoursBps: 600, winnerBps: 600, outOfBps: 1200 });
    expect(letter.scores.map((s) => s.part)).toContain('Total score');
    expect(letter.answers).toEqual([
      { title: 'How will you recruit locally?', weightBps: 10000, yourScore: '75 (Good)', yourReason: 'Reason for Second Ltd', winnerScore: '75 (Good)' },
    ]);
    expect(letter.winnerOffersMore).toEqual(['Volunteering hours: the successful bid offered 2,000 hours, 1,000 hours more than your bid’s 1,000 hours.']);
    expect(letter.contract).toBeNull();
    const everything = JSON.stringify(letterView(letter));
    expect(everything).not.toContain('Third Ltd');
    expect(everything).not.toContain('Reason for Winner Ltd');
    expect(everything).toContain('We are sorry to tell you');
  });

  it('tells the winner it won, with its contract, and no comparison', () => {
    const letter = buildFeedbackLetter(report(), 'b1', new Date())!;
    expect(letter.successful).toBe(true);
    expect(letter.scores.every((s) => s.winnerBps === null)).toBe(true);
    expect(letter.contract).toMatchObject({ reference: 'LCC-7', managerName: 'Mo Rahman', reportingFrequency: 'quarterly', commitmentCount: 1 });
    const view = letterView(letter);
    expect(view.opening[0]).toContain('We are pleased to tell you that it was successful');
    expect(JSON.stringify(view)).not.toMatch(/Second Ltd|Third Ltd/);
  });

  it('gives the reason when the winner was not ranked first', () => {
    const awarded = report();
    awarded.tender.awardReason = 'The first bidder withdrew.';
    awarded.award!.winner.rank = 2;
    const view = letterView(buildFeedbackLetter(awarded, 'b2', new Date())!);
    expect(view.opening).toContain('The winning bid was not the highest ranked. The reason recorded for the decision: The first bidder withdrew.');
  });

  it('writes no letter before the award, or for a bid that is not in the tender', () => {
    expect(buildFeedbackLetter({ ...report(), award: null }, 'b2', new Date())).toBeNull();
    expect(buildFeedbackLetter(report(), 'elsewhere', new Date())).toBeNull();
  });
});
