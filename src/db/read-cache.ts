/**
 * Results of the hottest reads (the session's user, a framework version, the summaries' figures) kept in memory until
 * the database's next write. The count of writes comes from the database's client: on the embedded database every
 * write goes through this process's client (its data folder is locked), so an entry read before the latest write is
 * never served; a signed-out session or a changed role takes effect on the very next request, as without the cache.
 * On PostgreSQL (postgres-writes.ts) this instance's writes are counted the same way and other writers' arrive as
 * notifications when they commit, so another instance's change is seen within milliseconds; nothing is kept while
 * those notifications could be missed.
 */
import type { DbOrTx } from './types.js';

const LIMIT = 1000;

export class ReadCache {
  readonly #entries = new Map<string, unknown>();
  #writes = -1;

  constructor(private readonly writes: () => number) {}

  /** The value kept under `key` since the latest write, or what `load` reads (kept unless a write came meanwhile). */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const writes = this.writes();
    if (writes !== this.#writes) {
      this.#entries.clear();
      this.#writes = writes;
    }
    if (this.#entries.has(key)) return this.#entries.get(key) as T;
    const value = await load();
    if (this.writes() === writes && this.#writes === writes) {
      if (this.#entries.size >= LIMIT) this.#entries.clear();
      this.#entries.set(key, value);
    }
    return value;
  }
}

const caches = new WeakMap<object, ReadCache>();

export function attachReadCache(db: DbOrTx, cache: ReadCache): void {
  caches.set(db, cache);
}

/** `load()`, through the database's read cache when it has one (outside a transaction). */
export function cachedRead<T>(db: DbOrTx, key: string, load: () => Promise<T>): Promise<T> {
  const cache = caches.get(db);
  return cache ? cache.get(key, load) : load();
}

const derived = new WeakMap<object, Map<string, unknown>>();

/**
 * What `make` derives from `value` (a page rendered from it, its serialized bytes and ETag), made once under `key` for
 * as long as `value` lives: a result served again from the read cache is the same object, so work done on it is not
 * done again until the next write replaces it. A value that is not an object is derived from afresh each time.
 */
export function derivedFrom<T>(value: unknown, key: string, make: () => T): T {
  if (value === null || typeof value !== 'object') return make();
  let made = derived.get(value);
  if (!made) derived.set(value, (made = new Map()));
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}
