/**
 * Ids that look the same but are not (issue 11): `P11` and `P1\u200b1` (a zero-width space), or
 * `Ä` written precomposed and as `A` + combining diaeresis, print identically, so a statement
 * would seem to list one partner twice and a back office could pay the wrong one. They are
 * different ids to comp (ids compare as written, docs/semantics-decisions.md), so this is a
 * warning, not an error: each later look-alike is named with the first id it looks like.
 *
 * Two ids look alike when they are equal after Unicode NFKC normalisation with every format
 * character (Unicode category Cf: zero-width spaces and joiners, bidirectional marks, BOM)
 * removed. Partners and customers share one space (a buyer is either); orders have their own.
 * Plain ASCII ids are their own key, so a file without other characters costs one scan.
 */
import type { Dataset, DataProblem } from "../../core/dataModel.ts";
import { formatPath } from "../../core/problemPath.ts";

const PLAIN = /^[\x20-\x7e]*$/;
const FORMAT_CHARACTERS = /\p{Cf}/gu;

interface Named {
  id: string;
  what: string;
  /** The record's section and position: its path is made only for a warning. */
  section: "partners" | "customers" | "orders";
  index: number;
}

function pathOf(e: Named): string {
  return formatPath([e.section, e.index, "id"]);
}

/** True when some id has a character outside printable ASCII (the only ids with look-alikes). */
function anyUnusual(lists: readonly (readonly { id: string }[])[]): boolean {
  for (const list of lists) for (let i = 0; i < list.length; i++) if (!PLAIN.test((list[i] as { id: string }).id)) return true;
  return false;
}

/** "U+0041 U+0308": what tells two look-alikes apart when even escaping shows them the same. */
function codePoints(id: string): string {
  return [...id].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(" ");
}

function lookAlikeKey(id: string): string {
  return PLAIN.test(id) ? id : id.normalize("NFKC").replace(FORMAT_CHARACTERS, "");
}

function warnLookAlikes(entries: () => Iterable<Named>, warnings: DataProblem[]): void {
  const firstOf = new Map<string, Named>();
  for (const e of entries()) {
    const key = lookAlikeKey(e.id);
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, e);
    else if (first.id !== e.id) {
      warnings.push({
        path: pathOf(e),
        id: e.id,
        message:
          `${e.what} id \`${e.id}\` looks the same as ${first.what} id \`${first.id}\` (${pathOf(first)}): they differ only in ` +
          "invisible characters (zero-width, bidirectional or other format characters) or in Unicode normalisation (NFC/NFKC); comp treats them as two different ids" +
          (e.id.length + first.id.length <= 64 ? ` (${codePoints(e.id)} against ${codePoints(first.id)})` : ""),
      });
    }
  }
}

/** A warning for every id that looks like an earlier, different id of the same kind. */
export function lookAlikeIdWarnings(data: Dataset, warnings: DataProblem[]): void {
  // The usual file has only ASCII ids: one scan, and no entry object or path per id (millions).
  if (anyUnusual([data.partners, data.customers])) {
    warnLookAlikes(function* () {
      for (const [i, p] of data.partners.entries()) yield { id: p.id, what: "partner", section: "partners", index: i };
      for (const [i, c] of data.customers.entries()) yield { id: c.id, what: "customer", section: "customers", index: i };
    }, warnings);
  }
  if (anyUnusual([data.orders])) {
    warnLookAlikes(function* () {
      for (const [i, o] of data.orders.entries()) yield { id: o.id, what: "order", section: "orders", index: i };
    }, warnings);
  }
}
