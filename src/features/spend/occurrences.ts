/**
 * Counts how often each of many small non-negative integers (below 2^31 - 1) has been seen, in two typed arrays (an
 * open-addressing hash table) instead of a Map: a million values take about 12 MB instead of several times that, so an
 * import's memory stays flat however many rows its file has.
 */
export class OccurrenceCounter {
  /** value + 1 in each slot, 0 for an empty slot */
  private keys = new Int32Array(1 << 12);
  private counts = new Uint32Array(1 << 12);
  private size = 0;

  /** How many times `value` was seen before, counting this time for next time. */
  next(value: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const slot = this.slotOf(value, this.keys);
    if (this.keys[slot] === 0) {
      this.keys[slot] = value + 1;
      this.size++;
    }
    return this.counts[slot]!++;
  }

  private slotOf(value: number, keys: Int32Array): number {
    const mask = keys.length - 1;
    // A multiplicative hash spreads values that share their low bits.
    let slot = (Math.imul(value, 0x9e3779b1) >>> 0) & mask;
    while (keys[slot] !== 0 && keys[slot] !== value + 1) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const keys = new Int32Array(this.keys.length * 2);
    const counts = new Uint32Array(this.keys.length * 2);
    for (let i = 0; i < this.keys.length; i++) {
      if (this.keys[i] === 0) continue;
      const slot = this.slotOf(this.keys[i]! - 1, keys);
      keys[slot] = this.keys[i]!;
      counts[slot] = this.counts[i]!;
    }
    this.keys = keys;
    this.counts = counts;
  }
}
