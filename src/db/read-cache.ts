/**
 * Results of the hottest reads (the session's user, a framework version) kept in memory on the embedded database
 * until its next write. Only this process can write to that database (its data folder is locked) and every write
 * goes through its client, which counts them, so an entry read before the latest write is never served: a signed-out
 * session or a changed role takes effect on the very next request, as without the cache. A PostgreSQL server has
 * other writers (other instances), so reads there always go to the database.
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

/** `load()`, through the database's read cache when it has one (the embedded database outside a transaction). */
export function cachedRead<T>(db: DbOrTx, key: string, load: () => Promise<T>): Promise<T> {
  const cache = caches.get(db);
  return cache ? cache.get(key, load) : load();
}
