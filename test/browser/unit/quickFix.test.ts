/** Quick fixes from the checker's suggestions (playground/src/editor/quickFix.ts). */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compilePlan } from "../../../compiler/compile.ts";
import { quickFixes } from "../../../playground/src/editor/quickFix.ts";

const vitalis = readFileSync(new URL("../../../plans/vitalis-classic.plan", import.meta.url), "utf8");

describe("quick fixes", () => {
  it("turn a did-you-mean into an edit of exactly the misspelt name", () => {
    const text = vitalis.replace("level 3: 5% requires Senior", "level 3: 5% requires Senoir");
    const fixes = quickFixes(compilePlan(text).diagnostics, text);
    expect(fixes).toHaveLength(1);
    const [fix] = fixes;
    expect(text.slice(fix!.start, fix!.end)).toBe("Senoir");
    expect(fix).toMatchObject({ replacement: "Senior", title: "Change to `Senior`", code: "E100" });
    const fixed = text.slice(0, fix!.start) + fix!.replacement + text.slice(fix!.end);
    expect(fixed).toBe(vitalis);
  });

  it("offer nothing for a diagnostic without a suggestion", () => {
    const text = vitalis.replace("currency EUR", "currency");
    expect(quickFixes(compilePlan(text).diagnostics, text)).toEqual([]);
  });
});
