import type { BidRow } from './repository.js';
import { parsePounds, penceToDecimal } from '../../domain/money.js';
import { field } from '../../platform/forms.js';

/** The bid price and, for a consortium bid, its members (the signed-in supplier's organisation leads it). */

export const MAX_MEMBERS = 5;
export const MEMBER_TEXT_MAX = 200;

export interface MemberValues {
  name: string;
  role: string;
}

export interface DetailsValues {
  price: string;
  consortium: string;
  /** always MAX_MEMBERS rows, empty ones included, so that the form shows every row */
  members: MemberValues[];
}

export type ConsortiumMember = BidRow['consortiumMembers'][number];

export interface DetailsInput {
  pricePence: number;
  consortiumMembers: ConsortiumMember[];
}

export type DetailsReading = { ok: true; values: DetailsValues; input: DetailsInput } | { ok: false; values: DetailsValues; problems: [string, string][] };

export const memberField = (n: number, part: keyof MemberValues) => `member-${n}-${part}`;

function padded(members: MemberValues[]): MemberValues[] {
  return Array.from({ length: MAX_MEMBERS }, (_, i) => members[i] ?? { name: '', role: '' });
}

/** The form as last saved. The consortium question counts as answered once the price has been saved with it. */
export function detailsValuesOf(bid: Pick<BidRow, 'pricePence' | 'consortiumMembers'> | null): DetailsValues {
  const members = bid?.consortiumMembers ?? [];
  const answered = bid?.pricePence !== null && bid?.pricePence !== undefined;
  return {
    price: answered ? penceToDecimal(bid.pricePence!) : '',
    consortium: answered ? (members.length ? 'yes' : 'no') : '',
    members: padded(members.map((m) => ({ name: m.name, role: m.role }))),
  };
}

export function detailsValues(body: unknown): DetailsValues {
  return {
    price: field(body, 'price').trim(),
    consortium: field(body, 'consortium'),
    members: Array.from({ length: MAX_MEMBERS }, (_, i) => ({
      name: field(body, memberField(i + 1, 'name')).trim(),
      role: field(body, memberField(i + 1, 'role')).trim(),
    })),
  };
}

export function readDetailsForm(values: DetailsValues): DetailsReading {
  const problems: [string, string][] = [];
  const pricePence = values.price ? parsePounds(values.price) : null;
  if (!values.price) problems.push(['price', 'Enter your bid price']);
  else if (pricePence === null) problems.push(['price', 'Enter the bid price in pounds, like 75000 or 74,999.50']);
  else if (pricePence <= 0) problems.push(['price', 'Enter a bid price of more than £0']);

  const members: ConsortiumMember[] = [];
  if (values.consortium !== 'yes' && values.consortium !== 'no') {
    problems.push(['consortium', 'Select yes if this is a consortium bid']);
  } else if (values.consortium === 'yes') {
    values.members.forEach((member, i) => {
      const n = i + 1;
      if (!member.name && !member.role) return;
      if (!member.name) problems.push([memberField(n, 'name'), `Enter the name of member ${n}`]);
      else if (member.name.length > MEMBER_TEXT_MAX)
        problems.push([memberField(n, 'name'), `Enter a name for member ${n} of ${MEMBER_TEXT_MAX} characters or fewer`]);
      if (!member.role) problems.push([memberField(n, 'role'), `Enter the role of member ${n}, like “delivers the training”`]);
      else if (member.role.length > MEMBER_TEXT_MAX)
        problems.push([memberField(n, 'role'), `Enter a role for member ${n} of ${MEMBER_TEXT_MAX} characters or fewer`]);
      members.push({ name: member.name, organisationId: null, role: member.role });
    });
    if (members.length === 0) problems.push([memberField(1, 'name'), 'Enter the name of at least one member of the consortium']);
  }
  if (problems.length || pricePence === null) return { ok: false, values, problems };
  return { ok: true, values, input: { pricePence, consortiumMembers: members } };
}
