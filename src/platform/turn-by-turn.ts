import { performance } from 'node:perf_hooks';

/**
 * Lets waiting requests start a few at a time, one turn of the event loop after another, in the order they arrived.
 *
 * On the embedded database a request's queries run on the service's own thread, so a request, once started, keeps
 * the event loop until it has its answer. Requests let in together would run back to back in one long turn, and until
 * that turn ends the service neither reads the requests waiting in other sockets nor accepts new connections (Node
 * accepts one connection a turn); they wait where load shedding cannot see them. Here each turn starts one request,
 * and more as each finishes while the turn has run for less than `budgetMs`; the next turn starts the rest. A turn in
 * which a connection was accepted starts none, so that many connections opened at once are all accepted (and their
 * requests let in or refused) within as many short turns, not one per request served.
 */
export class TurnByTurn {
  readonly #waiting: (() => void)[] = [];
  #scheduled = false;
  #turnStarted = 0;
  #accepted = false;

  constructor(private readonly budgetMs: number) {}

  /** How many requests wait to start. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Resolves when the request may start. */
  wait(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#waiting.push(resolve);
      this.#schedule();
    });
  }

  /** A request has been answered: while this turn has time left, the next one starts now. */
  finished(): void {
    if (this.#waiting.length > 0 && !this.#accepted && performance.now() - this.#turnStarted < this.budgetMs) this.#waiting.shift()!();
  }

  /**
   * A connection has been accepted: Node accepts one a turn, so more may be waiting; this turn starts no request, and
   * the next turn comes round at once, to accept the next.
   */
  connectionAccepted(): void {
    this.#accepted = true;
  }

  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    setImmediate(this.#startTurn);
  }

  readonly #startTurn = () => {
    this.#scheduled = false;
    if (this.#accepted) {
      this.#accepted = false;
      this.#turnStarted = -Infinity; // nor does a request finishing in this turn start another
      this.#schedule();
      return;
    }
    this.#turnStarted = performance.now();
    this.#waiting.shift()?.();
    // Called from a setImmediate callback, setImmediate runs in the next turn, once the sockets have been looked at.
    this.#schedule();
  };
}
