import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../../grammar/parse.ts";

// The spec examples live in the repository (docs/spec/examples); resolve from this file, never a hard path.
const examplesDir = new URL("../../docs/spec/examples/", import.meta.url);
const plansDir = new URL("../../plans/", import.meta.url);

function planFiles(dir: URL): string[] {
  return readdirSync(fileURLToPath(dir))
    .filter((f) => f.endsWith(".plan"))
    .sort();
}

describe("every example plan parses with no diagnostics", () => {
  const examples = planFiles(examplesDir);
  it("finds the spec examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
  });
  for (const file of examples) {
    it(`spec/examples/${file}`, () => {
      const result = parsePlan(readFileSync(new URL(file, examplesDir), "utf8"));
      expect(result.diagnostics).toEqual([]);
      expect(result.ast.items.length).toBeGreaterThan(5);
    });
  }
  for (const file of planFiles(plansDir)) {
    it(`plans/${file}`, () => {
      const result = parsePlan(readFileSync(new URL(file, plansDir), "utf8"));
      expect(result.diagnostics).toEqual([]);
    });
  }
});

describe("vitalis-classic.plan", () => {
  const text = readFileSync(new URL("vitalis-classic.plan", plansDir), "utf8");
  const { ast } = parsePlan(text);

  it("has every item, in source order", () => {
    expect(ast.items.map((i) => i.kind)).toEqual([
      "PlanHeader", "Currency", "Rounding", "Period", "Volume", "Volume", "Active", "Ranks", "Breakaway",
      "Bonus", "Bonus", "Bonus", "Bonus", "Bonus", "Bonus", "Split", "Cancellation", "Payout",
    ]);
  });

  it("keeps each item's span on exactly its text", () => {
    for (const item of ast.items) {
      const slice = text.slice(item.span.start, item.span.end);
      expect(slice).toBe(slice.trim());
      // the last character is code, not the end of a trailing comment
      const lastLine = text.slice(text.lastIndexOf("\n", item.span.end - 1) + 1, item.span.end);
      expect(lastLine).not.toMatch(/#/);
    }
    const bonuses = ast.items.filter((i) => i.kind === "Bonus");
    expect(bonuses.map((b) => text.slice(b.span.start, b.span.end).split("\n")[0])).toEqual([
      'bonus level "Ebenenbonus" on CV {',
      'bonus differential "Differenzbonus" on CV {',
      'bonus generation "Managerbonus" on CV {',
      'bonus equalrank "Stufengleich" on CV {',
      'bonus faststart "Fast Start" on CV {',
      'bonus pool "Weltpool" on CV {',
    ]);
    for (const bonus of bonuses) expect(text[bonus.span.end - 1]).toBe("}");
  });

  it("reads the ranks with their conditions", () => {
    const ranks = ast.items.find((i) => i.kind === "Ranks");
    if (ranks?.kind !== "Ranks") throw new Error("no ranks");
    expect(ranks.ranks.map((r) => r.name.text)).toEqual(["Consultant", "Junior", "Senior", "Manager", "Director"]);
    expect(ranks.ranks[0]!.condition).toBeUndefined();
    const manager = ranks.ranks[3]!;
    expect(text.slice(manager.span.start, manager.span.end)).toBe(
      "Manager:  PV >= 100 and GV >= 4000 with maxleg 60% and legs(Senior) >= 2",
    );
    expect(manager.condition?.kind).toBe("And");
  });
});
