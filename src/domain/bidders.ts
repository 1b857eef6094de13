/** How a bidder is named on every page, report and letter: the lead supplier, and the members of a consortium. */
export interface Bidder {
  supplierName: string;
  consortiumMembers: readonly { name: string; role: string | null }[];
}

/** The members of a consortium with their roles: "Hinckley Youth Trust (youth employment partner); Partner Ltd". */
export function consortiumText(members: Bidder['consortiumMembers']): string {
  return members.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)).join('; ');
}

export function bidderName(bid: Bidder): string {
  return bid.consortiumMembers.length ? `${bid.supplierName}, leading a consortium with ${consortiumText(bid.consortiumMembers)}` : bid.supplierName;
}
