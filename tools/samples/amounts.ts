/**
 * Money and points in the generator are integers (cents, whole points) and become the data
 * document's decimal strings only here, by string formatting, never by float division.
 */

/** 4990 -> "49.90", 5 -> "0.05", -120 -> "-1.20". */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatCents: not an integer: ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const digits = String(Math.abs(cents)).padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A share in whole percent -> "40%". */
export function formatPercent(percent: number): string {
  return `${percent}%`;
}
