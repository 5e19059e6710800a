/**
 * Issue 11, item 8: a 20,000-deep sponsor chain in which everyone orders took over 4 minutes and
 * 1.7 GB: every portion's differential walk stepped (and stored) the whole chain above it. The
 * walks now jump between the partners they stop at (runtime/reference/pathJumps.ts); results
 * are unchanged (compared with the step-by-step walks, see below). How long it takes is a figure
 * of `npm run bench:timings` (about 5 s, minutes before), never asserted here: a test asserts
 * the amounts, which the step-by-step walks gave too.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { Decimal } from "../../core/decimal.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { runThrough } from "../../runtime/reference/runThrough.ts";
import { chainDocument } from "./chainData.ts";

describe("a 20,000-deep sponsor chain where everyone orders", () => {
  const zero = { earned: "0.00", carriedIn: "0.00", payout: "0.00", carriedOut: "0.00" };
  const paid = (amount: string) => ({ earned: amount, carriedIn: "0.00", payout: amount, carriedOut: "0.00" });
  // pinned from this run; the jumping walks give byte-identical results to the step-by-step walks they
  // replaced on the bundled plans x samples x policies x split modes and on a 1,500-deep chain of this shape
  const expected: Record<string, object> = {
    "vitalis-classic": { entries: 79995, total: "1371400.00", byBonus: { Differenzbonus: "685830.00", Ebenenbonus: "685570.00" }, top: paid("270.00"), bottom: zero },
    "stairstep-breakaway": { entries: 20017, total: "548664.00", byBonus: { Stairstep: "548664.00" }, top: paid("144.00"), bottom: zero },
  };
  it.each(Object.keys(expected))("%s gives the same amounts as the step-by-step walks", (plan) => {
    const { ir } = compilePlan(readFileSync(new URL(`../../plans/${plan}.plan`, import.meta.url), "utf8"));
    const v = validateData(chainDocument(20_000));
    if (!ir || !v.ok) throw new Error("plan and chain must be valid");
    const out = runThrough(ir, v.data, { through: "2026-10" });
    if (!out.ok) throw new Error(out.error.message);
    const period = out.result.periods[0]!;
    const total = period.ledger.reduce((sum, e) => sum.plus(e.amount), new Decimal(0));
    const byBonus = new Map<string, Decimal>();
    for (const e of period.ledger) byBonus.set(e.bonus, (byBonus.get(e.bonus) ?? new Decimal(0)).plus(e.amount));
    expect({ entries: period.ledger.length, total: total.toFixed(2), byBonus: Object.fromEntries([...byBonus].map(([b, d]) => [b, d.toFixed(2)])), top: period.statements["P0"], bottom: period.statements["P19999"] }).toEqual(expected[plan]);
  });
});
