/**
 * The embedding entry of the runtime: what the CLI, the playground worker and other programs
 * call. Browser-safe (no Node imports anywhere below).
 */
export { runThrough, firstPeriod, type RunOptions, type RunOutcome, type RunError } from "./reference/runThrough.ts";
export { runPeriod, earliestFinalAsOf, type PeriodRunInput, type PeriodOutcome } from "./reference/runPeriod.ts";
export type { ResultDocument, PeriodResult, LedgerEntry, Statement, Breakage, Deferred, Flag, StockMovement, Unrecovered } from "./result.ts";
