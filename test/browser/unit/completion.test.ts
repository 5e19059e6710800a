/** Completion and hover of the plan editor, on the bundled plan and on half-typed text. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../../../grammar/parse.ts";
import { BONUS_KINDS, KEYWORDS, TOKEN_INFO } from "../../../grammar/tokenInfo.ts";
import { completionsAt, namesFromAst, type DeclaredNames } from "../../../playground/src/editor/completion.ts";
import { hoverFor } from "../../../playground/src/editor/hover.ts";

const vitalis = readFileSync(new URL("../../../plans/vitalis-classic.plan", import.meta.url), "utf8");
const names: DeclaredNames = namesFromAst(parsePlan(vitalis).ast);

/** Completion labels with the cursor at the end of `text`. */
const labels = (text: string, declared: DeclaredNames = names): string[] => completionsAt(text, text.length, declared).map((c) => c.label);

describe("names declared in the plan", () => {
  it("reads ranks and measures in declaration order", () => {
    expect(names).toEqual({ ranks: ["Consultant", "Junior", "Senior", "Manager", "Director"], measures: ["PV", "CV"] });
  });

  it("still reads them from a plan with syntax errors", () => {
    const broken = parsePlan("volume BV = net\nranks {\n  Rookie\n  Pro: PV >=\n}\nbonus level");
    expect(namesFromAst(broken.ast)).toEqual({ ranks: ["Rookie", "Pro"], measures: ["BV"] });
  });
});

describe("completion", () => {
  it("offers exactly the bonus kinds after `bonus`", () => {
    expect(labels("bonus ")).toEqual([...BONUS_KINDS]);
    expect(labels("bonus diff")).toEqual([...BONUS_KINDS]);
    expect(completionsAt("bonus ", 6, names).every((c) => c.kind === "bonusKind")).toBe(true);
  });

  it("offers rank names where a rank goes", () => {
    for (const text of ["  level 3: 5% requires ", "  level 3: 5% requires Sen", "breakaway at ", "  rate 3% from ", "  Director: legs(", "x frontline( "]) {
      expect(labels(text)).toEqual(names.ranks);
    }
  });

  it("offers measure names where a measure goes", () => {
    for (const text of ['bonus level "E" on ', "  measures ", "  measures PV, ", "  Senior: GV(", "  Senior: PV( C"]) {
      expect(labels(text)).toEqual(names.measures);
    }
  });

  it("offers the fixed values of clauses", () => {
    expect(labels("  policy ")).toEqual(["simple", "previous-rank", "exact"]);
    expect(labels("rounding ")).toEqual(["half-up", "half-even", "half-down", "up", "down"]);
    expect(labels("  mode ")).toEqual(["volume", "commission"]);
    expect(labels("period ")).toEqual(["monthly"]);
  });

  it("offers names, figures and every keyword elsewhere", () => {
    const all = labels("ranks {\n  Senior: ");
    expect(all).toEqual([...names.ranks, ...names.measures, "PV", "GV", "OV", ...KEYWORDS]);
    const sorted = completionsAt("x ", 2, names).map((c) => c.sortText);
    expect(sorted.filter((s) => s.startsWith("3"))).toHaveLength(KEYWORDS.length);
  });

  it("offers nothing inside a comment or a string", () => {
    expect(labels("active when PV >= 50  # per ")).toEqual([]);
    expect(labels('plan "Vital')).toEqual([]);
    expect(labels('plan "a \\" # b')).toEqual([]);
    expect(labels('plan "a # b" version ')).not.toEqual([]);
  });

  it("describes keywords with their hover sentence", () => {
    const level = completionsAt("x ", 2, names).find((c) => c.label === "level");
    expect(level?.detail).toBe(TOKEN_INFO.find((t) => t.pattern === "level")?.hover);
  });
});

describe("hover", () => {
  const ast = parsePlan(vitalis).ast;

  it.each(KEYWORDS.map((k) => [k]))("explains the keyword `%s` with its TOKEN_INFO sentence", (keyword) => {
    const hover = TOKEN_INFO.find((t) => t.category === "keyword" && t.pattern === keyword)?.hover;
    expect(hoverFor(keyword, ast)).toEqual([`**${keyword}** (keyword)`, hover]);
  });

  it("explains declared ranks and measures", () => {
    expect(hoverFor("Senior", ast)).toEqual(["**Senior** (rank 3 of 5, lowest first)", "reached when its conditions hold"]);
    expect(hoverFor("Consultant", ast)?.[1]).toBe("no conditions: every partner reaches it");
    expect(hoverFor("CV", ast)).toEqual(["**CV** (volume measure)", "the sum over order lines of quantity × `net`"]);
  });

  it("has nothing to say about other words", () => {
    expect(hoverFor("Ebenenbonus", ast)).toBeNull();
    expect(hoverFor("Senior", null)).toBeNull();
  });
});
