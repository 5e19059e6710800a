/**
 * What the editor offers at the cursor: keywords, the rank and measure names the plan declares,
 * the bonus kinds after `bonus`, and the fixed values of a few clauses (`policy exact`, `mode
 * volume`...). The context is read from the text just before the cursor — a plan being typed is
 * usually broken, so the parser's view of the cursor cannot be relied on — and the names come
 * from the last AST that declared any (see namesFromAst).
 *
 * Pure: no Monaco import, unit-tested in Node.
 */
import { BONUS_KINDS, KEYWORDS, type PlanAst, type Policy, type RoundingMode, TOKEN_INFO } from "../../../runtime/surface.ts";

export type CompletionKind = "keyword" | "bonusKind" | "rank" | "measure" | "figure" | "value";

export interface PlanCompletion {
  label: string;
  kind: CompletionKind;
  detail: string;
  /** How the list is sorted: context-specific entries first, then names, figures, keywords. */
  sortText: string;
}

export interface DeclaredNames {
  ranks: string[];
  measures: string[];
}

/** Rank and measure names declared in a (possibly broken) AST, in declaration order. */
export function namesFromAst(ast: PlanAst): DeclaredNames {
  const ranks: string[] = [];
  const measures: string[] = [];
  for (const item of ast.items) {
    if (item.kind === "Ranks") for (const rank of item.ranks) ranks.push(rank.name.text);
    if (item.kind === "Volume") measures.push(item.name.text);
  }
  return { ranks: unique(ranks), measures: unique(measures) };
}

function unique(names: string[]): string[] {
  return names.filter((name, i) => name.length > 0 && names.indexOf(name) === i);
}

// Exhaustive by construction: a new policy or rounding mode in the IR fails the typecheck here.
const POLICIES = Object.keys({ simple: 1, "previous-rank": 1, exact: 1 } satisfies Record<Policy, 1>);
const ROUNDING_MODES = Object.keys(
  { "half-up": 1, "half-even": 1, "half-down": 1, up: 1, down: 1 } satisfies Record<RoundingMode, 1>,
);
const SPLIT_MODES = Object.keys({ volume: 1, commission: 1 } satisfies Record<"volume" | "commission", 1>);
const VOLUME_FIGURES = ["PV", "GV", "OV"] as const;
const FIGURE_DETAIL: Record<(typeof VOLUME_FIGURES)[number], string> = {
  PV: "personal volume",
  GV: "group volume (the whole downline)",
  OV: "open volume (up to the breakaway rank)",
};

/** The values a clause takes after its keyword. */
const VALUES_AFTER: Record<string, { values: readonly string[]; detail: string }> = {
  policy: { values: POLICIES, detail: "cancellation policy" },
  rounding: { values: ROUNDING_MODES, detail: "rounding mode" },
  mode: { values: SPLIT_MODES, detail: "split mode" },
  period: { values: ["monthly"], detail: "period length" },
};

/** Keywords after which a rank name comes: `requires Senior`, `from Manager`, `breakaway at Manager`. */
const RANK_AFTER = new Set(["requires", "from", "at"]);
/** Keywords after which a measure name comes: `on CV`, `measures PV, CV`. */
const MEASURE_AFTER = new Set(["on", "measures"]);

const IDENTIFIER_TAIL = /[A-Za-z0-9_-]*$/;

/** The token before the word being typed: a word, or one punctuation character. */
function previousTokens(before: string): { previous: string; beforePrevious: string } {
  const withoutWord = before.replace(IDENTIFIER_TAIL, "").replace(/#[^\n]*$/, "");
  const match = /([A-Za-z_][A-Za-z0-9_-]*|[(,:{}=<>])\s*$/.exec(withoutWord);
  if (!match) return { previous: "", beforePrevious: "" };
  const rest = withoutWord.slice(0, match.index);
  const earlier = /([A-Za-z_][A-Za-z0-9_-]*|[(,:{}=<>])\s*$/.exec(rest);
  return { previous: match[1] ?? "", beforePrevious: earlier?.[1] ?? "" };
}

/** Inside `measures PV, CV` after a comma: still a measure list. */
function inMeasureList(before: string): boolean {
  const line = before.slice(before.lastIndexOf("\n") + 1);
  return /\bmeasures\b[^#]*,\s*[A-Za-z0-9_]*$/.test(line);
}

/** Whether the end of `line` is inside a comment or a (possibly unterminated) string. */
function inCommentOrString(line: string): boolean {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "#") return true;
  }
  return inString;
}

function keywordDetail(word: string): string {
  return TOKEN_INFO.find((t) => t.category === "keyword" && t.pattern === word)?.hover ?? "keyword";
}

/** Completions at `offset` in `text`; `names` are the declared ranks and measures. */
export function completionsAt(text: string, offset: number, names: DeclaredNames): PlanCompletion[] {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.slice(before.lastIndexOf("\n") + 1);
  if (inCommentOrString(line)) return [];
  const { previous, beforePrevious } = previousTokens(before);
  const ranks = names.ranks.map((label, i) => item(label, "rank", `rank ${i + 1} of ${names.ranks.length}`, "1", i));
  const measures = names.measures.map((label, i) => item(label, "measure", "volume measure", "1", names.ranks.length + i));

  if (previous === "bonus") return BONUS_KINDS.map((kind, i) => item(kind, "bonusKind", keywordDetail(kind), "0", i));
  const values = VALUES_AFTER[previous];
  if (values) return values.values.map((value, i) => item(value, "value", values.detail, "0", i));
  if (RANK_AFTER.has(previous)) return ranks;
  if (MEASURE_AFTER.has(previous) || inMeasureList(before)) return measures;
  if (previous === "(") {
    if (beforePrevious === "legs" || beforePrevious === "frontline") return ranks;
    if ((VOLUME_FIGURES as readonly string[]).includes(beforePrevious)) return measures;
  }
  const figures = VOLUME_FIGURES.map((figure, i) => item(figure, "figure", FIGURE_DETAIL[figure], "2", i));
  const keywords = KEYWORDS.map((word, i) => item(word, "keyword", keywordDetail(word), "3", i));
  return [...ranks, ...measures, ...figures, ...keywords];
}

/** Sorted by group, then in the order given (plan order for names, language order for keywords). */
function item(label: string, kind: CompletionKind, detail: string, group: string, index: number): PlanCompletion {
  return { label, kind, detail, sortText: `${group}${String(index).padStart(4, "0")}` };
}
