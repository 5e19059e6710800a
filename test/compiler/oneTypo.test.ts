/**
 * One typo, one error: a single-character mistake in plans/vitalis-classic.plan gives exactly
 * one error from compilePlan — the parser's recovery keeps syntax errors from cascading, and the
 * checker drops its diagnostics that could be echoes of a syntax error (compiler/check/cascade.ts)
 * or of another checker error (unknown names reported once, clauses of unknown kinds unchecked).
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";

const plan = readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8");

function errorsOf(text: string) {
  return compilePlan(text).diagnostics.filter((d) => d.severity === "error");
}

/** Deterministic pseudo-random letters, so a failure reproduces. */
function letterStream(seed: number): () => string {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return letters[state % letters.length]!;
  };
}

function lineStart(text: string, line: number): number {
  return text.split("\n").slice(0, line - 1).join("\n").length + 1;
}

describe("one typo gives one error", () => {
  test("single-character edits in lines 20–60 (delete, duplicate, replace by a letter)", () => {
    const from = lineStart(plan, 20);
    const to = lineStart(plan, 61);
    const nextLetter = letterStream(2026);
    let edits = 0;
    let atMostOne = 0;
    const cascades: string[] = [];
    for (let i = from; i < to; i++) {
      if (/\s/.test(plan[i]!)) continue;
      const variants: [string, string][] = [
        ["delete", plan.slice(0, i) + plan.slice(i + 1)],
        ["duplicate", plan.slice(0, i) + plan[i] + plan.slice(i)],
        ["replace", plan.slice(0, i) + nextLetter() + plan.slice(i + 1)],
      ];
      for (const [kind, text] of variants) {
        edits++;
        const errors = errorsOf(text);
        if (errors.length <= 1) atMostOne++;
        else cascades.push(`${kind} at offset ${i}: ${errors.map((e) => `${e.code} ${e.message}`).join(" | ")}`);
      }
    }
    expect(edits).toBeGreaterThan(1000);
    // Measured: every one of these edits gives at most one error. Keep a little headroom for
    // parser changes, but list the cascades so a regression is easy to see.
    expect(atMostOne / edits, cascades.slice(0, 10).join("\n")).toBeGreaterThanOrEqual(0.99);
  });

  const realistic: [string, string, string, string][] = [
    ["requires Senior", "requires Senoir", "E100", "24"],
    ["level 3:", "levle 3:", "E011", "24"],
    ["level 1: 5%", "level 1: 5%%", "E001", "22"],
    ["active when PV >= 50", "active when PV >= 5O", "E005", "10"],
    ["breakaway at Manager", "breakaway at Manger", "E100", "19"],
    ["policy exact", "polcy exact", "E011", "63"],
    ["bonus differential", "bonus differentail", "E102", "30"],
    ["rate 3% from Manager", "rate 3% from Manger", "E100", "41"],
    ['"Fast Start" on CV', '"Fast Start" on CX', "E101", "44"],
    ["Senior: 15%", "Senior: 1%", "E200", "31"],
    ["mode volume", "mode volumes", "E107", "56"],
    ["level 4: 5%", "level 3: 5%", "E124", "25"],
    ["within 60 days", "within 0 days", "E163", "45"],
    ["generation 2: 5% requires Director", "generation 2: 5% requires Directr", "E100", "36"],
    ["Manager: 1", "Manager: 0", "E169", "52"],
    ["default share 50%", "default share 500%", "E161", "58"],
    ["legs(Senior)", "legz(Senior)", "E103", "16"],
    ["GV >= 1000", "GX >= 1000", "E103", "15"],
    ["Senior:   PV", "Seniro:   PV", "E100", "16"],
    ["  compression", "  compresion", "E011", "27"],
    ["5% requires Manager\n  compression\n}", "5% requires Manager\n  compression\n", "E012", "30"],
    ["rate 2%", "rate 2", "E010", "51"],
    ["on CV {\n  generation 1", "on CV {\n  generation 1:", "E010", "35"],
  ];
  for (const [from, to, code, line] of realistic) {
    test(`${JSON.stringify(from)} -> ${JSON.stringify(to)} gives one ${code}`, () => {
      expect(plan.includes(from)).toBe(true);
      const errors = errorsOf(plan.replace(from, to));
      expect(errors.map((e) => `${e.code}@${e.span.line}`)).toEqual([`${code}@${line}`]);
    });
  }
});
