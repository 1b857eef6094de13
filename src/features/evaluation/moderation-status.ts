/** Which answers still lack an agreed score: moderation can be locked only when none do. */

export interface AnswerToAgree {
  bidId: string;
  supplierName: string;
  questionPosition: number;
}

export function unagreedAnswers(
  bids: { id: string; supplierName: string }[],
  questions: { id: string; position: number }[],
  agreed: { bidId: string; questionId: string }[],
): AnswerToAgree[] {
  const done = new Set(agreed.map((a) => `${a.bidId} ${a.questionId}`));
  return bids.flatMap((bid) =>
    questions.filter((q) => !done.has(`${bid.id} ${q.id}`)).map((q) => ({ bidId: bid.id, supplierName: bid.supplierName, questionPosition: q.position })),
  );
}

/** "Charnwood Care Services Ltd: questions 1 and 3" for each bid with answers still to agree. */
export function describeUnagreed(missing: AnswerToAgree[]): string[] {
  const byBid = new Map<string, { name: string; positions: number[] }>();
  for (const m of missing) {
    const entry = byBid.get(m.bidId) ?? { name: m.supplierName, positions: [] };
    entry.positions.push(m.questionPosition);
    byBid.set(m.bidId, entry);
  }
  return [...byBid.values()].map(({ name, positions }) => {
    const list = positions.length === 1 ? String(positions[0]) : `${positions.slice(0, -1).join(', ')} and ${positions.at(-1)}`;
    return `${name}: question${positions.length === 1 ? '' : 's'} ${list}`;
  });
}
