/**
 * `exact` (die ganz edle Lösung, semantics §7): every ledger entry that the original run
 * attributed to the cancelled order — every bonus, both portions, commission-mode transfers —
 * is reversed for the cancelled fraction f: same recipient, amount = round(−f × original rounded
 * amount), `reverses` = the original entry. f is the cancelled share of the order's commissioned
 * value in the bonus's measure (c / V). A pool gives back rate · c, split over the original
 * pool's holders by their original shares with the same largest-remainder rule.
 *
 * Nothing is recomputed: volumes, ranks and pools of the processing period are untouched, so the
 * reversal reclaims exactly what was paid, from exactly who received it.
 */
import type { PlanIR } from "../../../core/ir.ts";
import { Decimal, ZERO } from "../../../core/decimal.ts";
import type { LedgerEntry } from "../../../core/result.ts";
import { splitByLargestRemainder } from "../bonuses/largestRemainder.ts";
import { sharesOfRank } from "../bonuses/pool.ts";
import type { EntryDraft } from "../bonuses/sink.ts";
import { refuse, success, type Outcome } from "../../../core/runError.ts";
import type { PreparedBonus, PreparedPlan } from "../plan.ts";
import { roundMoney } from "../../../core/money.ts";
import type { AfterRunCancellation } from "./afterRun.ts";
import type { OriginalRunReader, OriginalRuns, PartnerListing } from "./history.ts";

type PoolBonus = Extract<PreparedBonus, { kind: "pool" }>;

/** f = c / V as an exact reduced fraction for the entry's note: "1", "1/2", "1000/1499". */
function fractionText(cancelled: Decimal, commissioned: Decimal): string {
  // Both are exact decimals: scale them to integers and reduce by their greatest common divisor.
  const scale = new Decimal(10).pow(Math.max(cancelled.decimalPlaces(), commissioned.decimalPlaces()));
  let n = BigInt(cancelled.times(scale).toFixed(0));
  let d = BigInt(commissioned.times(scale).toFixed(0));
  let [a, b] = [n < 0n ? -n : n, d < 0n ? -d : d];
  while (b !== 0n) [a, b] = [b, a % b];
  if (a > 1n) [n, d] = [n / a, d / a];
  return d === 1n ? n.toString() : `${n}/${d}`;
}

export function exactReversals(
  ir: PlanIR,
  plan: PreparedPlan,
  structure: PartnerListing,
  cancellations: AfterRunCancellation[],
  runs: OriginalRuns,
): Outcome<EntryDraft[]> {
  const drafts: EntryDraft[] = [];
  const problems: string[] = [];
  // The original pools are the same for every cancellation of a period: worked out once.
  const pools = new Map<string, OriginalPool | null>();
  for (const c of cancellations) {
    const run = runs.get(c.commissionedIn)!;
    let seq = 0;
    const clawback = { cancellation: c.cancellation.id, sequence: c.sequence };
    for (const original of run.entriesOf(c.order.id)) {
      const bonusIndex = plan.bonuses.findIndex((b) => b.name === original.bonus);
      const recipient = structure.indexOf.get(original.recipient);
      if (bonusIndex < 0 || recipient === undefined) {
        problems.push(`${original.id}: bonus "${original.bonus}" or recipient ${original.recipient} is not in this plan and data`);
        continue;
      }
      const measure = plan.bonuses[bonusIndex]!.measure;
      const commissioned = c.commissioned[measure]!;
      const cancelled = c.cancelled[measure]!;
      if (commissioned.isZero() || cancelled.isZero()) continue;
      // −f × amount with f = c / V: multiply before dividing, so a result that is exactly a
      // half unit stays exact for the rounding.
      const amount = roundMoney(new Decimal(original.amount).times(cancelled).div(commissioned).neg(), plan.money);
      if (amount.isZero()) continue;
      drafts.push(reversalOf(original, recipient, bonusIndex, c, amount, clawback, seq++, `cancelled fraction ${fractionText(cancelled, commissioned)}`));
    }
    for (const [bonusIndex, bonus] of plan.bonuses.entries()) {
      if (bonus.kind !== "pool") continue;
      const poolKey = `${c.commissionedIn}\u0000${bonusIndex}`;
      let original = pools.get(poolKey);
      if (original === undefined) {
        const read = originalPool(ir, structure, bonus, run);
        if (!read.ok) return read;
        original = read.value;
        pools.set(poolKey, original);
      }
      for (const d of poolGiveBack(bonus, bonusIndex, c, original, plan)) drafts.push({ ...d, clawback, reversalSeq: seq++ });
    }
  }
  if (problems.length > 0) return refuse("invalid-history", "the history does not belong to this plan and data", problems);
  return success(drafts);
}

