import { performance } from 'node:perf_hooks';

/** How often the watch looks in, in milliseconds: the error of the estimate, and the cost of keeping it. */
const TICK_MS = 10;

export interface EventLoopWait {
  /**
   * At least how long a request read now has waited to be read, in milliseconds: the time since the event loop last
   * came round to its timers (a request read in this turn arrived before the turn began), plus how late it came round
   * that time (requests that arrived while an earlier turn ran long are read in the turn that follows).
   */
  waitedMs(): number;
  stop(): void;
}

/**
 * Watches the event loop with a timer that should fire every 10 ms. Whatever keeps the loop busy (pages being
 * rendered, and on the embedded database every query, which runs on this same thread) delays the timer, and while it
 * runs, new requests wait unread in their sockets, where nothing else in the service can see them.
 */
export function watchEventLoopWait(): EventLoopWait {
  let lastTick = performance.now();
  let lateness = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lateness = Math.max(0, now - lastTick - TICK_MS);
    lastTick = now;
  }, TICK_MS);
  timer.unref();
  return {
    waitedMs: () => performance.now() - lastTick + lateness,
    stop: () => clearInterval(timer),
  };
}
