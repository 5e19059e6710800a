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
  path: string;
}

/** "U+0041 U+0308": what tells two look-alikes apart when even escaping shows them the same. */
function codePoints(id: string): string {
  return [...id].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(" ");
}

function lookAlikeKey(id: string): string {
  return PLAIN.test(id) ? id : id.normalize("NFKC").replace(FORMAT_CHARACTERS, "");
}

function warnLookAlikes(entries: () => Iterable<Named>, warnings: DataProblem[]): void {
  let unusual = false;
  for (const e of entries()) {
    if (!PLAIN.test(e.id)) {
      unusual = true;
      break;
    }
  }
  if (!unusual) return;
  const firstOf = new Map<string, Named>();
  for (const e of entries()) {
    const key = lookAlikeKey(e.id);
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, e);
    else if (first.id !== e.id) {
      warnings.push({
        path: e.path,
        id: e.id,
        message:
          `${e.what} id \`${e.id}\` looks the same as ${first.what} id \`${first.id}\` (${first.path}): they differ only in ` +
          "invisible characters (zero-width, bidirectional or other format characters) or in Unicode normalisation (NFC/NFKC); comp treats them as two different ids" +
          (e.id.length + first.id.length <= 64 ? ` (${codePoints(e.id)} against ${codePoints(first.id)})` : ""),
      });
    }
  }
}

/** A warning for every id that looks like an earlier, different id of the same kind. */
export function lookAlikeIdWarnings(data: Dataset, warnings: DataProblem[]): void {
  warnLookAlikes(function* () {
    for (const [i, p] of data.partners.entries()) yield { id: p.id, what: "partner", path: formatPath(["partners", i, "id"]) };
    for (const [i, c] of data.customers.entries()) yield { id: c.id, what: "customer", path: formatPath(["customers", i, "id"]) };
  }, warnings);
  warnLookAlikes(function* () {
    for (const [i, o] of data.orders.entries()) yield { id: o.id, what: "order", path: formatPath(["orders", i, "id"]) };
  }, warnings);
}
