import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Span } from "../../grammar/source.ts";
import { LineIndex } from "../../grammar/source.ts";
import { parsePlan, type ParseResult } from "../../grammar/parse.ts";

const vitalis = readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8");

/** Every span in the result (diagnostics and every AST node) lies inside the text and is consistent. */
function expectSaneSpans(text: string, result: ParseResult): void {
  const lines = new LineIndex(text);
  const check = (span: Span) => {
    const where = lines.position(span.start);
    const sane =
      span.start >= 0 && span.start <= span.end && span.end <= text.length && span.line === where.line && span.column === where.column;
    // one expect per bad span only: calling expect for every span makes the properties slow
    if (!sane) expect({ span, where, length: text.length }).toBe("a span inside the text");
  };
  for (const d of result.diagnostics) check(d.span);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (key === "span") check(child as Span);
        else walk(child);
      }
    }
  };
  walk(result.ast);
  expect(result.diagnostics.some((d) => d.code === "E099")).toBe(false);
}

function parseChecked(text: string): ParseResult {
  const result = parsePlan(text);
  expectSaneSpans(text, result);
  return result;
}

describe("parsePlan never throws and keeps spans inside the text", () => {
  it("empty text and whitespace only", () => {
    expect(parseChecked("")).toEqual({ ast: { kind: "Plan", items: [], span: { start: 0, end: 0, line: 1, column: 1 } }, diagnostics: [] });
    expect(parseChecked(" \n\t\r\n# only a comment\n").diagnostics).toEqual([]);
  });

  it("a megabyte of `{` is one diagnostic", () => {
    const result = parseChecked("{".repeat(1_000_000));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["E011"]);
  });

  it("ten thousand nested parentheses stop at the nesting limit", () => {
    const deep = parseChecked(`active when ${"(".repeat(10_000)}PV >= 1${")".repeat(10_000)}`);
    expect(deep.diagnostics.map((d) => d.code)).toEqual(["E013"]);
    const open = parseChecked(`active when ${"(".repeat(10_000)}`);
    expect(open.diagnostics.map((d) => d.code)).toEqual(["E013"]);
    const nots = parseChecked(`active when ${"not ".repeat(10_000)}PV >= 1`);
    expect(nots.diagnostics.map((d) => d.code)).toEqual(["E013"]);
  });

  it("a condition at the nesting limit still parses", () => {
    const result = parseChecked(`active when ${"(".repeat(50)}PV >= 1${")".repeat(50)} and ${"not ".repeat(50)}GV >= 2`);
    expect(result.diagnostics).toEqual([]);
  });

  it("NUL, control characters, unicode and lone surrogates", () => {
    for (const text of ["\u0000", "\u0000".repeat(1000), "plan \"🙂 計画\"", "ranks { A\ud800 }", "\u202e\u200b", "\ufeffcurrency EUR"]) {
      parseChecked(text);
    }
    expect(parseChecked("\ufeffcurrency\u00a0EUR").diagnostics).toEqual([]);
    expect(parseChecked("\u0000").diagnostics[0]!.message).toBe("this character is not part of the plan language: `U+0000`");
  });

  it("windows line endings parse like unix ones", () => {
    const crlf = parseChecked(vitalis.replace(/\n/g, "\r\n"));
    expect(crlf.diagnostics).toEqual([]);
    expect(crlf.ast.items).toHaveLength(18);
  });

  it("is deterministic: the same text gives byte-identical results", () => {
    const broken = vitalis.replace("level 3: 5%", "level 3 5%").replace("policy exact", "policy 5");
    expect(JSON.stringify(parsePlan(broken))).toBe(JSON.stringify(parsePlan(broken)));
  });

  it("random strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        parseChecked(text);
      }),
      { numRuns: 300, seed: 20261 },
    );
  });

  it("random mutations of vitalis-classic: delete, duplicate and swap tokens, insert random bytes", () => {
    // crude tokens are enough to mutate with: words, numbers, strings, single symbols
    const pieces = vitalis.match(/"[^"\n]*"|[A-Za-z_][\w-]*|\d+(?:\.\d+)?%?|#[^\n]*|\s+|./g) ?? [];
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("delete"), at: fc.nat() }),
      fc.record({ kind: fc.constant("duplicate"), at: fc.nat() }),
      fc.record({ kind: fc.constant("swap"), at: fc.nat(), other: fc.nat() }),
      fc.record({ kind: fc.constant("insert"), at: fc.nat(), bytes: fc.string({ unit: "binary", minLength: 1, maxLength: 8 }) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const tokens = [...pieces];
        for (const m of mutations) {
          const i = m.at % tokens.length;
          if (m.kind === "delete") tokens.splice(i, 1);
          else if (m.kind === "duplicate") tokens.splice(i, 0, tokens[i]!);
          else if (m.kind === "swap") {
            const j = m.other % tokens.length;
            [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
          } else tokens.splice(i, 0, m.bytes);
        }
        parseChecked(tokens.join(""));
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});
