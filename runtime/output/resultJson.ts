/**
 * The result document as JSON text, written piece by piece from a ResultView: the same bytes as
 * `JSON.stringify(result, null, 2) + "\n"`, except that partner-keyed objects (`ranks`, `active`,
 * `volumes`, `statements`) list ids in string order ("10" < "9" < "P1"), as
 * docs/semantics-decisions.md promises. JSON.stringify would put integer-like ids first (object
 * key rules), so the key order is set here, not by JavaScript.
 *
 * A generator of chunks (CHUNK_SIZE) so that neither the document nor its text is ever whole:
 * a 1M-partner month is gigabytes of text, and Node caps a string at 512 MB.
 */
import type { PeriodView, ResultView } from "../../core/resultView.ts";
import { ChunkBuffer, pipeChunks, type TextSink } from "./sink.ts";

const PERIOD_PAD = "      "; // keys inside a period object
const ENTRY_PAD = "        "; // keys inside a partner-keyed object, items of a list

/** A value nested at `pad`: JSON.stringify's own layout, shifted right (strings never hold a raw newline). */
function nested(value: unknown, pad: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n" + pad);
}

function* partnerObject(
  out: ChunkBuffer,
  key: string,
  period: PeriodView,
  valueOf: (i: number) => unknown,
  last: boolean,
): Generator<string> {
  const n = period.partnerCount;
  if (n === 0) {
    out.add(`${PERIOD_PAD}"${key}": {}${last ? "" : ","}\n`);
    return;
  }
  out.add(`${PERIOD_PAD}"${key}": {\n`);
  for (let i = 0; i < n; i++) {
    out.add(`${ENTRY_PAD}${JSON.stringify(period.partnerId(i))}: ${nested(valueOf(i), ENTRY_PAD)}${i + 1 < n ? "," : ""}\n`);
    if (out.full) yield out.take();
  }
  out.add(`${PERIOD_PAD}}${last ? "" : ","}\n`);
}

function* list(out: ChunkBuffer, key: string, length: number, itemOf: (i: number) => unknown, last: boolean): Generator<string> {
  if (length === 0) {
    out.add(`${PERIOD_PAD}"${key}": []${last ? "" : ","}\n`);
    return;
  }
  out.add(`${PERIOD_PAD}"${key}": [\n`);
  for (let i = 0; i < length; i++) {
    out.add(`${ENTRY_PAD}${nested(itemOf(i), ENTRY_PAD)}${i + 1 < length ? "," : ""}\n`);
    if (out.full) yield out.take();
  }
  out.add(`${PERIOD_PAD}]${last ? "" : ","}\n`);
}

function* periodJson(out: ChunkBuffer, p: PeriodView): Generator<string> {
  out.add(`${PERIOD_PAD}"period": ${JSON.stringify(p.period)},\n`);
  out.add(`${PERIOD_PAD}"asOf": ${JSON.stringify(p.asOf)},\n`);
  out.add(`${PERIOD_PAD}"final": ${p.final},\n`);
  yield* partnerObject(out, "ranks", p, (i) => p.rank(i), false);
  yield* partnerObject(out, "active", p, (i) => p.active(i), false);
  yield* partnerObject(out, "volumes", p, (i) => p.volumes(i), false);
  yield* list(out, "ledger", p.ledgerLength, (i) => p.ledgerEntry(i), false);
  yield* partnerObject(out, "statements", p, (i) => p.statement(i), false);
  yield* list(out, "breakage", p.breakage.length, (i) => p.breakage[i], false);
  yield* list(out, "unrecovered", p.unrecovered.length, (i) => p.unrecovered[i], false);
  yield* list(out, "flags", p.flags.length, (i) => p.flags[i], false);
  yield* list(out, "deferred", p.deferred.length, (i) => p.deferred[i], false);
  yield* list(out, "stock", p.stock.length, (i) => p.stock[i], true);
}

/** The result document's text in chunks, ending with a newline. */
export function* resultJsonChunks(view: ResultView): Generator<string> {
  const out = new ChunkBuffer();
  out.add(`{\n  "plan": ${JSON.stringify(view.plan)},\n  "policy": ${JSON.stringify(view.policy)},\n`);
  if (view.periods.length === 0) {
    out.add(`  "periods": []\n}\n`);
  } else {
    out.add(`  "periods": [\n`);
    for (let k = 0; k < view.periods.length; k++) {
      out.add("    {\n");
      yield* periodJson(out, view.periods[k] as PeriodView);
      out.add(k + 1 < view.periods.length ? "    },\n" : "    }\n");
    }
    out.add("  ]\n}\n");
  }
  yield out.take();
}

/** Writes the result document to a sink, waiting whenever the sink asks to (backpressure). */
export function writeResultJson(view: ResultView, sink: TextSink): Promise<void> {
  return pipeChunks(resultJsonChunks(view), sink);
}
