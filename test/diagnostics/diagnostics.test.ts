/**
 * The broken-plan suite, in the style of Crafting Interpreters: every cases/NN-name.plan starts
 * with the diagnostics it must produce, as comment lines
 *
 *   # expect: E100 11:24-11:30 unknown rank `Senoir`
 *   # suggest: did you mean `Senior`?
 *
 * (code, start line:column - end line:column, exact message; `# suggest:` belongs to the
 * expectation above it). compilePlan must give exactly these diagnostics, in this order, and
 * nothing else; the IR must be null exactly when one of them is an error.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compilePlan } from "../../compiler/compile.ts";
import { CODES } from "../../compiler/codes.ts";
import { LineIndex } from "../../grammar/source.ts";

const casesDir = new URL("./cases/", import.meta.url);
const caseFiles = readdirSync(casesDir)
  .filter((f) => f.endsWith(".plan"))
  .sort();

interface Expectation {
  code: string;
  span: string;
  message: string;
  suggestion?: string;
}

function expectationsOf(text: string): Expectation[] {
  const expected: Expectation[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) break;
    const e = /^# expect: (\S+) (\d+:\d+-\d+:\d+) (.*)$/.exec(line);
    if (e) {
      expected.push({ code: e[1]!, span: e[2]!, message: e[3]! });
      continue;
    }
    const s = /^# suggest: (.*)$/.exec(line);
    if (s && expected.length > 0) expected[expected.length - 1]!.suggestion = s[1]!;
  }
  return expected;
}

function actualOf(text: string): { found: Expectation[]; hasIr: boolean } {
  const index = new LineIndex(text);
  const { ir, diagnostics } = compilePlan(text);
  const found = diagnostics.map((d) => {
    const end = index.position(d.span.end);
    const e: Expectation = { code: d.code, span: `${d.span.line}:${d.span.column}-${end.line}:${end.column}`, message: d.message };
    if (d.suggestion !== undefined) e.suggestion = d.suggestion;
    return e;
  });
  return { found, hasIr: ir !== null };
}

describe("broken plans give exactly the expected diagnostics", () => {
  test("there are at least 30 cases", () => {
    expect(caseFiles.length).toBeGreaterThanOrEqual(30);
  });

  for (const file of caseFiles) {
    test(file, () => {
      const text = readFileSync(new URL(file, casesDir), "utf8");
      const expected = expectationsOf(text);
      expect(expected.length, "a case states at least one expectation").toBeGreaterThan(0);
      const { found, hasIr } = actualOf(text);
      expect(found).toEqual(expected);
      expect(hasIr).toBe(!expected.some((e) => e.code.startsWith("E")));
    });
  }

  test("every checker code except the internal error is exercised by a case", () => {
    const covered = new Set<string>();
    for (const file of caseFiles) {
      for (const e of expectationsOf(readFileSync(new URL(file, casesDir), "utf8"))) covered.add(e.code);
    }
    const missing = Object.keys(CODES).filter((code) => code !== "E299" && !covered.has(code));
    expect(missing).toEqual([]);
  });

  test("syntax errors from the parser are part of the suite", () => {
    const syntaxCodes = new Set<string>();
    for (const file of caseFiles) {
      for (const e of expectationsOf(readFileSync(new URL(file, casesDir), "utf8"))) {
        if (/^E0\d\d$/.test(e.code)) syntaxCodes.add(e.code);
      }
    }
    expect(syntaxCodes.size).toBeGreaterThanOrEqual(4);
  });
});
