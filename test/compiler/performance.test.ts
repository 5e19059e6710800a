/**
 * Compile speed of the normative plan after warm-up (median of 50 runs). Measured at about
 * 1.5 ms on the 2-core build machine; the bound leaves room for slow CI machines while still
 * catching an accidental blow-up (e.g. re-creating the parser or the ajv validator per call).
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";

test("compilePlan(vitalis-classic) median after warm-up is well under 20 ms", () => {
  const text = readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8");
  for (let i = 0; i < 30; i++) compilePlan(text);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    compilePlan(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = (times[24]! + times[25]!) / 2;
  expect(median).toBeLessThan(20);
});
