import { describe, expect, it } from 'vitest';
import { pageFrom, paginationLinks, shownRange } from './pagination.js';

const href = (n: number) => `/list?page=${n}`;

describe('pageFrom', () => {
  it('reads a page number and works out the offset', () => {
    expect(pageFrom('3', 50)).toEqual({ number: 3, size: 50, offset: 100 });
  });
  it.each(['', '0', '-1', '2.5', 'abc', '9999999'])('treats %j as the first page', (value) => {
    expect(pageFrom(value, 50)).toEqual({ number: 1, size: 50, offset: 0 });
  });
});

describe('paginationLinks', () => {
  it('gives no links when everything fits on one page', () => {
    expect(paginationLinks(pageFrom('1', 50), 50, href)).toBeNull();
    expect(paginationLinks(pageFrom('1', 50), 0, href)).toBeNull();
  });

  it('links the neighbours, the first and the last page, with ellipses between', () => {
    expect(paginationLinks(pageFrom('5', 10), 100, href)).toEqual({
      previous: { href: href(4) },
      next: { href: href(6) },
      items: [
        { number: 1, href: href(1), current: false },
        { ellipsis: true },
        { number: 4, href: href(4), current: false },
        { number: 5, href: href(5), current: true },
        { number: 6, href: href(6), current: false },
        { ellipsis: true },
        { number: 10, href: href(10), current: false },
      ],
    });
  });

  it('has no previous link on the first page and no next link on the last', () => {
    const first = paginationLinks(pageFrom('1', 10), 25, href);
    expect(first?.previous).toBeUndefined();
    expect(first?.next).toEqual({ href: href(2) });
    expect(first?.items.map((i) => ('number' in i ? i.number : '…'))).toEqual([1, 2, 3]);
    const last = paginationLinks(pageFrom('3', 10), 25, href);
    expect(last?.next).toBeUndefined();
    expect(last?.previous).toEqual({ href: href(2) });
  });

  it('offers a way back from a page past the end', () => {
    const beyond = paginationLinks(pageFrom('9', 10), 25, href);
    expect(beyond?.previous).toEqual({ href: href(3) });
    expect(beyond?.next).toBeUndefined();
    expect(beyond?.items.some((i) => 'current' in i && i.current)).toBe(false);
  });
});

describe('shownRange', () => {
  it('numbers the first and last items shown from 1, for "Showing 21 to 35 of 35"', () => {
    expect(shownRange(pageFrom('2', 20), 15, 35)).toEqual({ total: 35, first: 21, last: 35 });
    expect(shownRange(pageFrom('', 20), 20, 1234)).toEqual({ total: 1234, first: 1, last: 20 });
  });
});
