/** Issue 11, item 4: numbers longer than the arithmetic keeps exact are refused with the limit named (they lost digits silently). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../../grammar/parse.ts";
import { validateData } from "../../runtime/data/validate.ts";

const tiny = readFileSync(new URL("../../samples/tiny.data.json", import.meta.url), "utf8");

describe("at most 30 digits per number", () => {
  it("a plan number of 61 digits is E007 on exactly that number", () => {
    const long = "1" + "0".repeat(60);
    const text = `active when PV >= ${long}`;
    const { diagnostics } = parsePlan(text);
    expect(diagnostics.map((d) => [d.code, d.message, text.slice(d.span.start, d.span.end)])).toEqual([
      ["E007", "this number has 61 digits; comp computes exactly with numbers of at most 30 digits", long],
    ]);
  });

  it("30 digits are fine in a plan, and a long percentage is refused too", () => {
    expect(parsePlan(`active when PV >= ${"9".repeat(15)}.${"9".repeat(15)}`).diagnostics).toEqual([]);
    const { diagnostics } = parsePlan(`bonus level "L" on CV {\n  level 1: 0.${"0".repeat(30)}1%\n}`);
    expect(diagnostics.map((d) => d.code)).toEqual(["E007"]);
  });

  it("a data figure of 62 digits is a data problem naming the limit; 30 digits pass", () => {
    const doc = JSON.parse(tiny);
    doc.orders[0].lines[0].net = "1" + "0".repeat(60) + ".5";
    doc.orders[1].lines[0].net = "1".repeat(28) + ".5";
    const v = validateData(doc);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]!.path).toBe("orders[0].lines[0].net");
    expect(v.problems[0]!.message).toMatch(/^`net` must be a non-negative decimal string like "49.90" of at most 30 digits /);
  });

  it("a split share of 31 digits is refused", () => {
    const doc = JSON.parse(tiny);
    doc.splits = [{ member: "P12", supporter: "P3", share: `5${"0".repeat(30)}%` }];
    const v = validateData(doc);
    expect(v.ok ? [] : v.problems.map((p) => p.path)).toEqual(["splits[0].share"]);
  });
});
