/**
 * The error shape of a refused run. A run refuses instead of guessing: every message is written
 * for the person running the plan (a plan designer or an operator), and `details` lists the
 * specific orders, agreements or periods involved, one readable line each.
 */

import type { RunError } from "./run.ts";

export type { RunError };

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: RunError };

export function runError(code: string, message: string, details: string[] = []): RunError {
  return { code, message, details };
}

export function refuse<T>(code: string, message: string, details: string[] = []): Outcome<T> {
  return { ok: false, error: runError(code, message, details) };
}

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/**
 * Turns an unexpected exception into a RunError. Inputs are validated before any computing, so
 * reaching this is a defect in the evaluator; the caller still gets a message, never a crash.
 */
export function internalError(error: unknown): RunError {
  const detail = error instanceof Error ? error.message : String(error);
  return runError("internal-error", `the evaluator failed unexpectedly: ${detail}`);
}