function reversalOf(
  original: LedgerEntry,
  recipient: number,
  bonusIndex: number,
  c: AfterRunCancellation,
  amount: Decimal,
  clawback: EntryDraft["clawback"],
  reversalSeq: number,
  note: string,
): EntryDraft {
  const draft: EntryDraft = {
    recipient, bonusIndex, bonus: original.bonus, kind: original.kind, orderIndex: c.orderIndex, order: c.order.id,
    amount, clawback, reverses: original.id, reversalSeq, note,
  };
  // Where on the path and which level or generation: copied, so the reversal reads like the original.
  if (original.portion !== undefined) draft.portion = original.portion;
  if (original.step !== undefined) draft.step = original.step;
  if (original.level !== undefined) draft.level = original.level;
  if (original.generation !== undefined) draft.generation = original.generation;
  return draft;
}

/** A pool as its original run paid it: the holders (by id) and the entry each was paid. */
interface OriginalPool {
  holders: { partner: number; id: string; shares: Decimal }[];
  allShares: Decimal;
  /** Holder id -> the id of its original pool entry. */
  entries: Map<string, string>;
}

/**
 * The original pool's holders: that run's qualifiers, from its ranks and activity (including any
 * whose rounded part was 0). Null when the run paid no part of this pool: nothing to give back.
 */
function originalPool(ir: PlanIR, structure: PartnerListing, bonus: PoolBonus, run: OriginalRunReader): Outcome<OriginalPool | null> {
  const entries = new Map<string, string>();
  for (const e of run.poolEntriesOf(bonus.name)) entries.set(e.recipient, e.id);
  if (entries.size === 0) return success(null);
  const standing = run.standingFor(ir, structure);
  if (!standing.ok) return standing;
  const holders: OriginalPool["holders"] = [];
  structure.partners.forEach((partner, p) => {
    if (!standing.value.eligible[p]) return;
    const shares = sharesOfRank(bonus, standing.value.rank[p]!);
    if (shares !== null && shares.gt(0)) holders.push({ partner: p, id: partner.id, shares });
  });
  holders.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const allShares = holders.reduce((sum, h) => sum.plus(h.shares), ZERO);
  return success(holders.length === 0 ? null : { holders, allShares, entries });
}

/**
 * A pool's give-back for one cancellation: −rate · c split over the original holders by largest
 * remainder, listed by recipient id.
 */
function poolGiveBack(
  bonus: PoolBonus,
  bonusIndex: number,
  c: AfterRunCancellation,
  original: OriginalPool | null,
  plan: PreparedPlan,
): Omit<EntryDraft, "clawback" | "reversalSeq">[] {
  const total = bonus.rate.times(c.cancelled[bonus.measure]!);
  if (original === null || total.isZero()) return [];
  const parts = splitByLargestRemainder(total.neg(), original.holders, plan.money);
  const drafts: Omit<EntryDraft, "clawback" | "reversalSeq">[] = [];
  original.holders.forEach((h, i) => {
    const part = parts[i]!;
    if (part.isZero()) return;
    const draft: Omit<EntryDraft, "clawback" | "reversalSeq"> = {
      recipient: h.partner, bonusIndex, bonus: bonus.name, kind: "pool", orderIndex: c.orderIndex, order: c.order.id, amount: part,
    };
    const reversed = original.entries.get(h.id);
    if (reversed !== undefined) draft.reverses = reversed;
    draft.note = `${h.shares.toFixed()} of ${original.allShares.toFixed()} shares`;
    drafts.push(draft);
  });
  return drafts;
}
