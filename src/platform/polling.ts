/** What background work logs to: Fastify's logger fits. */
export interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Poller {
  /** runs the work again now instead of waiting for the interval */
  kick(): void;
  /** no further runs; resolves when a run in progress has finished */
  stop(): Promise<void>;
}

/**
 * Runs `work` at once, then `intervalMs` after each run ends, until stopped. A failed run is logged with `failure`
 * and the next one goes ahead as usual. The outbox worker and the job runner poll this way.
 */
export function startPolling(work: () => Promise<unknown>, intervalMs: number, log: Logger, failure: string): Poller {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = work()
      .catch((error) => log.error({ err: error }, failure))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    kick() {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
