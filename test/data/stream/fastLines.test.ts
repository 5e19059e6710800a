/**
 * JSON Lines records read straight from their text (runtime/data/stream/fastLines.ts) are sound:
 * whenever that path takes a line, the general path (parseValueText, the `type`, then
 * fastRecords.ts) takes it too and makes the same record, and so does the schema check with
 * normalize.ts — on every line of the bundled samples and a generated file, on variants of lines
 * of every record type and shape (a character removed or inserted, odd values, keys repeated,
 * dropped or unknown), and on random texts built from JSON's tokens. It
 * takes every valid record of those files (else the fast path would silently never be taken),
 * and a file read through DataFileReader gives the same Dataset either way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DataFileReader, RECORD_TYPES } from "../../../runtime/data/stream/dataFileReader.ts";
import type { CustomerRecord, OrderRecord, PartnerRecord } from "../../../runtime/data/document.ts";
import { normalizeCustomer, normalizeOrder, normalizePartner } from "../../../runtime/data/normalize.ts";
import { recordSchemaProblems } from "../../../runtime/data/schemaCheck.ts";
import { FastLineReader } from "../../../runtime/data/stream/fastLines.ts";
import { fastCustomer, fastOrder, fastPartner, RecordMemo } from "../../../runtime/data/stream/fastRecords.ts";
import { parseValueText } from "../../../runtime/data/stream/recordText.ts";
import { dataJsonLinesChunks } from "../../../tools/samples/format.ts";
import { generateData } from "../../../tools/samples/generate.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const TYPES = { partners: "partner", customers: "customer", splits: "split", orders: "order", cancellations: "cancellation" } as const;

/** Every record of the bundled samples and of a small generated file, as JSON Lines lines. */
function sampleLines(): string[] {
  const lines: string[] = [];
  for (const file of readdirSync(root + "samples").filter((f) => f.endsWith(".data.json"))) {
    const doc = JSON.parse(readFileSync(root + "samples/" + file, "utf8")) as Record<string, unknown[]>;
    for (const [section, type] of Object.entries(TYPES)) {
      for (const record of doc[section] ?? []) lines.push(JSON.stringify({ type, ...(record as object) }));
    }
  }
  const generated = generateData({ partners: 300, seed: 3, months: 2, splits: 5, cancellations: 5 });
  for (const chunk of dataJsonLinesChunks(generated)) lines.push(...chunk.split("\n").filter((l) => l !== ""));
  return lines;
}

/** What the general path keeps for a line: its section and the record fastRecords.ts makes, or null. */
function general(text: string): { section: string; record: unknown } | null {
  const parsed = parseValueText(text);
  if (!parsed.ok) return null;
  const value = parsed.value as { type?: unknown } | null;
  if (value === null || typeof value !== "object" || Array.isArray(value) || typeof value.type !== "string") return null;
  const section = Object.hasOwn(RECORD_TYPES, value.type) ? RECORD_TYPES[value.type] : undefined;
  const memo = new RecordMemo();
  const record =
    section === "partners" ? fastPartner(value, memo, true)
    : section === "customers" ? fastCustomer(value, memo, true)
    : section === "orders" ? fastOrder(value, memo, true)
    : null;
  return record === null || section === undefined ? null : { section, record };
}

/** What the schema check (ajv) and normalize.ts keep for a line of `section`, or null. */
function schemaChecked(text: string, section: string): unknown {
  const parsed = parseValueText(text);
  if (!parsed.ok) return null;
  const record = parsed.value as Record<string, unknown>;
  delete record["type"];
  switch (section) {
    case "partners":
      return recordSchemaProblems(section, 0, record).length > 0 ? null : normalizePartner(record as unknown as PartnerRecord);
    case "customers":
      return recordSchemaProblems(section, 0, record).length > 0 ? null : normalizeCustomer(record as unknown as CustomerRecord);
    case "orders":
      return recordSchemaProblems(section, 0, record).length > 0 ? null : normalizeOrder(record as unknown as OrderRecord);
    default:
      return null;
  }
}

/**
 * The property: a line the fast path takes is taken by the general path and by the schema check
 * with normalize.ts, with the same record.
 */
function expectSound(text: string, reader = new FastLineReader(new RecordMemo())): boolean {
  const fast = reader.read(text);
  if (fast === null) return false;
  expect(general(text), text).toEqual({ section: reader.section, record: fast });
  expect(schemaChecked(text, reader.section), text).toEqual(fast);
  return true;
}

