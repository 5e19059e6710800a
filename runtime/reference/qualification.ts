/**
 * Volumes, ranks and activity of one period (semantics §4 and §5), in one bottom-up pass.
 *
 * Instead of walking every portion's credit path to the top (quadratic on a deep genealogy),
 * volume is aggregated along the credit graph: what a partner passes on is what reached it, less
 * what leaves towards a supporter. For every portion the result equals the per-path definition:
 * - PV: the portion's p0 gets x;
 * - GV: every partner on the path gets x;
 * - OV: partners up to and including the first manager (rank >= breakaway) get x — a manager
 *   keeps what reaches it, so nothing open flows on from a manager.
 * A partner's rank needs its own OV, legs and frontline; all of them depend only on partners
 * earlier in the credit graph order, so each partner's rank is settled when it is reached.
 */
import { lastDayOf } from "../../core/dates.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import type { FigureSource } from "./conditions.ts";
import type { CreditGraph } from "./creditGraph.ts";
import type { PreparedPlan } from "./plan.ts";
import type { Portion } from "./portions.ts";
import { hasJoinedBy, isTerminatedIn, type Structure } from "./structure.ts";

export interface Qualification {
  /** [measure][partner] */
  personal: Decimal[][];
  group: Decimal[][];
  open: Decimal[][];
  /** Paid-as rank index per partner; -1 = no rank. */
  rank: Int32Array;
  /** Rank at or above the breakaway rank (managers by rank alone). */
  manager: Uint8Array;
  /** Active: joined, not terminated and the plan's activity condition holds. */
  eligible: Uint8Array;
  /** Joined by the end of the period (the partners the result lists). */
  joined: Uint8Array;
}

export function qualify(plan: PreparedPlan, structure: Structure, graph: CreditGraph, portions: Portion[], period: string): Qualification {
  const n = structure.partners.length;
  const measures = plan.ir.measures.length;
  const zeros = () => Array.from({ length: measures }, () => new Array<Decimal>(n).fill(ZERO));
  const personal = zeros();
  const diverted = zeros();
  for (const portion of portions) {
    const p0 = portion.path.at(0);
    for (let k = 0; k < measures; k++) {
      const x = portion.x[k]!;
      if (x.isZero()) continue;
      personal[k]![p0] = personal[k]![p0]!.plus(x);
      if (portion.divertedFrom >= 0) diverted[k]![portion.divertedFrom] = diverted[k]![portion.divertedFrom]!.plus(x);
    }
  }
  const group = zeros();
  const open = zeros();
  const rank = new Int32Array(n).fill(-1);
  const manager = new Uint8Array(n);
  const eligible = new Uint8Array(n);
  const joined = new Uint8Array(n);
  /** Highest rank anywhere in the partner's structural subtree (for legs(R)). */
  const subtreeRank = new Int32Array(n).fill(-1);
  const lastDay = lastDayOf(period);
  const breakaway = plan.ir.breakaway;
  let current = 0;

  /** Volume leaving partner c towards its sponsor: all it holds except its own supporter portions. */
  const toSponsor = (k: number, c: number) => group[k]![c]!.minus(diverted[k]![c]!);
  const openToSponsor = (k: number, c: number) => (manager[c] ? ZERO : open[k]![c]!.minus(diverted[k]![c]!));
  const legVolumes = (k: number, p: number): Decimal[] => {
    const members = graph.supportedMembers[p]!;
    const legs = structure.children[p]!.map((c) => {
      const alsoMember = members.includes(c);
      return alsoMember ? group[k]![c]! : toSponsor(k, c);
    });
    for (const m of members) if (structure.sponsor[m] !== p) legs.push(diverted[k]![m]!);
    return legs;
  };
  const figures: FigureSource = {
    personal: (k) => personal[k]![current]!,
    group: (k) => group[k]![current]!,
    open: (k) => open[k]![current]!,
    groupWithLegCap: (k, cap) => legVolumes(k, current).reduce((sum, leg) => sum.plus(Decimal.min(leg, cap)), personal[k]![current]!),
    legs: (r) => structure.children[current]!.filter((c) => subtreeRank[c]! >= r).length,
    frontline: (r) => structure.children[current]!.filter((c) => rank[c]! >= r).length,
  };

  for (const p of graph.order) {
    current = p;
    for (let k = 0; k < measures; k++) {
      let gv = personal[k]![p]!;
      let ov = personal[k]![p]!;
      for (const c of structure.children[p]!) {
        gv = gv.plus(toSponsor(k, c));
        ov = ov.plus(openToSponsor(k, c));
      }
      for (const m of graph.supportedMembers[p]!) {
        gv = gv.plus(diverted[k]![m]!);
        if (!manager[m]) ov = ov.plus(diverted[k]![m]!);
      }
      group[k]![p] = gv;
      open[k]![p] = ov;
    }
    const partner = structure.partners[p]!;
    joined[p] = hasJoinedBy(partner, lastDay) ? 1 : 0;
    // A partner who has not joined yet is not in the structure of this period: no rank, no pay.
    if (joined[p]) rank[p] = paidAsRank(plan, figures);
    manager[p] = breakaway !== null && rank[p]! >= breakaway ? 1 : 0;
    let highest = rank[p]!;
    for (const c of structure.children[p]!) highest = Math.max(highest, subtreeRank[c]!);
    subtreeRank[p] = highest;
    const activityHolds = plan.activity === null || plan.activity(figures);
    eligible[p] = joined[p] && !isTerminatedIn(partner, lastDay) && activityHolds ? 1 : 0;
  }
  return { personal, group, open, rank, manager, eligible, joined };
}

/** The highest rank whose conditions all hold; -1 when none does. */
function paidAsRank(plan: PreparedPlan, figures: FigureSource): number {
  for (let r = plan.rankConditions.length - 1; r >= 0; r--) {
    const condition = plan.rankConditions[r]!;
    if (condition === null || condition(figures)) return r;
  }
  return -1;
}
