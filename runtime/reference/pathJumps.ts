/**
 * Jumps up the sponsor forest, so that a walk along a credit path that has to pass over many
 * partners (the differential walk looking for a higher rate, a compressed level bonus skipping
 * inactive partners, the generation bonus looking for managers) costs the partners it stops at,
 * not the depth of the genealogy. Without them a 20k-deep chain where everyone orders took
 * minutes and gigabytes: every portion walked (and stored) the whole chain above it.
 *
 * Each table is computed once per sponsor array and flag array (one per period and standing)
 * and cached by identity; results are exactly those of the step-by-step walks they replace.
 */

const depthCache = new WeakMap<Int32Array, { depth: Int32Array; topDown: Int32Array }>();

/** Depth of every partner (a top partner is 0) and the partners ordered parents first. */
export function forestOrder(sponsor: Int32Array): { depth: Int32Array; topDown: Int32Array } {
  const cached = depthCache.get(sponsor);
  if (cached) return cached;
  const n = sponsor.length;
  const depth = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    let x = i;
    while (x >= 0 && depth[x] === -1) {
      stack.push(x);
      x = sponsor[x]!;
    }
    let d = x < 0 ? -1 : depth[x]!;
    while (stack.length > 0) {
      d += 1;
      depth[stack.pop()!] = d;
    }
    if (d > maxDepth) maxDepth = d;
  }
  // counting sort by depth: every partner comes after its sponsor
  const start = new Int32Array(maxDepth + 2);
  for (let i = 0; i < n; i++) start[depth[i]! + 1]! += 1;
  for (let d = 1; d < start.length; d++) start[d]! += start[d - 1]!;
  const topDown = new Int32Array(n);
  for (let i = 0; i < n; i++) topDown[start[depth[i]!]!++] = i;
  const order = { depth, topDown };
  depthCache.set(sponsor, order);
  return order;
}

const flaggedCache = new WeakMap<Uint8Array, { sponsor: Int32Array; above: Int32Array }>();

/** For every partner, the nearest partner strictly above it whose flag is set; -1 if none. */
export function nearestFlaggedAbove(sponsor: Int32Array, flags: Uint8Array): Int32Array {
  const cached = flaggedCache.get(flags);
  if (cached && cached.sponsor === sponsor) return cached.above;
  const { topDown } = forestOrder(sponsor);
  const above = new Int32Array(sponsor.length).fill(-1);
  for (const x of topDown) {
    const s = sponsor[x]!;
    if (s >= 0) above[x] = flags[s] ? s : above[s]!;
  }
  flaggedCache.set(flags, { sponsor, above });
  return above;
}

/**
 * For every flagged partner x, the nearest flagged partner strictly above it with a key greater
 * than x's own; -1 if none. Keys are small integers (a rate's position among the plan's rates),
 * so each partner's search jumps at most once per distinct key.
 */
export function nearestGreaterAbove(sponsor: Int32Array, flags: Uint8Array, key: Int32Array): Int32Array {
  const { topDown } = forestOrder(sponsor);
  const flaggedAbove = nearestFlaggedAbove(sponsor, flags);
  const greater = new Int32Array(sponsor.length).fill(-1);
  for (const x of topDown) {
    if (!flags[x]) continue;
    let c = flaggedAbove[x]!;
    while (c >= 0 && key[c]! <= key[x]!) c = greater[c]!;
    greater[x] = c;
  }
  return greater;
}
