/**
 * `comp check --witness`: the written data document, run on its own, pays the witness order
 * exactly the bound (every bundled plan and spec example); a plan whose top rank cannot be built
 * says that tightness was not shown.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import { payoutBound } from "../../compiler/analysis/payoutBound.ts";
import { WITNESS_ORDER } from "../../compiler/analysis/witness.ts";
import { compilePlan } from "../../compiler/compile.ts";
import { Decimal, ZERO } from "../../core/decimal.ts";
import { checkWitness } from "../../runtime/analysis/witnessCheck.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";

const root = new URL("../../", import.meta.url).pathname;
const examples = new URL("../../docs/spec/examples/", import.meta.url).pathname;
const planFiles = [
  ...readdirSync(`${root}plans`).filter((f) => f.endsWith(".plan")).map((f) => `${root}plans/${f}`),
  ...readdirSync(examples).filter((f) => f.endsWith(".plan")).map((f) => `${examples}${f}`),
];

describe("the witness reaches the bound", () => {
  it.each(planFiles)("%s", (file) => {
    const dir = mkdtempSync(join(tmpdir(), "witness-"));
    try {
      const out = runCli(["check", file, "--witness", join(dir, "w.json"), "--json"]);
      expect(out.exitCode).toBe(0);
      const doc = JSON.parse(out.stdout);
      expect(doc.witness).toMatchObject({ tight: true, order: WITNESS_ORDER });
      // Independently of the check: run the written file and sum what the witness order is paid.
      const ir = compilePlan(readFileSync(file, "utf8")).ir!;
      const v = validateData(JSON.parse(readFileSync(join(dir, "w.json"), "utf8")));
      if (!v.ok) throw new Error("witness data invalid");
      const run = referenceEngine.runThrough(ir, v.data, { through: "2026-01" });
      if (!run.ok) throw new Error(run.error.message);
      const paid = run.result.periods.flatMap((p) => p.ledger).filter((e) => e.order === WITNESS_ORDER).reduce((s, e) => s.plus(e.amount), ZERO);
      const bound = payoutBound(ir);
      const perOrder = ir.bonuses.map((b, i) => (b.kind === "pool" ? ZERO : new Decimal(bound.bonuses[i]!.share))).reduce((a, b) => a.plus(b), ZERO);
      expect(paid.toFixed(2)).toBe(perOrder.times(10000).toFixed(2));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says when tightness was not shown", () => {
    const text = readFileSync(`${root}plans/unilevel-essentials.plan`, "utf8").replace("Platinum: PV >= 100 and GV >= 25000", "Platinum: PV >= 100 and PV < 500 and GV >= 25000");
    const ir = compilePlan(text).ir!;
    const outcome = checkWitness(referenceEngine, ir, payoutBound(ir));
    expect(outcome.built).toBe(true);
    if (!outcome.built) return;
    expect(outcome.tight).toBe(false);
    expect(outcome.sentence).toBe("tightness not shown: on the witness order W1 Platinum Pool paid 0 of 1% of the period's total");
    const out = runCli(["check", `${root}plans/vitalis-classic.plan`]);
    expect(out.stdout).not.toContain("witness");
  });
});
