/**
 * Ids as people read them in listings: digit runs compare as numbers (P2 before P10), the rest
 * as text, plain code-unit order breaks ties. Explicit instead of `Intl.Collator` so every
 * front end and every machine lists in the same order. Output documents keep string order
 * (core/resultView.ts `compareIds`); this order is for what a person reads.
 */
const CHUNK = /(\d+|\D+)/g;

export function compareIdsNaturally(a: string, b: string): number {
  const left = a.match(CHUNK) ?? [];
  const right = b.match(CHUNK) ?? [];
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const x = left[i] ?? "";
    const y = right[i] ?? "";
    if (x === y) continue;
    const xDigits = /^\d/.test(x);
    const yDigits = /^\d/.test(y);
    if (xDigits && yDigits) {
      const xs = x.replace(/^0+(?=\d)/, "");
      const ys = y.replace(/^0+(?=\d)/, "");
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
