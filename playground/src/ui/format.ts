/**
 * Numbers as people read them: thousands separators on exact decimal strings (string work only,
 * never floating point), volumes with the same decimals as money, and counted nouns in the right
 * number ("1 partner", "2 partners").
 */

/** "1234567.8" -> "1,234,567.8"; "-64.80" -> "-64.80"; anything that is not a plain decimal is returned as it is. */
export function groupDigits(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction = ""] = match;
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + fraction;
}

/** A volume with at least `decimals` decimals (padded, never rounded): "69.8" -> "69.80", "120" -> "120.00". */
export function volumeText(text: string, decimals = 2): string {
  const match = /^(-?\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, whole = "", fraction = ""] = match;
  const padded = fraction.length >= decimals ? fraction : fraction + "0".repeat(decimals - fraction.length);
  return groupDigits(padded === "" ? whole : `${whole}.${padded}`);
}

/** "1 partner", "2 partners", "1,000 partners"; `many` for irregular plurals ("entry" / "entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/**
 * A reduced fraction in a note, explained: "cancelled fraction 2980/3479" ->
 * "cancelled fraction 2980/3479 (85.66 % of the order's value was cancelled)", and "cancelled
 * fraction 1" as the whole order. The percentage is computed with integers, to two decimals, half up.
 */
export function explainFractions(note: string): string {
  // A whole order cancelled is "cancelled fraction 1" (no slash): said in words too.
  const inWords = note.replace(/cancelled fraction 1(?![\d/])/g, "cancelled fraction 1 (the whole order was cancelled: each original entry is reversed in full)");
  return inWords.replace(/cancelled fraction (\d+)\/(\d+)/g, (whole, n: string, d: string) => {
    const num = BigInt(n);
    const den = BigInt(d);
    if (den === 0n) return whole;
    const hundredths = (num * 10000n * 2n + den) / (den * 2n);
    const percent = `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, "0")}`;
    return `${whole} (${percent} % of the order's value was cancelled: each original entry is reversed by this share)`;
  });
}
