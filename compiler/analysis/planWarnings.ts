/**
 * The analysis warnings of a plan that compiled without errors: the rank table (rankTable.ts)
 * and a payout bound above the plan's `payout target`. They need the whole lowered plan, so they
 * run after lowering (compileParsed.ts), never on a plan with errors.
 */
import type { PayoutTargetItem, PlanAst } from "../../grammar/ast.ts";
import type { Diagnostic } from "../../grammar/diagnostic.ts";
import { Decimal } from "../../core/decimal.ts";
import { severityOf } from "../codes.ts";
import type { PlanIR } from "../../core/ir.ts";
import { payoutBound } from "./payoutBound.ts";
import { rankTableWarnings } from "./rankTable.ts";

export function analysisWarnings(ir: PlanIR, ast: PlanAst): Diagnostic[] {
  return [...rankTableWarnings(ir, ast), ...targetWarnings(ir, ast)];
}

/** W307 at the target's percentage, one per measure whose bound is above it. */
function targetWarnings(ir: PlanIR, ast: PlanAst): Diagnostic[] {
  const item = ast.items.find((i): i is PayoutTargetItem => i.kind === "PayoutTarget");
  if (!item || ir.payoutTarget === undefined) return [];
  const target = new Decimal(ir.payoutTarget);
  const bound = payoutBound(ir);
  return bound.measures
    .filter((m) => new Decimal(m.share).gt(target))
    .map((m) => {
      const parts = bound.bonuses.filter((b) => b.measure === m.measure && !new Decimal(b.share).isZero()).map((b) => `${b.bonus} ${b.percent}`);
      return {
        code: "W307",
        severity: severityOf("W307"),
        message: `the plan can pay up to ${m.percent} of an order's ${m.measure}, above the payout target of ${item.target.text}% (${parts.join(" + ")})`,
        span: item.target.span,
        suggestion: "lower the rates, or raise the target if the plan is meant to pay this much",
      };
    });
}
