/**
 * A credit path (semantics §3): the partners a portion's volume flows through, p0 first. It is
 * a short explicit head (the credited partner; or the supporter; or the member then the
 * supporter) followed by the sponsor chain of the head's last partner.
 *
 * Steps are produced on demand: most bonuses look only a few levels up, so a portion never pays
 * for walking to the top of a deep genealogy unless a rule (differential, generation, equal
 * rank) really has to go that far — and those rules jump (`firstFlagged`, `nextFlagged`,
 * pathJumps.ts) instead of stepping, so they never store the chain either.
 */
import { forestOrder } from "./pathJumps.ts";

export class CreditPath {
  private readonly nodes: number[];
  private readonly head: readonly number[];
  private depth: Int32Array | null = null;
  /** The partner at the step the last `firstFlagged`/`nextFlagged` returned. */
  found = -1;

  constructor(head: readonly number[], readonly sponsor: Int32Array) {
    this.head = head;
    this.nodes = [...head];
  }

  /** The partner at `step` (p0 = step 0), or -1 beyond the top of the path. */
  at(step: number): number {
    while (this.nodes.length <= step) {
      const up = this.sponsor[this.nodes[this.nodes.length - 1]!]!;
      if (up < 0) return -1;
      this.nodes.push(up);
    }
    return this.nodes[step]!;
  }

  /** Steps from 0 to this one are the explicit head; above it runs the sponsor chain. */
  get lastHeadStep(): number {
    return this.head.length - 1;
  }

  /** The step of `ancestor`, a partner above `partner` (at `step`, at or above the head's last step). */
  stepOfAncestor(step: number, partner: number, ancestor: number): number {
    this.depth ??= forestOrder(this.sponsor).depth;
    return step + this.depth[partner]! - this.depth[ancestor]!;
  }

  /** The first step whose partner's flag is set (partner in `found`), or -1. `above` = nearestFlaggedAbove(sponsor, flags). */
  firstFlagged(flags: Uint8Array, above: Int32Array): number {
    const p0 = this.head[0]!;
    if (flags[p0]) {
      this.found = p0;
      return 0;
    }
    return this.nextFlagged(0, p0, flags, above);
  }

  /** The first step after `step` (whose partner is `partner`) with a flagged partner (in `found`), or -1. */
  nextFlagged(step: number, partner: number, flags: Uint8Array, above: Int32Array): number {
    const last = this.head.length - 1;
    for (let s = step + 1; s <= last; s++) {
      const p = this.head[s]!;
      if (flags[p]) {
        this.found = p;
        return s;
      }
    }
    const from = step < last ? last : step;
    const fromPartner = step < last ? this.head[last]! : partner;
    const next = above[fromPartner]!;
    if (next < 0) return -1;
    this.found = next;
    return this.stepOfAncestor(from, fromPartner, next);
  }
}
