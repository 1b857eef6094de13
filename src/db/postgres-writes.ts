/**
 * Counts the writes a PostgreSQL database has seen, for the read cache (read-cache.ts): this instance's own
 * statements as they start and end, and every other writer's committed transactions as notifications. A trigger on
 * every table (`ensureWriteNotifications`, run with the migrations) notifies the `data_changed` channel when a
 * statement writes; PostgreSQL delivers it when that transaction commits, to each instance's listening connection.
 * While that connection is not listening (starting, lost, reconnecting) the count changes on every look, so the cache
 * keeps nothing and every read goes to the database.
 */
import type pg from 'pg';

const CHANNEL = 'data_changed';
const RECONNECT_MS = 1000;

/** Creates the notifying trigger on every table of the schema that lacks it (tables added by later migrations too). */
export async function ensureWriteNotifications(client: pg.PoolClient): Promise<void> {
  await client.query(`
    create or replace function notify_data_changed() returns trigger language plpgsql as $body$
    begin
      perform pg_notify('${CHANNEL}', '');
      return null;
    end
    $body$`);
  await client.query(`
    do $body$
    declare target regclass;
    begin
      for target in
        select c.oid::regclass from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = current_schema()
          and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'notify_data_changed')
      loop
        execute format('create trigger notify_data_changed after insert or update or delete or truncate on %s '
          'for each statement execute function notify_data_changed()', target);
      end loop;
    end
    $body$`);
}

const isPlainSelect = (query: unknown): boolean => {
  const text = typeof query === 'string' ? query : (query as { text?: unknown } | null)?.text;
  return typeof text === 'string' && /^\s*select\b/i.test(text);
};

/** The server process a connection talks to (set once it has connected). */
const processId = (client: pg.ClientBase): number => (client as unknown as { processID: number }).processID;

export class PostgresWrites {
  #count = 0;
  #listening = false;
  #closed = false;
  #listener: pg.Client | undefined;
  #retry: NodeJS.Timeout | undefined;
  /** the server processes behind this instance's pool, whose writes are counted as they are made */
  readonly #own = new Set<number>();

  constructor(
    pool: pg.Pool,
    private readonly connect: () => pg.Client,
  ) {
    pool.on('connect', (client) => {
      this.#own.add(processId(client));
      this.#countWritesOf(client);
    });
    pool.on('remove', (client) => this.#own.delete(processId(client)));
  }

  /** The count a cached read is kept against; a new one on every look while changes from elsewhere may go unseen. */
  get count(): number {
    return this.#listening ? this.#count : ++this.#count;
  }

  /** Starts listening; resolves once listening (or after the first failure, retrying in the background). */
  async listen(): Promise<void> {
    if (this.#closed) return;
    const client = this.connect();
    this.#listener = client;
    const lost = () => {
      if (this.#listener !== client) return;
      this.#listening = false;
      this.#count += 1;
      this.#listener = undefined;
      client.end().catch(() => undefined);
      if (!this.#closed) this.#retry = setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (notice) => {
      if (!this.#own.has(notice.processId)) this.#count += 1;
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      if (this.#listener !== client) return;
      // Writes made while nobody listened were not announced: what was kept before them goes.
      this.#count += 1;
      this.#listening = true;
    } catch {
      lost();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listening = false;
    clearTimeout(this.#retry);
    const client = this.#listener;
    this.#listener = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Every statement but a plain SELECT counts as a write when it starts and again when it has finished (or failed). */
  #countWritesOf(client: pg.PoolClient): void {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const counted = () => {
      this.#count += 1;
    };
    (client as { query: unknown }).query = (...args: unknown[]) => {
      if (isPlainSelect(args[0])) return query(...args);
      counted();
      const last = args.at(-1);
      if (typeof last === 'function') {
        // The pool's own `query` passes a callback.
        args[args.length - 1] = (...results: unknown[]) => {
          counted();
          return (last as (...results: unknown[]) => unknown)(...results);
        };
        return query(...args);
      }
      const result = query(...args);
      return result instanceof Promise ? result.finally(counted) : result;
    };
  }
}
