/** One page of a long list, and the links for GOV.UK's pagination component. */
export interface Page {
  number: number;
  size: number;
  offset: number;
}

export interface PaginationLinks {
  previous?: { href: string };
  next?: { href: string };
  items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[];
}

/** The page asked for in a query string ("3"); anything else is the first page. */
export function pageFrom(value: string, size: number): Page {
  const number = /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : 1;
  return { number, size, offset: (number - 1) * size };
}

/** The pagination links for a list of `total` items, or null when it fits on one page. */
export function paginationLinks(page: Page, total: number, hrefFor: (number: number) => string): PaginationLinks | null {
  const last = Math.max(1, Math.ceil(total / page.size));
  if (last === 1) return null;
  const current = Math.min(page.number, last);
  // A page past the end (an old link) still links back to the last real page.
  const shown = [...new Set([1, current - 1, current, current + 1, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  const items: PaginationLinks['items'] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: hrefFor(n), current: n === page.number });
  });
  return {
    ...(page.number > 1 ? { previous: { href: hrefFor(Math.min(page.number - 1, last)) } } : {}),
    ...(page.number < last ? { next: { href: hrefFor(current + 1) } } : {}),
    items,
  };
}

/** What "Showing 21 to 40 of 1,234" says (the showingSummary macro), for a page that shows `shown` of `total` items. */
export function shownRange(page: Page, shown: number, total: number): { total: number; first: number; last: number } {
  return { total, first: page.offset + 1, last: page.offset + shown };
}
