/**
 * Token metadata: the one source of truth for the lexer (grammar/lexer.ts builds its chevrotain
 * token types from this list) and for the playground's tokenizer, completion and hover.
 *
 * Order matters and is the lexer's order: the first pattern that matches wins, except that a
 * keyword only matches as a whole word — if the identifier pattern matches a longer text at the
 * same place (`levels`, `half-up`, `level-x`), the identifier wins. A Monarch grammar gets the same
 * effect with the usual identifier rule plus `cases: { "@keywords": "keyword" }`.
 *
 * Whitespace is not listed: it separates tokens and has no category of its own.
 */
export interface TokenInfo {
  /** Stable token name, also the chevrotain token type name. */
  name: string;
  /** How error messages and completion lists name the token: "`level`", "a percentage". */
  label: string;
  category:
    | "keyword"
    | "identifier"
    | "string"
    | "number"
    | "percent"
    | "operator"
    | "punctuation"
    | "comment";
  /** RegExp source of the token (no flags). */
  pattern: string;
  /** One sentence for the editor's hover, for keywords. */
  hover?: string;
}

/** The bonus kinds the language knows; they are keywords, and values after `bonus`. */
export const BONUS_KINDS: readonly string[] = [
  "level",
  "differential",
  "generation",
  "equalrank",
  "faststart",
  "pool",
];

/** Keyword -> hover sentence, in a stable order (items first, then clauses, then conditions). */
const KEYWORD_HOVER: ReadonlyArray<readonly [string, string]> = [
  ["plan", "Starts the plan header: the plan's name in quotes, optionally followed by `version`."],
  ["version", "The plan's version label, in quotes, e.g. `version \"2026.1\"`."],
  ["currency", "The currency every money amount of the plan is paid in, e.g. `currency EUR`."],
  ["rounding", "How each ledger entry is rounded: `half-up` (commercial) or `half-even`, to a money unit."],
  ["to", "The money unit entries are rounded to, e.g. `to 0.01`."],
  ["period", "The length of a bonus period; `monthly` is the calendar month."],
  ["volume", "Declares a volume measure: the sum over order lines of quantity times a data figure, e.g. `volume PV = points`."],
  ["active", "Starts the activity rule: partners who do not meet it receive nothing in that period."],
  ["when", "Introduces the condition a partner must meet, e.g. `active when PV >= 50`."],
  ["ranks", "Lists the ranks from lowest to highest, each with the conditions to reach it."],
  ["breakaway", "Names the breakaway rank: partners at or above it own their open volume and count as generations."],
  ["at", "Names the rank the breakaway starts at, e.g. `breakaway at Manager`."],
  ["bonus", "Declares a bonus: its kind, its title in quotes, the measure it pays on, and its rules in braces."],
  ["on", "Names the measure a bonus pays on, e.g. `on CV`."],
  ["level", "A level bonus, and its rule `level N: P%`: the partner N levels up from an order's buyer is paid P% of its volume."],
  ["differential", "A differential (stairstep) bonus pays each partner the difference between their rank's rate and what was already paid below."],
  ["generation", "A generation bonus, and its rule `generation N: P%`: the N-th manager above the owner of open volume is paid P% of it."],
  ["equalrank", "An equal-rank bonus pays the first partner above a differential earner who has the same rank."],
  ["faststart", "A fast-start bonus pays levels on orders of partners in their first days after joining."],
  ["pool", "A pool bonus shares a percentage of the period's total volume among qualified ranks by shares."],
  ["requires", "The minimum rank a partner needs to be paid this level or generation."],
  ["compression", "Inactive partners are skipped and do not count as a level."],
  ["rate", "The percentage this bonus pays, e.g. `rate 3%`."],
  ["from", "The lowest rank the equal-rank bonus is paid for, e.g. `rate 3% from Manager`."],
  ["within", "How many days after joining a partner's orders count for the fast-start bonus."],
  ["days", "A number of days."],
  ["shares", "The pool shares each qualifying rank holds, e.g. `shares { Manager: 1  Director: 2 }`."],
  ["split", "Declares how volume of a member is shared between the recruiter and a supporter (Mentorenbonus)."],
  ["mode", "How a split works: `volume` shares the volume itself, `commission` transfers commission afterwards."],
  ["measures", "The volume measures a split applies to, e.g. `measures PV, CV`."],
  ["default", "Starts the default share of a split, used when an agreement does not give its own."],
  ["share", "The supporter's share of a split as a percentage, e.g. `default share 50%`."],
  ["cancellation", "Declares how cancellations (Stornos) are handled: withdrawal period, policy and late cancellers."],
  ["withdrawal", "The withdrawal period: final runs wait this many days after delivery."],
  ["after", "Part of `withdrawal N days after delivery`."],
  ["delivery", "Part of `withdrawal N days after delivery`: the period counts from the delivery date."],
  ["policy", "How a cancellation after the bonus run is clawed back: `simple`, `previous-rank` or `exact`."],
  ["late", "Starts the rule for late cancellers: buyers who cancel after the withdrawal deadline."],
  ["canceller", "Part of `late canceller:`, the rule for buyers who cancel after the withdrawal deadline."],
  ["hold", "Holds a late canceller's later orders until this many weeks after payment."],
  ["weeks", "A number of weeks."],
  ["prepayment", "Marks a late canceller as `prepayment only` for the shop and the hotline."],
  ["only", "Part of `prepayment only`."],
  ["payout", "Starts the payout rule."],
  ["minimum", "The smallest balance that is paid out; smaller balances are carried into the next period."],
  ["target", "The most the plan should ever pay, as a share of an order's volume, e.g. `payout target 45%`: `comp check` warns when the plan's payout bound is higher."],
  ["and", "Both conditions must hold."],
  ["or", "At least one of the conditions must hold."],
  ["not", "The condition must not hold."],
  ["legs", "The number of legs (subtrees under direct recruits) that contain a partner of at least this rank."],
  ["frontline", "The number of direct recruits with at least this rank."],
  ["with", "Adds a max-leg rule to a volume condition, e.g. `GV >= 4000 with maxleg 60%`."],
  ["maxleg", "At most this percentage of the required volume may come from any single leg."],
];

