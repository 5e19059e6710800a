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

/**
 * An id cut once into what compareIdsNaturally compares: digit runs without leading zeros, other
 * runs as they are. Sorting 100k ids with compareIdsNaturally
 * cuts both ids with a regular expression at every one of the 1.7M comparisons; with keys each
 * id is cut once. compareNaturalKeys gives the very same order (a test checks it on random ids).
 */
export interface NaturalKey {
  text: string;
  chunks: string[];
  /** Per chunk: a digit run, then the chunk without its leading zeros (as compared). */
  digits: boolean[];
  stripped: string[];
}

export function naturalKey(text: string): NaturalKey {
  const chunks = text.match(CHUNK) ?? [];
  const digits = chunks.map((c) => /^\d/.test(c));
  const stripped = chunks.map((c, i) => (digits[i] ? c.replace(/^0+(?=\d)/, "") : c));
  return { text, chunks, digits, stripped };
}

export function compareNaturalKeys(a: NaturalKey, b: NaturalKey): number {
  const n = Math.min(a.chunks.length, b.chunks.length);
  for (let i = 0; i < n; i++) {
    const x = a.chunks[i]!;
    const y = b.chunks[i]!;
    if (x === y) continue;
    if (a.digits[i] && b.digits[i]) {
      const xs = a.stripped[i]!;
      const ys = b.stripped[i]!;
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (a.chunks.length !== b.chunks.length) return a.chunks.length - b.chunks.length;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/** Each id's place in natural order (0 first): sorting by it gives compareIdsNaturally's order with integer comparisons. */
export function naturalPlaces(ids: readonly string[]): Map<string, number> {
  const keys = ids.map(naturalKey).sort(compareNaturalKeys);
  const places = new Map<string, number>();
  keys.forEach((k, i) => places.set(k.text, i));
  return places;
}
