/**
 * Sums of amount texts ("3.49", "-0.50") as the run summary needs them, exact and fast: a 100k
 * period has over a million ledger entries, and a decimal.js object per entry took seconds in
 * the browser. Each text with exactly the money's decimals is read as an integer count of the
 * smallest unit and added in Float64 while the total stays a safe integer; anything else (other
 * decimals, an exponent, a total beyond 2^53) falls back to decimal.js for the whole sum, so the
 * answer is always the exact one.
 */
import { Decimal, type PeriodView, type Statement, ZERO } from "../../../runtime/surface.ts";

const PLAIN = /^-?\d+(?:\.\d+)?$/;

/** The exact sum of `amounts`, written with `decimals` decimals. */
export function sumMoney(amounts: Iterable<string>, decimals: number): string {
  const texts = Array.isArray(amounts) ? (amounts as string[]) : [...amounts];
  const scaled = scaledSum(texts, decimals);
  if (scaled !== null) return fromUnits(scaled, decimals);
  let total = ZERO;
  for (const text of texts) total = total.plus(new Decimal(text));
  return total.toFixed(decimals);
}

function scaledSum(texts: readonly string[], decimals: number): number | null {
  let total = 0;
  for (const text of texts) {
    const dot = text.indexOf(".");
    const given = dot < 0 ? 0 : text.length - dot - 1;
    if (given !== decimals || !PLAIN.test(text)) return null;
    const units = Number(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1));
    total += units;
    if (!Number.isSafeInteger(units) || !Number.isSafeInteger(total)) return null;
  }
  return total;
}

/** 12345 units with 2 decimals -> "123.45"; -5 -> "-0.05". */
function fromUnits(units: number, decimals: number): string {
  if (units === 0) return decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
  const sign = units < 0 ? "-" : "";
  const digits = String(Math.abs(units)).padStart(decimals + 1, "0");
  return decimals === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/**
 * The exact sum of one field of every statement of a period view, with `decimals` decimals: from
 * the engine's integer columns when the view offers them (`statementMinor`: no statement object
 * and no text per partner), else from the statements' texts as sumMoney adds them.
 */
export function sumStatementField(v: PeriodView, field: keyof Statement, decimals: number): string {
  const minor = v.statementMinor;
  if (minor !== undefined) {
    let total = 0;
    let exact = true;
    for (let i = 0; i < v.partnerCount && exact; i++) {
      const units = minor.call(v, i, field);
      total += units;
      exact = Number.isSafeInteger(units) && Number.isSafeInteger(total);
    }
    if (exact) return fromUnits(total, decimals);
  }
  const texts: string[] = new Array<string>(v.partnerCount);
  for (let i = 0; i < v.partnerCount; i++) texts[i] = v.statement(i)[field];
  return sumMoney(texts, decimals);
}
