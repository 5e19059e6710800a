/**
 * A credit path (semantics §3): the partners a portion's volume flows through, p0 first. It is
 * a short explicit head (the credited partner; or the supporter; or the member then the
 * supporter) followed by the sponsor chain of the head's last partner.
 *
 * Steps are produced on demand: most bonuses look only a few levels up, so a portion never pays
 * for walking to the top of a deep genealogy unless a rule (differential, generation, equal
 * rank) really has to go that far.
 */
export class CreditPath {
  private readonly nodes: number[];

  constructor(head: readonly number[], private readonly sponsor: Int32Array) {
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
}
