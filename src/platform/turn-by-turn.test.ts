import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TurnByTurn } from './turn-by-turn.js';

function keepEventLoopBusy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('TurnByTurn', () => {
  it('starts one waiting request per turn of the event loop, in the order they came', async () => {
    const turns = new TurnByTurn(0);
    const started: number[] = [];
    for (const n of [1, 2, 3]) void turns.wait().then(() => started.push(n));
    expect(turns.waiting).toBe(3);
    await Promise.resolve();
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual([1]);
    await nextTurn();
    expect(started).toEqual([1, 2]);
    await nextTurn();
    expect(started).toEqual([1, 2, 3]);
    expect(turns.waiting).toBe(0);
  });

  it('starts the next one as soon as one finishes while the turn has time left, and leaves it to the next turn after', async () => {
    const turns = new TurnByTurn(60_000);
    const started: number[] = [];
    for (const n of [1, 2, 3]) void turns.wait().then(() => started.push(n));
    await nextTurn();
    expect(started).toEqual([1]);
    turns.finished();
    await Promise.resolve();
    expect(started).toEqual([1, 2]);

    const short = new TurnByTurn(20);
    const begun: number[] = [];
    for (const n of [1, 2]) void short.wait().then(() => begun.push(n));
    await nextTurn();
    keepEventLoopBusy(30);
    short.finished();
    await Promise.resolve();
    expect(begun).toEqual([1]);
    await nextTurn();
    expect(begun).toEqual([1, 2]);
  });

  it('starts no request in a turn in which a connection was accepted, and none in its place as one finishes', async () => {
    const turns = new TurnByTurn(60_000);
    const started: number[] = [];
    for (const n of [1, 2]) void turns.wait().then(() => started.push(n));
    turns.connectionAccepted();
    await nextTurn();
    turns.finished();
    await Promise.resolve();
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual([1]);
    await nextTurn();
    expect(started).toEqual([1, 2]);
  });

  it('does nothing when a request finishes and none waits', async () => {
    const turns = new TurnByTurn(60_000);
    turns.finished();
    await turns.wait();
    expect(turns.waiting).toBe(0);
  });
});
