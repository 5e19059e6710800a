/**
 * Every diagnostic code the checker can give, with a short title. Codes are stable: tools, tests
 * and documentation match on them, so a code is never reused for a different problem and never
 * renumbered. Ranges (see grammar/diagnostic.ts): E001–E099 belong to the parser, E100–E299 to
 * the checker, W300–W399 are warnings.
 *
 *   E100–E119  unknown names
 *   E120–E139  names or parts given twice
 *   E140–E159  required parts missing, parts in the wrong place
 *   E160–E199  values out of range
 *   E200–E289  meaning (the plan cannot work as written)
 *   E299       internal error (a bug in the compiler, never the plan designer's fault)
 */
export const CODES = {
  E100: "unknown rank",
  E101: "unknown measure",
  E102: "unknown bonus kind",
  E103: "unknown figure in a condition",
  E104: "unknown rounding mode",
  E105: "unknown period",
  E106: "unknown cancellation policy",
  E107: "unknown split mode",

  E120: "rank declared twice",
  E121: "measure declared twice",
  E122: "bonus title used twice",
  E123: "item given twice",
  E124: "level listed twice",
  E125: "generation listed twice",
  E126: "rank listed twice in a differential bonus",
  E127: "rank listed twice in a shares table",
  E128: "clause given twice",
  E129: "measure listed twice in a split",

  E140: "missing plan header",
  E141: "no volume measure",
  E142: "no ranks block",
  E143: "no currency",
  E144: "empty ranks block",
  E145: "bonus is missing a required clause",
  E146: "clause does not belong in this bonus kind",
  E147: "split is missing a required clause",

  E160: "rate above 100%",
  E161: "share outside 0–100%",
  E162: "maxleg outside 0–100%",
  E163: "not a positive whole number",
  E164: "not a whole number",
  E165: "number too large",
  E166: "leg or frontline count not a whole number",
  E167: "rounding unit not positive",
  E168: "maxleg on the wrong comparison",
  E169: "pool shares not positive",

  E200: "differential rate falls as ranks rise",
  E201: "generation bonus without a breakaway rank",
  E202: "equal-rank bonus without a differential bonus",

  E299: "internal compiler error",

  W300: "rank not listed in a differential bonus",
  W301: "gap in levels",
  W302: "gap in generations",
  W303: "measure never used",
  W304: "currency is not a three-letter code",
  W305: "equal-rank bonus on another measure than its differential bonus",
  W306: "maxleg 100% has no effect",
  W307: "payout bound above the payout target",
  W308: "rank can never be a paid-as rank",
  W309: "threshold falls as ranks rise",
  W310: "rank paid like the rank below it",
  W311: "required rank no partner can hold",
} as const;

export type Code = keyof typeof CODES;

export function severityOf(code: Code): "error" | "warning" {
  return code.startsWith("W") ? "warning" : "error";
}
