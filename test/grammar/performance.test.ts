import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../../grammar/parse.ts";

const vitalis = readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8");

describe("speed", () => {
  it("parses vitalis-classic.plan well under 10 ms once warm", () => {
    for (let i = 0; i < 30; i++) parsePlan(vitalis);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = performance.now();
      parsePlan(vitalis);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[50]!;
    const p95 = times[95]!;
    console.log(`parsePlan(vitalis-classic.plan): median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
    // the median is the stable figure; p95 is reported only, since other test files run on the
    // same cores at the same time and a GC pause can land in any single parse
    expect(median).toBeLessThan(5);
  });
});
