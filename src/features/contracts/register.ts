import type { Db } from '../../db/client.js';
import { contractRatings, contracts, type ContractRating } from '../../db/schema/index.js';
import { applicabilityLabels } from '../../domain/applicability.js';
import { pageFrom, paginationLinks, shownRange } from '../../domain/pagination.js';
import { ratingLabels } from '../../domain/rag.js';
import { field, isUuid } from '../../platform/forms.js';
import { deliveryStatus } from './delivery-status.js';
import { sourceLabels } from './labels.js';
import {
  contractManagers,
  contractWaiting,
  listAllContracts,
  listContracts,
  type ContractSource,
  type ContractWaiting,
  type RegisterFilters,
  type RegisterRow,
} from './repository.js';

const PAGE_SIZE = 50;
type RatingFilter = ContractRating | 'none' | '';

/** The register's filters from its GET form; anything unknown is ignored. */
export function readRegisterFilters(query: unknown): { filters: RegisterFilters; rating: RatingFilter; params: Record<string, string> } {
  const supplier = field(query, 'supplier').trim().slice(0, 200);
  const managerText = field(query, 'manager');
  const manager = managerText === 'none' || isUuid(managerText) ? managerText : '';
  const sourceText = field(query, 'source');
  const source = (contracts.source.enumValues as readonly string[]).includes(sourceText) ? (sourceText as ContractSource) : '';
  const ratingText = field(query, 'rating');
  const rating = ratingText === 'none' || (contractRatings as readonly string[]).includes(ratingText) ? (ratingText as RatingFilter) : '';
  const waitingText = field(query, 'waiting');
  const waiting = (contractWaiting as readonly string[]).includes(waitingText) ? (waitingText as ContractWaiting) : '';
  const params = Object.fromEntries(Object.entries({ supplier, manager, rating, source, waiting }).filter(([, v]) => v !== ''));
  return { filters: { supplier, manager, source, waiting }, rating, params };
}

function hrefWith(params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return query ? `/contracts?${query}` : '/contracts';
}

/** One page of the register with each contract's effective rating, its filters and its pagination. */
export async function loadRegister(db: Db, query: unknown, today: string) {
  const { filters, rating, params } = readRegisterFilters(query);
  const page = pageFrom(field(query, 'page'), PAGE_SIZE);
  let rows: RegisterRow[];
  let total: number;
  let statuses;
  if (rating) {
    // The rating is computed from delivery, so it is filtered after working it out for every matching contract.
    const all = await listAllContracts(db, filters);
    statuses = await deliveryStatus(
      db,
      all.map((r) => r.id),
      today,
    );
    const matching = all.filter((r) => (statuses!.get(r.id)?.effectiveRating ?? 'none') === rating);
    total = matching.length;
    rows = matching.slice(page.offset, page.offset + page.size);
  } else {
    ({ rows, total } = await listContracts(db, filters, page));
    statuses = await deliveryStatus(
      db,
      rows.map((r) => r.id),
      today,
    );
  }
  const managers = await contractManagers(db);
  return {
    rows: rows.map((row) => {
      const status = statuses.get(row.id);
      const rating = status?.effectiveRating ?? null;
      return {
        ...row,
        applicabilityLabel: applicabilityLabels[row.applicability],
        sourceLabel: sourceLabels[row.source],
        rating,
        ratingLabel: rating ? ratingLabels[rating] : null,
        overridden: status?.overridden ?? false,
      };
    }),
    ...shownRange(page, rows.length, total),
    filtered: Object.keys(params).length > 0,
    values: { supplier: filters.supplier },
    managerItems: [
      { value: '', text: 'Any contract manager' },
      { value: 'none', text: 'No contract manager', selected: filters.manager === 'none' },
      ...managers.map((m) => ({ value: m.id, text: m.name, selected: m.id === filters.manager })),
    ],
    ratingItems: [
      { value: '', text: 'Any rating' },
      ...contractRatings.map((r) => ({ value: r, text: ratingLabels[r], selected: r === rating })),
      { value: 'none', text: 'Not yet rated', selected: rating === 'none' },
    ],
    sourceItems: [
      { value: '', text: 'Any source' },
      ...contracts.source.enumValues.map((s) => ({ value: s, text: sourceLabels[s], selected: s === filters.source })),
    ],
    waitingItems: [
      { value: '', text: 'Anything or nothing' },
      { value: 'variations', text: 'A variation to approve', selected: filters.waiting === 'variations' },
      { value: 'remediation', text: 'A remediation action due', selected: filters.waiting === 'remediation' },
    ],
    pagination: paginationLinks(page, total, (n) => hrefWith({ ...params, page: String(n) })),
  };
}
