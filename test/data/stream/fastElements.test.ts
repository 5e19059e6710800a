/**
 * Elements of a JSON data document read straight from their text (FastLineReader.readElement,
 * runtime/data/stream/fastLines.ts) are sound: whenever that path takes an element of a section
 * list, the general path (parseValueText, then fastRecords.ts without a `type` key) and the schema
 * check with normalize.ts take it too and make the same record — on every partner, customer and
 * order of a generated document, on variants with a character removed, doubled or replaced, on
 * elements in the wrong list and with a `type`; and a document read through DataFileReader gives
 * the same Dataset, lines and problems as when every element takes the general path.
 */
import { describe, expect, it } from "vitest";
import type { CustomerRecord, OrderRecord, PartnerRecord } from "../../../runtime/data/document.ts";
import { normalizeCustomer, normalizeOrder, normalizePartner } from "../../../runtime/data/normalize.ts";
import { recordSchemaProblems } from "../../../runtime/data/schemaCheck.ts";
import { DataFileReader } from "../../../runtime/data/stream/dataFileReader.ts";
import { FastLineReader, type LineSection } from "../../../runtime/data/stream/fastLines.ts";
import { fastCustomer, fastOrder, fastPartner, RecordMemo } from "../../../runtime/data/stream/fastRecords.ts";
import { parseValueText } from "../../../runtime/data/stream/recordText.ts";
import { dataDocumentChunks } from "../../../tools/samples/format.ts";
import { generateData } from "../../../tools/samples/generate.ts";

const SECTIONS: readonly LineSection[] = ["partners", "customers", "orders"];

/** What the general path keeps for an element of `section`: the record fastRecords.ts makes (no `type` allowed), or null. */
function general(section: LineSection, text: string): unknown {
  const parsed = parseValueText(text);
  if (!parsed.ok) return null;
  const memo = new RecordMemo();
  return section === "partners" ? fastPartner(parsed.value, memo, false) : section === "customers" ? fastCustomer(parsed.value, memo, false) : fastOrder(parsed.value, memo, false);
}

/** What the schema check (ajv) and normalize.ts keep for an element of `section`, or null. */
function schemaChecked(section: LineSection, text: string): unknown {
  const parsed = parseValueText(text);
  if (!parsed.ok || recordSchemaProblems(section, 0, parsed.value).length > 0) return null;
  return section === "partners" ? normalizePartner(parsed.value as PartnerRecord)
    : section === "customers" ? normalizeCustomer(parsed.value as CustomerRecord)
    : normalizeOrder(parsed.value as OrderRecord);
}

function expectSound(section: LineSection, text: string, reader = new FastLineReader(new RecordMemo())): boolean {
  const fast = reader.readElement(section, text);
  if (fast === null) return false;
  expect(reader.section, text).toBe(section);
  expect(general(section, text), text).toEqual(fast);
  expect(schemaChecked(section, text), text).toEqual(fast);
  return true;
}

const generated = generateData({ partners: 300, seed: 7, months: 2, splits: 5, cancellations: 5 });
/** Each element of the generated document as the document writer spells it, with its section. */
const elements: { section: LineSection; text: string }[] = SECTIONS.flatMap((section) =>
  (generated[section] as unknown[]).map((record) => ({ section, text: JSON.stringify(record) })),
);

describe("JSON document elements read straight from the text", () => {
  it("takes every partner, customer and order of a generated document, with the general path's record", () => {
    for (const section of SECTIONS) expect(elements.filter((e) => e.section === section).length).toBeGreaterThan(10);
    const reader = new FastLineReader(new RecordMemo());
    for (const { section, text } of elements) expect(expectSound(section, text, reader), text).toBe(true);
  });

  it("leaves an element in another section's list, or with a `type`, to the general path", () => {
    const reader = new FastLineReader(new RecordMemo());
    for (const { section, text } of elements.slice(0, 40)) {
      for (const other of SECTIONS) if (other !== section) expect(reader.readElement(other, text), `${other}: ${text}`).toBeNull();
      expect(reader.readElement(section, `{"type":"${section.slice(0, -1)}",${text.slice(1)}`)).toBeNull();
    }
    expect(reader.readElement("partners", "{}")).toBeNull();
    expect(reader.readElement("partners", ' {"id":"P1","sponsor":null,"joined":"2026-01-01"}')).toBeNull();
  });

  it("is sound on every variant with one character removed, doubled or replaced by a space or a backslash", () => {
    const reader = new FastLineReader(new RecordMemo());
    const variety = SECTIONS.flatMap((section) => elements.filter((e) => e.section === section).slice(0, 4));
    let taken = 0;
    for (const { section, text } of variety) {
      for (let i = 0; i < text.length; i++) {
        for (const variant of [text.slice(0, i) + text.slice(i + 1), text.slice(0, i + 1) + text.slice(i), text.slice(0, i) + " " + text.slice(i + 1), text.slice(0, i) + "\\" + text.slice(i + 1)]) {
          reader.readElement(section, text); // the element itself sets the last dates the variant is compared with
          if (expectSound(section, variant, reader)) taken++;
        }
      }
    }
    // Some variants are valid records (another id, another date): the property was exercised.
    expect(taken).toBeGreaterThan(20);
  });

  it("gives a DataFileReader the same Dataset, line numbers and problems as the general path", () => {
    const text = [...dataDocumentChunks(generated)].join("");
    // A broken date, an unknown buyer (the last order's) and a repeated key in the first order (a located syntax problem with its column).
    const broken = text.replace(/"joined":"[^"]*"/, '"joined":"2023-02-30"').replace(/"buyer":"[^"]*"(?![\s\S]*"buyer")/, '"buyer":"P999999"').replace(/\{"id":"O\d+"/, '{"id":"O1","id":"O2"');
    expect(broken).not.toBe(text);
    const read = (t: string, fast: boolean) => {
      const reader = new DataFileReader("document");
      // The general path for every element: the builder never takes one straight from its text.
      if (!fast) reader.builder.addElement = () => false;
      for (let at = 0; at < t.length; at += 4096) reader.feed(t.slice(at, at + 4096));
      reader.end();
      return { built: reader.builder.finish(), lines: reader.lines, located: reader.located };
    };
    for (const t of [text, broken]) expect(read(t, true)).toEqual(read(t, false));
    const problems = read(broken, true);
    expect({ located: problems.located.length, problems: problems.built.ok ? 0 : problems.built.problems.length }).toEqual({ located: 1, problems: 2 });
  });
});
