/**
 * Size limits on plan text (issue 11). Real plans are a few thousand characters; a 20 MB file
 * (a data file passed as the plan, a generated monster) used to take 84 s and 2.7 GB before
 * saying anything. Above the limit the plan is refused at once with E008, naming the limit.
 */
import type { Diagnostic } from "../grammar/diagnostic.ts";

export const MAX_PLAN_CHARACTERS = 250_000;

export function planTooLarge(text: string): Diagnostic | null {
  if (text.length <= MAX_PLAN_CHARACTERS) return null;
  return {
    code: "E008",
    severity: "error",
    message:
      `the plan is ${text.length.toLocaleString("en-US")} characters long; comp reads plans of up to ` +
      `${MAX_PLAN_CHARACTERS.toLocaleString("en-US")} characters (real plans have a few thousand): is this the plan file?`,
    span: { start: 0, end: 0, line: 1, column: 1 },
  };
}

/** How many diagnostics of one code a terminal listing shows before "… and N more like this". */
export const SHOWN_PER_CODE = 10;

/**
 * The diagnostics worth printing: at most SHOWN_PER_CODE of each code (10k ranks declared twice
 * are one mistake, not 10k), and per code how many more were left out.
 */
export function capDiagnostics(diagnostics: readonly Diagnostic[]): { shown: Diagnostic[]; omitted: Map<string, number> } {
  const seen = new Map<string, number>();
  const shown: Diagnostic[] = [];
  const omitted = new Map<string, number>();
  for (const d of diagnostics) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= SHOWN_PER_CODE) shown.push(d);
    else omitted.set(d.code, (omitted.get(d.code) ?? 0) + 1);
  }
  return { shown, omitted };
}

/** "… and 9,990 more like this (E120)" lines for what capDiagnostics left out. */
export function omittedLines(file: string, omitted: ReadonlyMap<string, number>): string[] {
  return [...omitted].map(([code, n]) => `${file}: … and ${n.toLocaleString("en-US")} more ${code} like this`);
}
