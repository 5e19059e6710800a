/**
 * Runs a witness (compiler/analysis/witness.ts) and says whether the plan reaches its payout
 * bound on the witness order: per bonus, what the order was paid against bound × volume (pools:
 * whether the pool paid its whole rate of the period's total). "Reached" allows the bound's own
 * rounding allowance, so a plan rounding down still counts.
 */
import type { PayoutBound } from "../../compiler/analysis/payoutBound.ts";
import { buildWitness, WITNESS_ORDER, WITNESS_PERIOD, WITNESS_VOLUME, type WitnessDocument } from "../../compiler/analysis/witness.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import type { Engine } from "../../core/engine.ts";
import type { PlanIR } from "../../core/ir.ts";
import { validateData } from "../data/validate.ts";

export interface WitnessBonus {
  bonus: string;
  /** What the witness paid: on the order (per-order bonuses) or of the pool. */
  paid: string;
  /** The bound for it on the witness: share × the order's volume (pools: rate × the period's total). */
  bound: string;
  reached: boolean;
}

export type WitnessOutcome =
  | { built: true; document: WitnessDocument; order: string; period: string; tight: boolean; bonuses: WitnessBonus[]; sentence: string }
  | { built: false; sentence: string };

export function checkWitness(engine: Engine, ir: PlanIR, bound: PayoutBound): WitnessOutcome {
  const built = buildWitness(ir);
  if (!built.ok) return { built: false, sentence: `tightness not shown: no witness could be built (${built.reason})` };
  const validation = validateData(built.document);
  if (!validation.ok) return { built: false, sentence: `tightness not shown: the witness data is not valid (${validation.problems[0]?.message ?? "?"})` };
  const run = engine.runThrough(ir, validation.data, { through: WITNESS_PERIOD });
  if (!run.ok) return { built: false, sentence: `tightness not shown: the witness run was refused (${run.error.message})` };
  const period = run.result.periods.find((p) => p.period === WITNESS_PERIOD);
  const volume = new Decimal(WITNESS_VOLUME);
  const slack = new Decimal(bound.rounding.perEntry);
  const bonuses: WitnessBonus[] = ir.bonuses.map((b, i) => {
    const share = new Decimal(bound.bonuses[i]!.share);
    const entries = (period?.ledger ?? []).filter((e) => e.bonus === b.name && (b.kind === "pool" || e.order === WITNESS_ORDER));
    const paid = entries.reduce((s, e) => s.plus(e.amount), ZERO);
    if (b.kind === "pool" && entries.length === 0) {
      // No qualifier held a share: the pool paid nothing of rate × the period's total.
      return { bonus: b.name, paid: "0", bound: `${bound.bonuses[i]!.percent} of the period's total`, reached: share.isZero() };
    }
    const base = b.kind === "pool" ? new Decimal(entries[0]!.base ?? "0") : volume;
    const limit = share.times(base);
    const allowance = slack.times(b.kind === "pool" ? 1 : bound.bonuses[i]!.entriesPerPortion);
    return { bonus: b.name, paid: paid.toFixed(), bound: limit.toFixed(), reached: limit.isZero() || (paid.gt(0) && paid.gte(limit.minus(allowance))) };
  });
  const tight = bonuses.every((b) => b.reached);
  const short = bonuses.filter((b) => !b.reached).map((b) => `${b.bonus} paid ${b.paid} of ${b.bound}`);
  const sentence = tight
    ? `the bound is reached: on order ${WITNESS_ORDER} (${WITNESS_VOLUME} in every measure, ${built.document.partners.length} partners) every bonus pays its bound`
    : `tightness not shown: on the witness order ${WITNESS_ORDER} ${short.join(", ")}`;
  return { built: true, document: built.document, order: WITNESS_ORDER, period: WITNESS_PERIOD, tight, bonuses, sentence };
}
