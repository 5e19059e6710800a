import fc from "fast-check";
import { it, expect } from "vitest";
import type { Policy } from "../../core/ir.ts";
import { compiledEngine, lastDelegations, setForceInterpreter } from "../../runtime/compiled/engine.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import { datasetArb, MONTHS, planArb } from "../../test/reference/arbitraries.ts";
const THROUGH = MONTHS[MONTHS.length - 1]!;
it("probe", () => {
  const reasons = new Map<string, number>();
  let total = 0, mism = 0, afterRunPeriods = 0, unrec = 0, transfers = 0, reversals = 0;
  fc.assert(fc.property(
    fc.constantFrom<"volume" | "commission">("volume", "commission").chain((mode) => planArb({ split: true, mode, holds: true })),
    datasetArb({ splits: true, cancellations: true }),
    fc.constantFrom<Policy>("simple", "previous-rank", "exact"), fc.boolean(), fc.boolean(),
    (ir, data, policy, interp, ignore) => {
      setForceInterpreter(interp);
      const o = { through: THROUGH, policy, ...(ignore ? { ignoreAfterRunCancellations: true } : {}) };
      const ref = referenceEngine.runThrough(ir, data, o);
      const got = compiledEngine.runThrough(ir, data, o);
      if (ref.ok && ref.result.periods.length > 1) {
        const ps = ref.result.periods;
        const input = { ir, data, history: ps.slice(0, -1), period: ps[ps.length - 1]!.period, asOf: ps[ps.length - 1]!.asOf, final: true, policy };
        const a = JSON.stringify(referenceEngine.runPeriod(input));
        const b = JSON.stringify(compiledEngine.runPeriod(input));
        if (lastDelegations().length > 0) reasons.set("runPeriod " + lastDelegations()[0]!.reason, 1);
        if (a !== b) { mism++; console.log("runPeriod mismatch"); }
      }
      total++;
      for (const d of lastDelegations()) { const r = d.reason + (ref.ok ? " ok" : " " + ref.error.code + " " + ref.error.message.slice(0,80)); reasons.set(r, (reasons.get(r) ?? 0) + 1); }
      if (ref.ok) for (const p of ref.result.periods) {
        if (p.ledger.some((e) => e.cancellation !== undefined)) afterRunPeriods++;
        if (p.unrecovered.length) unrec++;
        if (p.ledger.some((e) => e.transferOf !== undefined && e.cancellation !== undefined)) transfers++;
        if (p.ledger.some((e) => e.reverses !== undefined)) reversals++;
      }
      if (JSON.stringify(ref) !== JSON.stringify(got)) { mism++; if (mism === 1) { const a = JSON.stringify(ref, null, 1).split("\n"); const b = JSON.stringify(got, null, 1).split("\n"); for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) { console.log("first diff line", i, a.slice(Math.max(0,i-15), i+5).join("\n"), "\n----\n", b.slice(Math.max(0,i-15), i+5).join("\n")); break; } } }
    }), { numRuns: Number(process.env.N ?? 300), seed: Number(process.env.SEED ?? 1) });
  console.log({ total, mism, afterRunPeriods, unrec, transfers, reversals, reasons: [...reasons] });
  expect(mism).toBe(0);
});