/** Every keyword of the language (lower case, whole words). */
export const KEYWORDS: readonly string[] = KEYWORD_HOVER.map(([word]) => word);

/** The keywords that start a top-level item; used for recovery and for completion. */
export const ITEM_KEYWORDS: readonly string[] = [
  "plan",
  "currency",
  "rounding",
  "period",
  "volume",
  "active",
  "ranks",
  "breakaway",
  "bonus",
  "split",
  "cancellation",
  "payout",
];

/** Token name of a keyword: `level` -> `Level`, `equalrank` -> `Equalrank`. */
export function keywordTokenName(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const NUMBER_SOURCE = "\\d+(?:\\.\\d+)?";

export const TOKEN_INFO: readonly TokenInfo[] = [
  { name: "Comment", label: "a comment", category: "comment", pattern: "#[^\\r\\n]*" },
  {
    name: "String",
    label: "a text in double quotes",
    category: "string",
    // The closing quote is optional so that an unterminated string is one token (and one
    // diagnostic) that ends at the end of its line, instead of a cascade of errors.
    pattern: '"(?:[^"\\\\\\r\\n]|\\\\[^\\r\\n]?)*"?',
  },
  { name: "Percent", label: "a percentage like `5%`", category: "percent", pattern: `${NUMBER_SOURCE}%` },
  { name: "Number", label: "a number", category: "number", pattern: NUMBER_SOURCE },
  // Longest keyword first, so that `on` does not shadow `only` nor `share` shadow `shares`.
  ...[...KEYWORD_HOVER]
    .sort(([a], [b]) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([word, hover]): TokenInfo => ({
      name: keywordTokenName(word),
      label: `\`${word}\``,
      category: "keyword",
      pattern: word,
      hover,
    })),
  {
    name: "Name",
    label: "a name",
    category: "identifier",
    pattern: "[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*",
  },
  { name: "GreaterEqual", label: "`>=`", category: "operator", pattern: ">=" },
  { name: "LessEqual", label: "`<=`", category: "operator", pattern: "<=" },
  { name: "NotEqual", label: "`!=`", category: "operator", pattern: "!=" },
  { name: "Greater", label: "`>`", category: "operator", pattern: ">" },
  { name: "Less", label: "`<`", category: "operator", pattern: "<" },
  { name: "Equals", label: "`=`", category: "operator", pattern: "=" },
  { name: "LBrace", label: "`{`", category: "punctuation", pattern: "\\{" },
  { name: "RBrace", label: "`}`", category: "punctuation", pattern: "\\}" },
  { name: "LParen", label: "`(`", category: "punctuation", pattern: "\\(" },
  { name: "RParen", label: "`)`", category: "punctuation", pattern: "\\)" },
  { name: "Colon", label: "`:`", category: "punctuation", pattern: ":" },
  { name: "Comma", label: "`,`", category: "punctuation", pattern: "," },
];
