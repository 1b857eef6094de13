import { and, eq } from 'drizzle-orm';
import { bidAnswers, bidCommitments } from '../../db/schema/index.js';
import type { QuestionRow } from '../tenders/repository.js';
import type { CommitmentInput } from './commitment-form.js';
import type { ConsortiumMember, DetailsInput } from './details-form.js';
import type { BidChange } from './save-bid.js';
import type { CommitmentRecord, TenderMeasure } from './repository.js';

/** The changes a supplier can save to a bid, each named for the audit trail with the tender's number. */

// Compared field by field: jsonb gives keys back in its own order, so serialised forms of equal values can differ.
const sameMembers = (a: ConsortiumMember[], b: ConsortiumMember[]) =>
  a.length === b.length && a.every((m, i) => m.name === b[i]!.name && m.role === b[i]!.role && m.organisationId === b[i]!.organisationId);

const sameCommitment = (a: CommitmentRecord, b: CommitmentInput) =>
  a.quantityHundredths === b.quantityHundredths &&
  a.narrative === b.narrative &&
  a.districts.join('\n') === b.districts.join('\n') &&
  a.profile.length === b.profile.length &&
  a.profile.every((p, i) => {
    const q = b.profile[i]!;
    return p.periodStart === q.periodStart && p.periodEnd === q.periodEnd && p.quantityHundredths === q.quantityHundredths;
  });

export function detailsChange(tenderNumber: number, input: DetailsInput): BidChange {
  return {
    action: `Saved the bid price and consortium of a bid for tender ${tenderNumber}`,
    changes: (bid) => !bid || bid.pricePence !== input.pricePence || !sameMembers(bid.consortiumMembers, input.consortiumMembers),
    write: async () => ({ pricePence: input.pricePence, consortiumMembers: input.consortiumMembers }),
  };
}

export function commitmentChange(tenderNumber: number, measure: TenderMeasure, input: CommitmentInput): BidChange {
  return {
    action: `Saved the commitment to ${measure.code} in a bid for tender ${tenderNumber}`,
    changes: (bid) => {
      const saved = bid?.commitments.find((c) => c.measureId === measure.measureId);
      return !saved || !sameCommitment(saved, input);
    },
    write: async (tx, bidId) => {
      await tx
        .insert(bidCommitments)
        .values({ bidId, measureId: measure.measureId, ...input })
        .onConflictDoUpdate({ target: [bidCommitments.bidId, bidCommitments.measureId], set: input });
      return {};
    },
  };
}

export function commitmentRemoval(tenderNumber: number, measure: TenderMeasure): BidChange {
  return {
    action: `Removed the commitment to ${measure.code} from a bid for tender ${tenderNumber}`,
    changes: (bid) => !!bid?.commitments.some((c) => c.measureId === measure.measureId),
    write: async (tx, bidId) => {
      await tx.delete(bidCommitments).where(and(eq(bidCommitments.bidId, bidId), eq(bidCommitments.measureId, measure.measureId)));
      return {};
    },
  };
}

/** An empty answer removes the saved one. */
export function answerChange(tenderNumber: number, question: QuestionRow, position: number, answer: string): BidChange {
  return {
    action: `Saved the answer to question ${position} in a bid for tender ${tenderNumber}`,
    changes: (bid) => (bid?.answers.get(question.id) ?? '') !== answer,
    write: async (tx, bidId) => {
      const where = and(eq(bidAnswers.bidId, bidId), eq(bidAnswers.questionId, question.id));
      if (answer === '') await tx.delete(bidAnswers).where(where);
      else {
        await tx
          .insert(bidAnswers)
          .values({ bidId, questionId: question.id, answer })
          .onConflictDoUpdate({ target: [bidAnswers.bidId, bidAnswers.questionId], set: { answer } });
      }
      return {};
    },
  };
}
