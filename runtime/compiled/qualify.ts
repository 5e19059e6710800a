/**
 * Volumes, ranks and activity of a compiled period in one bottom-up pass over the credit graph
 * (the same aggregation as runtime/reference/qualification.ts, on scaled integers): PV from the
 * portions, then per partner in credit-graph order GV and OV from its children and supported
 * members, its rank (highest rank whose condition holds), manager flag, subtree rank (legs) and
 * activity. Conditions come as one compiled function (generated code or the interpreter).
 */
import { giveBack, take } from "./arrayPool.ts";
import type { ColumnarData } from "./columnar.ts";
import type { PlanTables } from "./planTables.ts";
import type { PortionColumns } from "./portions.ts";

export interface QualifyState {
  personal: Float64Array[];
  group: Float64Array[];
  open: Float64Array[];
  diverted: Float64Array[];
  rank: Int32Array;
  manager: Uint8Array;
  eligible: Uint8Array;
  joined: Uint8Array;
  subtreeRank: Int32Array;
  /** Per partner member: its supporter (-1 none). */
  supporterOf: Int32Array;
  /** Members supported by p: memberList[memberStart[p] .. memberStart[p + 1]). */
  memberStart: Int32Array;
  memberList: Int32Array;
  childStart: Int32Array;
  childList: Int32Array;
}

/** Ranks and activity of partner p, all of whose contributors are done. Sets rank[p] and returns activity. */
export type RankKernel = (s: QualifyState, p: number, joined: boolean) => boolean;

/**
 * An order of the credit graph in which every partner comes after its contributors (its
 * recruits and the partner members it supports): depth first over the contributors, post-order,
 * starting from each partner in engine order. On engine-ordered partners (columnar.ts) a sponsor
 * forest alone gives 0, 1, 2, ... — the pass reads its children just below each partner — and a
 * member supported from elsewhere pulls in only its own block. Any valid order gives the same
 * sums (each partner adds its contributors in CSR order). Null on a circle (the reference words it).
 */
export function creditOrder(c: ColumnarData, memberStart: Int32Array, memberList: Int32Array): Int32Array | null {
  const n = c.partnerCount;
  const childStart = c.childStart;
  const childList = c.childList;
  const order = take(Int32Array, n);
  /** 0 not seen, 1 on the stack, 2 placed. */
  const seen = take(Uint8Array, n);
  const stack = take(Int32Array, n);
  /** Contributors of p looked at so far: recruits first, then members. */
  const cursor = take(Int32Array, n);
  let out = 0;
  for (let from = 0; from < n; from++) {
    if (seen[from] !== 0) continue;
    let top = 0;
    stack[0] = from;
    seen[from] = 1;
    while (top >= 0) {
      const v = stack[top]!;
      const k = cursor[v]!;
      const recruits = childStart[v + 1]! - childStart[v]!;
      if (k < recruits + memberStart[v + 1]! - memberStart[v]!) {
        cursor[v] = k + 1;
        const w = k < recruits ? childList[childStart[v]! + k]! : memberList[memberStart[v]! + k - recruits]!;
        if (seen[w] === 0) {
          seen[w] = 1;
          stack[++top] = w;
        } else if (seen[w] === 1) {
          giveBack(order, seen, stack, cursor);
          return null;
        }
        continue;
      }
      seen[v] = 2;
      order[out++] = v;
      top--;
    }
  }
  giveBack(seen, stack, cursor);
  return order;
}