const lines = sampleLines();
const simple = lines.filter((l) => /^\{"type":"(partner|customer|order)"/.test(l));

/**
 * The first `count` lines of each shape among `simple` (its type, its keys in order, a partner's
 * status): the variants below start from partners (active, terminated with and without a date),
 * customers and orders alike, not from whatever type a file happens to begin with.
 */
function firstOfEachShape(count: number): string[] {
  const byShape = new Map<string, string[]>();
  for (const line of simple) {
    const record = JSON.parse(line) as Record<string, unknown>;
    const shape = Object.keys(record).join(",") + ":" + String(record["status"]);
    const same = byShape.get(shape) ?? [];
    if (same.length < count) same.push(line);
    byShape.set(shape, same);
  }
  return [...byShape.values()].flat();
}

const ODD_VALUES = [
  "null", '""', '" "', "0", "1", "-1", "1.5", "true", "false", "[]", "{}", '["P1"]', '"2026-02-29"', '"2028-02-29"',
  '"2026-13-01"', '"2026-07-01 "', '"x"', '"1e5"', '"01.50"', '"-1"', '"active"', '"terminated"', '"Active"', '"__proto__"',
  '"P\\u0031"', '"a\\"b"', '"tab\there"', '"é"', '"P1234567890123456789"', "nul", "nulll", '"2026-07-01"',
];

describe("JSON Lines records read straight from the text", () => {
  it("takes every partner, customer and order line of the samples and a generated file, with the general path's record", () => {
    expect(simple.length).toBeGreaterThan(500);
    const reader = new FastLineReader(new RecordMemo());
    for (const line of simple) expect(expectSound(line, reader), line).toBe(true);
  });

  it("leaves splits, cancellations and unknown types to the general path", () => {
    const reader = new FastLineReader(new RecordMemo());
    const others = lines.filter((l) => !simple.includes(l));
    expect(others.length).toBeGreaterThan(0);
    for (const line of [...others, '{"type":"partners","id":"P1","sponsor":null,"joined":"2026-01-01"}', '{"id":"P1","type":"partner","sponsor":null,"joined":"2026-01-01"}']) {
      expect(reader.read(line), line).toBeNull();
    }
  });

  it("is sound on every variant with one character removed, doubled or replaced by a space", () => {
    const variety = firstOfEachShape(8);
    for (const type of ["partner", "customer", "order"]) expect(variety.filter((l) => l.startsWith(`{"type":"${type}"`)).length).toBeGreaterThanOrEqual(8);
    for (const line of variety) {
      for (let i = 0; i < line.length; i++) {
        expectSound(line.slice(0, i) + line.slice(i + 1));
        expectSound(line.slice(0, i + 1) + line.slice(i));
        expectSound(line.slice(0, i) + " " + line.slice(i + 1));
      }
    }
  });

  it("is sound on the same variants read by one reader that remembers dates and lines from the samples", () => {
    // A reader compares a date field with its last date in place, and looks remembered `lines`
    // texts up without a scan: the variants must not slip through either shortcut.
    const reader = new FastLineReader(new RecordMemo());
    for (const line of simple) reader.read(line);
    let taken = 0;
    for (const line of firstOfEachShape(4)) {
      for (let i = 0; i < line.length; i++) {
        for (const variant of [line.slice(0, i) + line.slice(i + 1), line.slice(0, i + 1) + line.slice(i), line.slice(0, i) + " " + line.slice(i + 1), line.slice(0, i) + "\\" + line.slice(i + 1)]) {
          reader.read(line); // the line itself sets the last dates the variant is compared with
          if (expectSound(variant, reader)) taken++;
        }
      }
    }
    expect(taken).toBeGreaterThan(100);
  });

  it("is sound with each value replaced by odd values, keys repeated, dropped or added", () => {
    const keyValue = /"([A-Za-z_]+)":("(?:[^"\\]|\\.)*"|null|\d+|\[[^\]]*\])/g;
    let taken = 0;
    for (const line of firstOfEachShape(12)) {
      for (const m of line.matchAll(keyValue)) {
        const [whole, key, value] = m as unknown as [string, string, string];
        const at = m.index ?? 0;
        const before = line.slice(0, at);
        const after = line.slice(at + whole.length);
        for (const odd of ODD_VALUES) if (expectSound(`${before}"${key}":${odd}${after}`)) taken++;
        // repeated (same or other value), dropped, and a key nobody knows
        expectSound(`${before}${whole},"${key}":${value}${after}`);
        expectSound(`${before}${whole},"${key}":"x"${after}`);
        expectSound(`${before}${after}`.replace(",,", ",").replace(",}", "}").replace("{,", "{"));
        expectSound(`${before}${whole},"note":"x"${after}`);
        expectSound(`${before}${whole},"x":null${after}`);
      }
    }
    // Some odd values are valid (other dates, other ids): the property was really exercised.
    expect(taken).toBeGreaterThan(50);
  });

  it("is sound on the lines of an order: odd quantities and figures, repeated keys, nesting", () => {
    const order = '{"type":"order","id":"O1","buyer":"P1","date":"2026-07-01","lines":LINES}';
    const variants = [
      '[{"sku":"A","qty":1,"net":"10"}]', '[{"sku":"A","qty":1,"net":"10","net":"11"}]', "[]", "[{}]", '[{"sku":"A","qty":1.5,"net":"10"}]',
      '[{"sku":"A","qty":"2","net":"10.50"},{"sku":"B","qty":3}]', '[{"sku":"A","qty":1,"net":"10"}', '[{"sku":"A","qty":1,"net":"10"}]]',
      '[{"sku":"A","qty":1,"net":{"x":"1"}}]', '[{"sku":"A","qty":1,"net":"10"},]', '[{"sku":"A","qty":1,"1net":"10"}]',
      '[{"sku":"A","qty":1,"net":"10"} ]', '[{"sku":"]","qty":1,"net":"10"}]', '[{"sku":"}","qty":1,"net":"10"}]',
      '[{"sku":"A","qty":01,"net":"10"}]', '[{"sku":"A","qty":1e2,"net":"10"}]', '[{"sku":"A","qty":-1,"net":"10"}]',
    ];
    const reader = new FastLineReader(new RecordMemo());
    for (const lines of variants) {
      // twice with one reader: the second time the raw text is remembered
      expectSound(order.replace("LINES", lines), reader);
      expectSound(order.replace("LINES", lines), reader);
    }
    expect(expectSound(order.replace("LINES", variants[0] as string), reader)).toBe(true);
  });

  it("is sound on random texts made of JSON tokens and record keys", () => {
    const token = fc.constantFrom(
      "{", "}", "[", "]", ",", ":", '"', "null", "1", "true", " ", "\\", "\t", '"type"', '"partner"', '"customer"', '"order"', '"id"',
      '"P1"', '"sponsor"', '"joined"', '"2026-07-01"', '"status"', '"active"', '"terminated"', '"partner"', '"buyer"', '"date"',
      '"paid"', '"delivered"', '"lines"', '"sku"', '"qty"', '"net"', '"10.5"', "é",
    );
    const prefix = fc.constantFrom('{"type":"partner"', '{"type":"customer"', '{"type":"order"', "");
    fc.assert(
      fc.property(prefix, fc.array(token, { maxLength: 40 }), (head, tokens) => {
        expectSound(head + tokens.join(""));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads ids of 13 characters and more (copied out of the line, not sliced) whole", () => {
    const id = "P-0123456789-abcdefghij";
    const record = new FastLineReader(new RecordMemo()).read(`{"type":"partner","id":"${id}","sponsor":null,"joined":"2026-01-01"}`);
    expect(record).toEqual({ id, sponsor: null, joined: "2026-01-01", status: "active", terminated: null });
  });

  it("gives a DataFileReader the same Dataset, line numbers and problems as the general path", () => {
    const generated = generateData({ partners: 400, seed: 5, months: 2, splits: 5, cancellations: 5 });
    const text = [...dataJsonLinesChunks(generated)].join("");
    // A space before each record: still the same JSON, but never taken by the fast path.
    const general = text.split("\n").map((l) => (l === "" ? l : " " + l)).join("\n");
    // A few broken records on top: a problem in each section, and a line that is not JSON.
    const broken = (t: string) => t.replace('"joined":"2023-07-02"', '"joined":"2023-02-30"').replace(/"buyer":"P1\d"/, '"buyer":"P999999"').replace(/\n/, "\n{not json\n");
    for (const [fast, slow] of [[text, general], [broken(text), broken(general)]] as const) {
      const read = (t: string) => {
        const reader = new DataFileReader("lines");
        for (let at = 0; at < t.length; at += 4096) reader.feed(t.slice(at, at + 4096));
        reader.end();
        return { built: reader.builder.finish(), lines: reader.lines, located: reader.located };
      };
      expect(read(fast)).toEqual(read(slow));
    }
    const problems = (() => {
      const reader = new DataFileReader("lines");
      reader.feed(broken(text));
      reader.end();
      const built = reader.builder.finish();
      return { located: reader.located.length, problems: built.ok ? 0 : built.problems.length };
    })();
    expect(problems).toEqual({ located: 1, problems: 2 });
  });
});
