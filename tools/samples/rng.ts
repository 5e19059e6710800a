/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32).
 *
 * Why not Math.random: sample data must be reproducible byte for byte from (options, seed).
 * Why only integer draws: every consumer turns draws into integers (indices, counts, cents,
 * days) with integer arithmetic, so the output cannot depend on how a JavaScript engine rounds
 * transcendental functions (Math.log/pow differ in the last bit between engines).
 */

/** splitmix32 step: spreads a small seed over all 32 bits so nearby seeds give unrelated streams. */
function splitmix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed any integer; `stream` separates independent streams of one seed, so that e.g.
   *   asking for more cancellations does not reshuffle the genealogy.
   */
  constructor(seed: number, stream = 0) {
    let state = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x27d4eb2d)) | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(state);
      state = next;
      words.push(out);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    // Warm-up: the first outputs of sfc32 are still correlated with the seed words.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /**
   * Uniform integer in [0, n) for 1 <= n <= 2^53, by rejection (no modulo bias).
   * Two 32-bit draws are combined only when n needs more than 32 bits.
   */
  below(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Rng.below: bad bound ${n}`);
    if (n <= 0x1_0000_0000) {
      const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
      for (;;) {
        const x = this.nextUint32();
        if (x < limit) return x % n;
      }
    }
    const span = 2 ** 53;
    const limit = span - (span % n);
    for (;;) {
      const x = (this.nextUint32() & 0x1f_ffff) * 0x1_0000_0000 + this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  between(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  /** True with probability perMille / 1000. */
  chance(perMille: number): boolean {
    return this.below(1000) < perMille;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)] as T;
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}