export function qualify(
  c: ColumnarData,
  tables: PlanTables,
  portions: PortionColumns,
  supporterOf: Int32Array,
  memberStart: Int32Array,
  memberList: Int32Array,
  order: Int32Array,
  lastDay: number,
  kernel: RankKernel,
): QualifyState {
  const n = c.partnerCount;
  const K = tables.measureCount;
  // The state's arrays come from the array pool: the period gives them back when it is released.
  const personal = Array.from({ length: K }, () => take(Float64Array, n));
  const diverted = Array.from({ length: K }, () => take(Float64Array, n));
  for (let k = 0; k < K; k++) {
    const x = portions.x[k]!;
    const pv = personal[k]!;
    const dv = diverted[k]!;
    for (let i = 0; i < portions.count; i++) {
      const v = x[i]!;
      if (v === 0) continue;
      pv[portions.p0[i]!] = pv[portions.p0[i]!]! + v;
      const d = portions.diverted[i]!;
      if (d >= 0) dv[d] = dv[d]! + v;
    }
  }
  const s: QualifyState = {
    personal, diverted,
    group: Array.from({ length: K }, () => take(Float64Array, n)),
    open: Array.from({ length: K }, () => take(Float64Array, n)),
    rank: take(Int32Array, n, -1),
    manager: take(Uint8Array, n),
    eligible: take(Uint8Array, n),
    joined: take(Uint8Array, n),
    subtreeRank: take(Int32Array, n, -1),
    supporterOf, memberStart, memberList, childStart: c.childStart, childList: c.childList,
  };
  const { rank, manager, eligible, joined, subtreeRank, group, open } = s;
  const childStart = c.childStart;
  const childList = c.childList;
  const breakaway = tables.breakaway;
  const hasMembers = memberList.length > 0;
  for (let i = 0; i < n; i++) {
    const p = order[i]!;
    const c0 = childStart[p]!;
    const c1 = childStart[p + 1]!;
    for (let k = 0; k < K; k++) {
      const pv = personal[k]!;
      const gvk = group[k]!;
      const ovk = open[k]!;
      const dvk = diverted[k]!;
      let gv = pv[p]!;
      let ov = gv;
      for (let j = c0; j < c1; j++) {
        const ch = childList[j]!;
        const d = dvk[ch]!;
        gv += gvk[ch]! - d;
        if (manager[ch] === 0) ov += ovk[ch]! - d;
      }
      if (hasMembers) {
        for (let j = memberStart[p]!; j < memberStart[p + 1]!; j++) {
          const m = memberList[j]!;
          gv += dvk[m]!;
          if (manager[m] === 0) ov += dvk[m]!;
        }
      }
      gvk[p] = gv;
      ovk[p] = ov;
    }
    const isJoined = c.joinedDay[p]! <= lastDay;
    joined[p] = isJoined ? 1 : 0;
    const active = kernel(s, p, isJoined);
    const r = rank[p]!;
    manager[p] = breakaway >= 0 && r >= breakaway ? 1 : 0;
    let highest = r;
    for (let j = c0; j < c1; j++) {
      const sr = subtreeRank[childList[j]!]!;
      if (sr > highest) highest = sr;
    }
    subtreeRank[p] = highest;
    const kind = c.terminatedKind[p]!;
    const terminated = kind === 2 || (kind === 1 && c.terminatedDay[p]! <= lastDay);
    eligible[p] = isJoined && !terminated && active ? 1 : 0;
  }
  return s;
}

/** Group volume with at most `cap` from any one leg, own PV in full (the max-leg rule, §5). */
export function groupWithLegCap(s: QualifyState, k: number, p: number, cap: number): number {
  const dv = s.diverted[k]!;
  const gv = s.group[k]!;
  let sum = s.personal[k]![p]!;
  for (let j = s.childStart[p]!; j < s.childStart[p + 1]!; j++) {
    const ch = s.childList[j]!;
    const leg = s.supporterOf[ch] === p ? gv[ch]! : gv[ch]! - dv[ch]!;
    sum += leg < cap ? leg : cap;
  }
  for (let j = s.memberStart[p]!; j < s.memberStart[p + 1]!; j++) {
    const m = s.memberList[j]!;
    // A member that is also a structural child was counted with its whole group above.
    if (s.childList.length > 0 && isChildOf(s, m, p)) continue;
    const leg = dv[m]!;
    sum += leg < cap ? leg : cap;
  }
  return sum;
}

function isChildOf(s: QualifyState, m: number, p: number): boolean {
  for (let j = s.childStart[p]!; j < s.childStart[p + 1]!; j++) if (s.childList[j] === m) return true;
  return false;
}

export function legsAtLeast(s: QualifyState, p: number, r: number): number {
  let count = 0;
  for (let j = s.childStart[p]!; j < s.childStart[p + 1]!; j++) if (s.subtreeRank[s.childList[j]!]! >= r) count++;
  return count;
}

export function frontlineAtLeast(s: QualifyState, p: number, r: number): number {
  let count = 0;
  for (let j = s.childStart[p]!; j < s.childStart[p + 1]!; j++) if (s.rank[s.childList[j]!]! >= r) count++;
  return count;
}
