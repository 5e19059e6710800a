/**
 * A witness for the payout bound: a small data document (genealogy and orders) on which one
 * order, the *witness order*, should be paid exactly the bound. It is built from the plan alone
 * and then checked by running it (runtime/analysis/witnessCheck.ts); when the run falls short,
 * tightness is "not shown" and the check says by which bonus.
 *
 * Construction. The witness order W (volume V in every figure) is bought by a partner b who
 * joined that day (fast start). Above b stands a chain of partners:
 * - for an equal-rank bonus, a ladder of pairs: for every distinct positive differential rate
 *   below the top from the bonus's minimum rank up, two partners of the highest rank with that
 *   rate (the first is a differential earner, the second its equal-rank match);
 * - then partners of the top rank, enough for every level, generation and fast-start level
 *   (they meet every `requires`, are managers, and pay the top differential rate).
 * Every chain partner qualifies for its rank with one large personal order (every volume
 * minimum and the activity rule hold) and, for each `legs(R) >= k` or `frontline(R) >= k` of its
 * rank, k recruits built the same way for rank R. Conditions with upper bounds, `not` or `or`
 * are not solved (the first operand of an `or` is tried); the run then shows whether it worked.
 */
import type { ConditionIR, PlanIR } from "../../core/ir.ts";

/** The order the bound should be reached on. */
export const WITNESS_ORDER = "W1";
export const WITNESS_PERIOD = "2026-01";
const ORDER_DATE = "2026-01-10";
const QUALIFYING = "1000000";
/** Volume of the witness order in every figure: large enough that every rate pays whole cents. */
export const WITNESS_VOLUME = "10000";
const MAX_PARTNERS = 5000;

export interface WitnessDocument {
  partners: { id: string; sponsor: string | null; joined: string; status: "active" }[];
  customers: never[];
  splits: never[];
  orders: { id: string; buyer: string; date: string; paid: string; delivered: string; lines: Record<string, string | number>[] }[];
  cancellations: never[];
}

export type WitnessBuild = { ok: true; document: WitnessDocument; chain: string[] } | { ok: false; reason: string };

export function buildWitness(ir: PlanIR): WitnessBuild {
  const figures = [...new Set(ir.measures.map((m) => m.figure))];
  const doc: WitnessDocument = { partners: [], customers: [], splits: [], orders: [], cancellations: [] };
  const line = (value: string) => ({ sku: "W", qty: 1, ...Object.fromEntries(figures.map((f) => [f, value])) });
  let next = 0;
  const add = (sponsor: string | null, joined = "2025-01-01"): string => {
    const id = `N${++next}`;
    doc.partners.push({ id, sponsor, joined, status: "active" });
    return id;
  };
  const qualify = (id: string) => doc.orders.push({ id: `Q${id}`, buyer: id, date: ORDER_DATE, paid: ORDER_DATE, delivered: ORDER_DATE, lines: [line(QUALIFYING)] });

  const top = ir.ranks.length - 1;
  const chainRanks = [...ladder(ir, top), ...Array.from({ length: depthNeeded(ir) + 2 }, () => top)];
  // The chain from the top down: the topmost partner first, b (the buyer) last.
  const chain: string[] = [];
  let sponsor: string | null = null;
  for (const rank of [...chainRanks].reverse()) {
    const id = add(sponsor);
    qualify(id);
    if (!recruitFor(ir, rank, id, add, qualify, 0) || next > MAX_PARTNERS) return { ok: false, reason: `the conditions of \`${ir.ranks[rank]!.name}\` need too many partners to build` };
    chain.push(id);
    sponsor = id;
  }
  const buyer = add(sponsor, ORDER_DATE);
  doc.orders.push({ id: WITNESS_ORDER, buyer, date: ORDER_DATE, paid: ORDER_DATE, delivered: ORDER_DATE, lines: [line(WITNESS_VOLUME)] });
  return { ok: true, document: doc, chain: [...chain.reverse()] };
}

/** Ranks of the equal-rank ladder, bottom first (two of each). */
function ladder(ir: PlanIR, top: number): number[] {
  const equal = ir.bonuses.find((b) => b.kind === "equalrank");
  if (!equal || equal.kind !== "equalrank") return [];
  const differential = ir.bonuses[equal.differential];
  if (!differential || differential.kind !== "differential") return [];
  const topRate = differential.rates[top]!;
  const out: number[] = [];
  const seen = new Set<string>();
  for (let r = differential.rates.length - 1; r >= equal.minRank; r--) {
    const rate = differential.rates[r]!;
    if (rate === "0" || rate === topRate || seen.has(rate)) continue;
    seen.add(rate); // the highest rank with this rate: it meets the most requirements
    out.push(r, r);
  }
  return out.reverse();
}

/** How many partners above the buyer the per-order bonuses can reach. */
function depthNeeded(ir: PlanIR): number {
  let depth = 1;
  for (const b of ir.bonuses) {
    if (b.kind === "level" || b.kind === "faststart") depth = Math.max(depth, b.levels.length);
    if (b.kind === "generation") depth = Math.max(depth, b.generations.length + 1);
  }
  return depth;
}

/** Adds the recruits `rank`'s condition counts (legs, frontline) under `id`, recursively. */
function recruitFor(
  ir: PlanIR,
  rank: number,
  id: string,
  add: (sponsor: string) => string,
  qualify: (id: string) => void,
  depth: number,
): boolean {
  if (depth > ir.ranks.length + 1) return false;
  for (const need of countsOf(ir.ranks[rank]!.condition)) {
    for (let k = 0; k < need.count; k++) {
      const child = add(id);
      qualify(child);
      if (!recruitFor(ir, need.rank, child, add, qualify, depth + 1)) return false;
    }
  }
  return true;
}

function countsOf(c: ConditionIR | null): { rank: number; count: number }[] {
  if (c === null) return [];
  switch (c.kind) {
    case "and":
      return c.operands.flatMap(countsOf);
    case "or":
      return countsOf(c.operands[0] ?? null);
    case "not":
      return [];
    case "compare": {
      if (c.figure.kind !== "legs" && c.figure.kind !== "frontline") return [];
      const n = Number(c.value);
      const count = c.op === ">=" || c.op === "=" ? n : c.op === ">" ? n + 1 : 0;
      return count > 0 ? [{ rank: c.figure.rank, count: Math.min(count, 50) }] : [];
    }
    default: {
      const never: never = c;
      throw new Error(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}
