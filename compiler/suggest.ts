/**
 * "Did you mean ...?" — the closest candidate to a misspelt name by edit distance.
 *
 * The distance is the optimal-string-alignment variant of Damerau–Levenshtein: a swap of two
 * neighbouring letters (`Senoir` for `Senior`) is the most common typo and costs 1, not 2.
 * Case is compared loosely (`senior` is distance 0 from `Senior`, ranking only ties), because a
 * plan designer who types the wrong case means the same name.
 */

/** Optimal-string-alignment distance between two strings (exact, case-sensitive). */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  // Three rolling rows: the transposition step looks two rows back.
  let prevPrev = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prevPrev[j - 2]! + 1);
      }
      cur[j] = d;
    }
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[m]!;
}

/** How far off a name may be and still be suggested: short names need to be close. */
function maxDistanceFor(name: string): number {
  if (name.length <= 2) return 1;
  if (name.length <= 5) return 2;
  return 3;
}

/**
 * The candidate closest to `name`, or undefined when none is close enough. Ties go to the
 * candidate that also matches case better, then to the earlier candidate (declaration order),
 * so the answer is deterministic.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { candidate: string; distance: number; caseDistance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance > maxDistanceFor(name) || distance >= Math.max(name.length, candidate.length)) continue;
    const caseDistance = editDistance(name, candidate);
    if (!best || distance < best.distance || (distance === best.distance && caseDistance < best.caseDistance)) {
      best = { candidate, distance, caseDistance };
    }
  }
  return best?.candidate;
}

/** The phrase used in a diagnostic's suggestion field. */
export function didYouMean(name: string): string {
  return `did you mean \`${name}\`?`;
}
