export const CLOSE_REASON_MAX = 1000;

/** The reason an officer gives for closing bidding early: required, at most 1,000 characters. */
export function readCloseReason(text: string): { ok: true; reason: string } | { ok: false; message: string } {
  const reason = text.trim();
  if (!reason) return { ok: false, message: 'Enter why you are closing bidding early' };
  if (reason.length > CLOSE_REASON_MAX) return { ok: false, message: `The reason must be ${CLOSE_REASON_MAX.toLocaleString('en-GB')} characters or fewer` };
  return { ok: true, reason };
}
