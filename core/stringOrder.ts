/**
 * String (code-unit) order: the one order of ids in every output — `"10" < "9" < "P1"`, never
 * JavaScript's integer-like-keys-first object order (docs/semantics-decisions.md) — and the order
 * in which the project sorts names and keys (line figures, problem paths), so that one rule, not
 * a dozen inline copies of it, decides every order a user sees.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
