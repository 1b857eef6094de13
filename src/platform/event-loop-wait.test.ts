import { afterEach, describe, expect, it } from 'vitest';
import { watchEventLoopWait, type EventLoopWait } from './event-loop-wait.js';

describe('watchEventLoopWait', () => {
  let wait: EventLoopWait | undefined;
  afterEach(() => wait?.stop());

  it('counts at least the time the event loop has been kept busy in this turn', () => {
    wait = watchEventLoopWait();
    const end = performance.now() + 80;
    while (performance.now() < end);
    expect(wait.waitedMs()).toBeGreaterThanOrEqual(80);
  });

  it('still counts a busy turn in the turn after it, when the timer came round late', async () => {
    wait = watchEventLoopWait();
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        // Kept busy in the timers phase: the watch's own timer runs late, before the next turn reads any socket.
        const end = performance.now() + 80;
        while (performance.now() < end);
        resolve();
      }, 20),
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(wait.waitedMs()).toBeGreaterThanOrEqual(60);
  });

  it('falls back to a few milliseconds once the loop turns freely again', async () => {
    wait = watchEventLoopWait();
    const end = performance.now() + 80;
    while (performance.now() < end);
    await expect.poll(() => wait!.waitedMs(), { timeout: 5000, interval: 15 }).toBeLessThan(60);
  });
});
