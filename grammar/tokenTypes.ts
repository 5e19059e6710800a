/**
 * The chevrotain token types by name, for the grammar rules (one place, so a typo in a token
 * name fails at load time instead of deep inside a rule).
 */
import { tokenType as t } from "./lexer.ts";

export const T = {
  Plan: t("Plan"), Version: t("Version"), Currency: t("Currency"), Rounding: t("Rounding"), To: t("To"),
  Period: t("Period"), Volume: t("Volume"), Active: t("Active"), When: t("When"), Ranks: t("Ranks"),
  Breakaway: t("Breakaway"), At: t("At"), Bonus: t("Bonus"), On: t("On"), Level: t("Level"),
  Differential: t("Differential"), Generation: t("Generation"), Equalrank: t("Equalrank"),
  Faststart: t("Faststart"), Pool: t("Pool"), Requires: t("Requires"), Compression: t("Compression"),
  Rate: t("Rate"), From: t("From"), Within: t("Within"), Days: t("Days"), Shares: t("Shares"),
  Split: t("Split"), Mode: t("Mode"), Measures: t("Measures"), Default: t("Default"), Share: t("Share"),
  Cancellation: t("Cancellation"), Withdrawal: t("Withdrawal"), After: t("After"), Delivery: t("Delivery"),
  Policy: t("Policy"), Late: t("Late"), Canceller: t("Canceller"), Hold: t("Hold"), Weeks: t("Weeks"),
  Prepayment: t("Prepayment"), Only: t("Only"), Payout: t("Payout"), Minimum: t("Minimum"),
  Target: t("Target"),
  And: t("And"), Or: t("Or"), Not: t("Not"), Legs: t("Legs"), Frontline: t("Frontline"), With: t("With"),
  Maxleg: t("Maxleg"), Name: t("Name"), String: t("String"), Number: t("Number"), Percent: t("Percent"),
  GreaterEqual: t("GreaterEqual"), Greater: t("Greater"), LessEqual: t("LessEqual"), Less: t("Less"),
  Equals: t("Equals"), NotEqual: t("NotEqual"), LBrace: t("LBrace"), RBrace: t("RBrace"),
  LParen: t("LParen"), RParen: t("RParen"), Colon: t("Colon"), Comma: t("Comma"),
} as const;
