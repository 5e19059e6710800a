/**
 * The one record reader behind `comp run` (cli/dataFile.ts) and the playground's worker
 * (playground/src/worker/readDataFile.ts): fed with chunks cut anywhere, it reads the same
 * records; and both callers give the same message for the same problem.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataFile as readInCli } from "../../../cli/dataFile.ts";
import { CliFailure } from "../../../cli/io.ts";
import { compilePlan } from "../../../compiler/compile.ts";
import type { PlanIR } from "../../../core/ir.ts";
import { readDataFile as readInWorker } from "../../../playground/src/worker/readDataFile.ts";
import { DataFileFault, DataFileReader, dataFileFormat } from "../../../runtime/data/stream/dataFileReader.ts";
import { validateData } from "../../../runtime/data/validate.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const ir = compilePlan(readFileSync(root + "plans/vitalis-classic.plan", "utf8")).ir as PlanIR;
const dir = mkdtempSync(join(tmpdir(), "comp-reader-"));

function readInChunks(format: "document" | "lines", text: string, size: number): DataFileReader {
  const reader = new DataFileReader(format);
  for (let i = 0; i < text.length; i += size) reader.feed(text.slice(i, i + size));
  reader.end();
  return reader;
}

function cliMessage(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  try {
    readInCli(file, ir);
  } catch (e) {
    if (e instanceof CliFailure) return e.message;
    throw e;
  }
  throw new Error(`${name} was read without a problem`);
}

function workerMessages(name: string, text: string): string[] {
  const reading = readInWorker(name, text);
  if (reading.ok) throw new Error(`${name} was read without a problem`);
  return reading.problems.map((p) => p.message);
}

describe("the shared data file reader", () => {
  const text = readFileSync(root + "samples/late-cancel.data.json", "utf8");
  const today = validateData(JSON.parse(text));

  it("reads the same Dataset whatever the chunk size (a chunk may end inside a string, a number or a CRLF)", () => {
    if (!today.ok) throw new Error("sample does not validate");
    const doc = JSON.parse(text) as Record<string, unknown[]>;
    const types = { partners: "partner", customers: "customer", splits: "split", orders: "order", cancellations: "cancellation" } as const;
    const lines = Object.entries(types).flatMap(([section, type]) => (doc[section] ?? []).map((r) => JSON.stringify({ type, ...(r as object) }))).join("\r\n");
    for (const size of [1, 7, 64, 1 << 20]) {
      const built = readInChunks("document", text, size).builder.finish();
      expect(built.ok && built.data).toEqual(today.data);
      const fromLines = readInChunks("lines", lines, size).builder.finish();
      expect(fromLines.ok && fromLines.data).toEqual(today.data);
    }
  });

  it("tells JSON Lines by name, or by a first line that is a typed record when the name does not say", () => {
    expect(dataFileFormat("a.jsonl")).toBe("lines");
    expect(dataFileFormat("a.NDJSON")).toBe("lines");
    expect(dataFileFormat("a.json", '{"type":"partner"}')).toBe("document");
    expect(dataFileFormat("pasted", '{"type":"partner","id":"A"}\n{"type":')).toBe("lines");
    expect(dataFileFormat("pasted", '{"partners": [')).toBe("document");
    expect(dataFileFormat("pasted")).toBe("document");
  });

  it("stops on a document broken outside any record with its line and column", () => {
    expect(() => readInChunks("document", '{"partners": [],\n  "orders" []}', 5)).toThrow(new DataFileFault('not valid JSON: expected `:` after the key "orders", found `[` at line 2, column 12', 2, 12));
  });
});

describe("comp run and the playground give the same messages", () => {
  const person = (id: string, sponsor: string | null) => ({ type: "partner", id, sponsor, joined: "2026-01-01" });
  const jsonl = [
    JSON.stringify(person("A", null)),
    '{"type":"partner","id":"B","sponsor":"A","sponsor":"Z","joined":"2026-01-01"}',
    '{"type":"partner","id":"C" "sponsor":"A"}',
    JSON.stringify(person("D", "NOBODY")),
    '{"type":"thing"}',
  ].join("\n");

  it("for JSON Lines: every message of the worker is in comp run's listing, on its line", () => {
    const cli = cliMessage("same.jsonl", jsonl);
    const worker = readInWorker("same.jsonl", jsonl);
    if (worker.ok) throw new Error("read without a problem");
    expect(worker.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    for (const p of worker.problems) expect(cli).toContain(`same.jsonl:${p.line}: ${p.path === "" ? "record" : p.path.replace(/^partners\[\d+\]\./, "")}`);
    for (const message of workerMessages("same.jsonl", jsonl)) expect(cli).toContain(message);
    expect(cli).toMatch(/same\.jsonl:2: record: duplicate key "sponsor" in one object \(the second would silently replace the first\) at column \d+$/m);
    expect(cli).not.toContain("not valid JSON: duplicate key");
  });

  it("for a JSON document: the same message for a key given twice, a broken record and a broken document", () => {
    const doc = '{"partners": [\n {"id": "A", "sponsor": null, "joined": "2026-01-01", "id": "B"},\n {"id": "C" "sponsor": null}\n], "orders": []}';
    const cli = cliMessage("same.json", doc);
    const worker = workerMessages("same.json", doc);
    expect(worker).toHaveLength(2);
    for (const message of worker) expect(cli).toContain(`same.json: ${message.startsWith("duplicate") ? "partners[0]" : "partners[1]"}: ${message}`);
    const broken = '{"partners": [], "orders": [],\n"orders": []}';
    expect(cliMessage("dup.json", broken)).toBe(`${join(dir, "dup.json")}: ${workerMessages("dup.json", broken)[0]}`);
  });
});
