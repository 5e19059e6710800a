/**
 * The words of the syntax error messages: how to name what was expected in each place of the
 * grammar ("a rank name", "a number of days like `14`") and what each block is called. Keyed by
 * the chevrotain rule the parser was in and the token before the error.
 */
import type { IToken } from "chevrotain";
import { BONUS_KINDS, TOKEN_INFO } from "./tokenInfo.ts";

const LABELS = new Map(TOKEN_INFO.map((t) => [t.name, t.label]));

/** Blocks: their name in messages, what may go inside, and the keywords a typo may be near. */
export const BLOCKS: Record<string, { name: string; hint: string; words: readonly string[] }> = {
  ranksItem: { name: "ranks list", hint: "a rank like `Junior: PV >= 50`", words: ["and", "or", "not", "with", "maxleg", "legs", "frontline"] },
  bonusItem: { name: "bonus body", hint: "a rule like `level 1: 5%`", words: ["level", "generation", "compression", "rate", "within", "shares", "requires", "from", "days"] },
  splitItem: { name: "split block", hint: "`mode`, `measures` or `default share`", words: ["mode", "measures", "default", "share"] },
  cancellationItem: { name: "cancellation block", hint: "`withdrawal`, `policy` or `late canceller:`", words: ["withdrawal", "policy", "late", "canceller", "days", "after", "delivery", "hold", "weeks", "prepayment", "only"] },
  sharesClause: { name: "shares list", hint: "a share like `Manager: 1`", words: [] },
};

/** The block a rule belongs to, for rules that are clauses inside a block. */
const BLOCK_OF_RULE: Record<string, string> = {
  rankDecl: "ranksItem", bonusClause: "bonusItem", levelClause: "bonusItem", generationClause: "bonusItem",
  rankRateClause: "bonusItem", rateClause: "bonusItem", withinClause: "bonusItem", shareEntry: "sharesClause",
  splitClause: "splitItem", splitModeClause: "splitItem", splitMeasuresClause: "splitItem",
  splitDefaultShareClause: "splitItem", cancellationClause: "cancellationItem", withdrawalClause: "cancellationItem",
  policyClause: "cancellationItem", lateCancellerClause: "cancellationItem",
};

export const CONDITION_WORDS = ["and", "or", "not", "with", "maxleg", "legs", "frontline"];

/** The block a grammar rule is part of (the block itself, or the block its clause sits in). */
export function blockOf(rule: string): (typeof BLOCKS)[string] | undefined {
  return BLOCKS[rule] ?? BLOCKS[BLOCK_OF_RULE[rule] ?? ""];
}

export function expectedPhrase(expected: string, rule: string, previous: IToken | undefined, beforePrevious: IToken | undefined): string {
  const prev = previous?.tokenType.name;
  switch (expected) {
    case "Name":
      if (prev === "Requires" || prev === "At" || prev === "From") return "a rank name";
      if (rule === "figure" && prev === "LParen") {
        const fn = beforePrevious?.tokenType.name;
        return fn === "Legs" || fn === "Frontline" ? "a rank name" : "a measure name like `CV`";
      }
      if (prev === "On") return "the measure the bonus pays on, like `CV`";
      if (rule === "volumeItem") return prev === "Equals" ? "a data figure like `points` or `net`" : "a name for the measure, like `PV`";
      if (rule === "currencyItem") return "a currency code like `EUR`";
      if (rule === "roundingItem") return "a rounding mode like `half-up` or `half-even`";
      if (rule === "periodItem") return "a period like `monthly`";
      if (rule === "policyClause") return "a policy: `simple`, `previous-rank` or `exact`";
      if (rule === "splitMeasuresClause") return "a measure name like `PV`";
      if (rule === "shareEntry" || rule === "rankDecl" || rule === "rankRateClause") return "a rank name";
      return "a name";
    case "Number":
      switch (rule) {
        case "levelClause": return "a level number like `1`";
        case "generationClause": return "a generation number like `1`";
        case "withinClause": return "a number of days like `60`";
        case "withdrawalClause": return "a number of days like `14`";
        case "holdPart": return "a number of weeks like `8`";
        case "comparison": return "a number like `50`";
        case "payoutItem": return "an amount like `10.00`";
        case "roundingItem": return "a money unit like `0.01`";
        case "shareEntry": return "a number of shares like `1`";
        default: return "a number";
      }
    case "String":
      if (rule === "planHeader") return prev === "Version" ? 'the version in double quotes, like `"2026.1"`' : 'the plan\'s name in double quotes, like `"Vitalis Classic"`';
      if (rule === "bonusItem") return 'the bonus title in double quotes, like `"Ebenenbonus"`';
      return "a text in double quotes";
    case "Percent":
      return "a percentage like `5%`";
    default:
      return LABELS.get(expected) ?? `\`${expected}\``;
  }
}

export function noViableAltPhrase(rule: string, expected: string[], previous: IToken | undefined, beforePrevious: IToken | undefined): string {
  switch (rule) {
    case "bonusKind":
      return `a bonus kind (${orList(BONUS_KINDS.map((k) => `\`${k}\``))})`;
    case "splitModeName":
      return "a split mode (`volume` or `commission`)";
    case "primaryCondition":
    case "figure":
    case "notCondition":
      return "a comparison like `PV >= 50`";
    case "compareOp":
      return "a comparison operator (`>=`, `>`, `<=`, `<`, `=` or `!=`)";
    case "lateCancellerRule":
      return "`hold 8 weeks` or `prepayment only`";
    default:
      return orList(expected.map((e) => expectedPhrase(e, rule, previous, beforePrevious)));
  }
}

function orList(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? "something else";
  return `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
}
