/**
 * Draws an index with probability proportional to its integer weight, with weights that change
 * as the genealogy grows. A Fenwick (binary indexed) tree keeps draw and update at O(log n),
 * which is what lets 100k partners grow in well under a second. Integer weights keep the draw
 * exact and identical on every JavaScript engine.
 */
import type { Rng } from "./rng.ts";

export class WeightedPicker {
  private readonly tree: Float64Array;
  private readonly weights: Float64Array;
  private readonly topStep: number;
  private sum = 0;

  constructor(readonly size: number) {
    this.tree = new Float64Array(size + 1);
    this.weights = new Float64Array(size);
    let step = 1;
    while (step * 2 <= size) step *= 2;
    this.topStep = step;
  }

  get total(): number {
    return this.sum;
  }

  weightOf(index: number): number {
    return this.weights[index] ?? 0;
  }

  /** Sets the weight of `index` (a non-negative integer). */
  set(index: number, weight: number): void {
    const delta = weight - (this.weights[index] ?? 0);
    if (delta === 0) return;
    this.weights[index] = weight;
    this.sum += delta;
    for (let x = index + 1; x <= this.size; x += x & -x) this.tree[x] = (this.tree[x] ?? 0) + delta;
  }

  /** An index drawn proportionally to the weights; null when every weight is zero. */
  draw(rng: Rng): number | null {
    if (this.sum <= 0) return null;
    let remaining = rng.below(this.sum);
    let position = 0;
    // Descend the implicit tree: find the first index whose prefix sum exceeds the target.
    for (let step = this.topStep; step > 0; step >>= 1) {
      const next = position + step;
      const partial = this.tree[next];
      if (next <= this.size && partial !== undefined && partial <= remaining) {
        position = next;
        remaining -= partial;
      }
    }
    return position;
  }
}
