import { PGlite, parse, protocol, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

const { serialize } = protocol;

/** How many statements are kept prepared; past that the least recently used one is closed. */
const STATEMENT_LIMIT = 300;

interface Statement {
  name: string;
  /** the parameter types Postgres inferred, used to turn each value into text as PGlite does */
  paramTypes: number[];
  /** the result's columns; Postgres refuses to run the statement if they change (see mustPrepareAgain) */
  fields: Field[];
}

interface Field {
  name: string;
  dataTypeID: number;
}

type BackendMessage = { name: string };
type RowDescription = BackendMessage & { fields: Field[] };
type DataRow = BackendMessage & { fields: (string | null)[] };
type CommandComplete = BackendMessage & { text: string };

interface DatabaseErrorLike extends Error {
  code?: string;
  query?: string;
  params?: unknown[];
  queryOptions?: QueryOptions;
}

/**
 * Errors after which the statement is prepared again and run once more: Postgres refuses a prepared statement whose
 * result columns changed since it was planned (a table was altered), or one that was deallocated (DEALLOCATE ALL).
 */
function mustPrepareAgain(error: unknown): boolean {
  const { code, message } = error as DatabaseErrorLike;
  return code === '26000' || (code === '0A000' && /cached plan must not change result type/.test(message));
}

function join(messages: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
  let offset = 0;
  for (const message of messages) {
    out.set(message, offset);
    offset += message.length;
  }
  return out;
}

/**
 * PGlite whose `query` prepares each statement once, by name, and then runs it in one call into the database
 * (bind, execute, sync together), where PGlite's own `query` makes six calls and plans the statement every time. Results, errors and locking are the same as PGlite's `query`: it holds the same two locks, so it
 * waits for a running transaction. Queries inside `transaction()` and queries with a blob or explicit parameter
 * types use PGlite's own path.
 */
export class PreparingPGlite extends PGlite {
  readonly #statements = new Map<string, Statement>();
  #nextName = 0;
  #writes = 0;
  #calls = 0;

  /**
   * How many queries, transactions and execs are waiting for the database's one connection behind the one running:
   * the queue a busy service builds up, which load shedding watches.
   */
  get waiting(): number {
    return Math.max(0, this.#calls - 1);
  }

  /** Counts a call into the database from when it is made (and may wait) until it is answered. */
  async #counted<T>(call: () => Promise<T>): Promise<T> {
    this.#calls += 1;
    try {
      return await call();
    } finally {
      this.#calls -= 1;
    }
  }

  /**
   * How many statements that may write have been started: anything but a plain SELECT outside a transaction, and every
   * transaction and exec (counted when they start and when they end). A read cache keyed to it never serves a result
   * read before a write. (A SELECT that calls a function that writes must run in a transaction.)
   */
  get writes(): number {
    return this.#writes;
  }

  override async exec(query: string, options?: QueryOptions) {
    this.#writes += 1;
    try {
      return await this.#counted(() => super.exec(query, options));
    } finally {
      this.#writes += 1;
    }
  }

  override async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    this.#writes += 1;
    try {
      return await this.#counted(() => super.transaction<T>(callback));
    } finally {
      this.#writes += 1;
    }
  }

  override async query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (!/^\s*select\b/i.test(text)) this.#writes += 1;
    return this.#counted(() => this.#query<T>(text, params, options));
  }

  async #query<T>(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    if (options?.blob || options?.paramTypes) return super.query<T>(text, params, options);
    await this._checkReady();
    return this._runExclusiveTransaction(() =>
      this._runExclusiveQuery(async () => {
        try {
          return await this.#run<T>(text, params, options);
        } catch (error) {
          if (!mustPrepareAgain(error)) throw error;
          await this.#forget(text);
          return await this.#run<T>(text, params, options);
        }
      }),
    );
  }

  async #run<T>(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    const statement = await this.#prepare(text, params, options);
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const type = statement.paramTypes[i] ?? 0;
      const serializer = options?.serializers?.[type] ?? this.serializers[type];
      return serializer ? serializer(param) : String(param);
    });
    const messages = await this.#send([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()], text, params, options);
    await this.syncToFs();
    const blob = await this._getWrittenBlob();
    return this.#read<T>(statement.fields, messages, options, blob);
  }

  /**
   * The result, as PGlite's parseResults gives it for one statement, without its cost of copying every known type
   * parser into a new object on each query: the query's own parser for a type, else PGlite's.
   */
  #read<T>(fields: Field[], messages: BackendMessage[], options: QueryOptions | undefined, blob: Blob | undefined): Results<T> {
    const own = options?.parsers;
    const rows: unknown[] = [];
    for (const message of messages) {
      if (message.name === 'dataRow') {
        const values = (message as DataRow).fields.map((value, i) => {
          if (value === null) return null;
          const type = fields[i]!.dataTypeID;
          const parser = own?.[type] ?? this.parsers[type];
          return parser ? parser(value, type) : value;
        });
        rows.push(options?.rowMode === 'array' ? values : Object.fromEntries(fields.map((f, i) => [f.name, values[i]])));
      } else if (message.name === 'commandComplete') {
        const words = (message as CommandComplete).text.split(' ');
        const command = words[0]!;
        const count = parseInt(words[words.length - 1]!, 10);
        const affectedRows = ['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(command) && !Number.isNaN(count) ? count : 0;
        return { rows, fields, command, affectedRows, ...(Number.isNaN(count) ? {} : { rowCount: count }), ...(blob ? { blob } : {}) } as Results<T>;
      }
    }
    return { rows, fields, affectedRows: 0 } as Results<T>;
  }

  async #prepare(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Statement> {
    const known = this.#statements.get(text);
    if (known) {
      // Most recently used last, so the first entry is the one to close when the cache is full.
      this.#statements.delete(text);
      this.#statements.set(text, known);
      return known;
    }
    const oldest = this.#statements.size >= STATEMENT_LIMIT ? this.#statements.keys().next().value : undefined;
    if (oldest !== undefined) await this.#forget(oldest);
    const name = `sv_${this.#nextName++}`;
    const messages = await this.#send([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()], text, params, options);
    const columns = messages.find((m) => m.name === 'rowDescription') as RowDescription | undefined;
    const statement = {
      name,
      paramTypes: parse.parseDescribeStatementResults(messages),
      fields: columns ? columns.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) : [],
    };
    this.#statements.set(text, statement);
    return statement;
  }

  async #forget(text: string): Promise<void> {
    const statement = this.#statements.get(text);
    if (!statement) return;
    this.#statements.delete(text);
    await this.execProtocolStream(join([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]), { syncToFs: false });
  }

  async #send(messages: Uint8Array[], text: string, params: unknown[], options: QueryOptions | undefined) {
    try {
      return await this.execProtocolStream(join(messages), { syncToFs: false, ...(options?.onNotice ? { onNotice: options.onNotice } : {}) });
    } catch (error) {
      // Described as PGlite's own query describes a database error.
      if ((error as DatabaseErrorLike).code !== undefined) {
        Object.assign(error as DatabaseErrorLike, { query: text, params, queryOptions: options });
      }
      throw error;
    }
  }
}
