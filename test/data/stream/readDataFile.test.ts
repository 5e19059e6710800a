import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataFile } from "../../../cli/dataFile.ts";
import { CliFailure } from "../../../cli/io.ts";
import { compilePlan } from "../../../compiler/compile.ts";
import type { PlanIR } from "../../../core/ir.ts";
import { validateData } from "../../../runtime/data/validate.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const ir = compilePlan(readFileSync(root + "plans/vitalis-classic.plan", "utf8")).ir as PlanIR;
const dir = mkdtempSync(join(tmpdir(), "comp-read-"));
const write = (name: string, content: string | Buffer) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};

/** The message a data file fails with. */
function failure(file: string): string {
  try {
    readDataFile(file, ir);
  } catch (e) {
    if (e instanceof CliFailure) {
      expect(e.exitCode).toBe(1);
      return e.message;
    }
    throw e;
  }
  throw new Error(`${file} was read without a problem`);
}

const TYPES = { partners: "partner", customers: "customer", splits: "split", orders: "order", cancellations: "cancellation" } as const;

/** A data document as JSON Lines: each record on its own line with its `type`. */
function toJsonLines(doc: Record<string, unknown[]>, eol = "\n"): string {
  let out = "";
  for (const [section, type] of Object.entries(TYPES)) {
    for (const record of doc[section] ?? []) out += JSON.stringify({ type, ...(record as object) }) + eol;
  }
  return out;
}

const samples = readdirSync(root + "samples").filter((f) => f.endsWith(".data.json"));

describe("a data document read as a stream", () => {
  for (const name of samples) {
    it(`gives today's Dataset for samples/${name}, as JSON and as JSON Lines`, () => {
      const text = readFileSync(root + "samples/" + name, "utf8");
      const today = validateData(JSON.parse(text));
      if (!today.ok) throw new Error("sample does not validate");
      const plan = name.startsWith("small") ? compilePlan(readFileSync(root + "plans/unilevel-essentials.plan", "utf8")).ir! : name.startsWith("team") ? compilePlan(readFileSync(root + "plans/stairstep-breakaway.plan", "utf8")).ir! : ir;
      expect(readDataFile(root + "samples/" + name, plan)).toEqual(today.data);
      expect(readDataFile(write(name + "l", toJsonLines(JSON.parse(text))), plan)).toEqual(today.data);
    });
  }

  it("a JSON Lines file with CRLF, a BOM and no final newline reads the same", () => {
    const doc = JSON.parse(readFileSync(root + "samples/tiny.data.json", "utf8"));
    const today = validateData(doc);
    const text = "\uFEFF" + toJsonLines(doc, "\r\n").trimEnd() + "\r\n\r\n";
    expect(readDataFile(write("crlf.jsonl", text), ir)).toEqual(today.ok && today.data);
    expect(readDataFile(write("nofinal.jsonl", toJsonLines(doc).trimEnd()), ir)).toEqual(today.ok && today.data);
    // A BOM in a JSON document too (issue 11, item 12): accepted.
    expect(readDataFile(write("bom.json", "\uFEFF" + JSON.stringify(doc)), ir)).toEqual(today.ok && today.data);
  });

  it("a UTF-16 file gets a message that says so", () => {
    const text = '{"partners": [], "orders": []}';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(failure(write("utf16.json", utf16))).toMatch(/utf16\.json: the file is UTF-16 text .*save it as UTF-8$/);
    expect(failure(write("utf16-nobom.jsonl", Buffer.from(text, "utf16le")))).toMatch(/UTF-16/);
  });
});

const P = (id: string, sponsor: string | null) => ({ type: "partner", id, sponsor, joined: "2026-01-01" });
const O = (id: string, buyer: string) => ({ type: "order", id, buyer, date: "2026-10-05", lines: [{ sku: "A", qty: 1, net: "10.00", points: "10" }] });
const line = (record: object) => JSON.stringify(record);

describe("JSON Lines problems, located as file:line plus the field", () => {
  it("lists a broken line, a schema problem and a graph problem in one pass", () => {
    const f = write("broken.jsonl", [
      line(P("P1", null)),
      line(P("P2", "P1")),
      '{"type": "partner", "id": "P3", "sponsor": "P1" "joined": "2026-01-01"}',
      line({ ...P("P4", "P1"), joined: "2026-13-01" }),
      line(P("P5", "P4")), // P4 is broken, not unknown: no second problem
      line(O("O1", "X")),
      line({ type: "refund", id: "R1" }),
    ].join("\n"));
    const message = failure(f);
    const lines = message.split("\n");
    expect(lines[0]).toBe(`${f}:3: record: not valid JSON: expected \`,\` or \`}\` after a value in an object, found \`"\` at column 49`);
    expect(lines[1]).toMatch(new RegExp(`^${f}:4: joined \\(P4\\): \`joined\` must be .*got "2026-13-01"$`));
    expect(lines[2]).toBe(`${f}:6: buyer (O1): unknown buyer \`X\`: no partner or customer has this id`);
    expect(lines[3]).toBe(`${f}:7: type: \`type\` is "refund"; each line is one record with a \`type\` of "partner", "customer", "split", "order", "cancellation"`);
    expect(lines[4]).toBe(`${f}: 4 problems in the data; nothing was computed`);
  });

  it("names the line of the record a message refers to", () => {
    const f = write("dup.jsonl", [line(P("P1", null)), line(P("P1", null))].join("\n") + "\n");
    expect(failure(f).split("\n")[0]).toBe(`${f}:2: id (P1): duplicate id \`P1\`: already used by line 1`);
  });

  it("lists the first 100 problems, then the count per kind", () => {
    const records = [line(P("P1", null))];
    for (let i = 0; i < 250; i++) records.push(line(O(`O${i}`, "NOBODY")));
    for (let i = 0; i < 5; i++) records.push("{");
    const message = failure(write("many.jsonl", records.join("\n")));
    const lines = message.split("\n");
    expect(lines).toHaveLength(102);
    expect(lines[99]).toMatch(/many\.jsonl:101: buyer \(O99\): unknown buyer/);
    expect(lines[100]).toMatch(/many\.jsonl: … and 155 more: 150 at orders\[\]\.buyer, 5 at not valid JSON$/);
    expect(lines[101]).toMatch(/many\.jsonl: 255 problems in the data; nothing was computed$/);
  });
});

describe("duplicate keys are bad input (issue 11, item 2)", () => {
  it("in a JSON document: the key, the record and its line and column", () => {
    const text = '{"partners": [{"id": "P1", "sponsor": null, "joined": "2026-01-01"}],\n "orders": [\n  {"id": "O1", "buyer": "P1", "date": "2026-10-05", "lines": [{"sku": "A", "qty": 1, "net": "19.90", "net": "1990.00", "points": "1"}]}\n]}';
    const f = write("dupkey.json", text);
    expect(failure(f).split("\n")[0]).toBe(`${f}: orders[0]: duplicate key "net" in one object (the second would silently replace the first) at line 3, column 102`);
  });

  it("a second top-level section is a duplicate key, not a silent replacement", () => {
    const f = write("dupsection.json", '{"partners": [], "orders": [{"id": "O1"}],\n"orders": []}');
    expect(failure(f)).toBe(`${f}: duplicate key "orders" in the document (the second would silently replace the first) at line 2, column 8`);
  });

  it("in a JSON Lines record", () => {
    const f = write("dupkey.jsonl", line(P("P1", null)) + '\n{"type": "order", "id": "O1", "id": "O2", "buyer": "P1"}\n');
    expect(failure(f).split("\n")[0]).toBe(`${f}:2: record: duplicate key "id" in one object (the second would silently replace the first) at column 31`);
  });
});

describe("JSON syntax errors carry line and column (issue 11, item 13)", () => {
  it("outside the records and inside one", () => {
    const outside = write("outside.json", '{"partners": [],\n  "orders" []}');
    expect(failure(outside)).toBe(`${outside}: not valid JSON: expected \`:\` after the key "orders", found \`[\` at line 2, column 12`);
    const inside = write("inside.json", '{"partners": [\n  {"id": "A",\n}], "orders": []}');
    expect(failure(inside).split("\n")[0]).toBe(`${inside}: partners[0]: not valid JSON: expected a key in double quotes, found \`}\` at line 3, column 1`);
  });

  it("a raw newline or control character is shown escaped, never raw", () => {
    const f = write("ctl.jsonl", '{"type": "partner", "id": "P\u0001"}\n');
    const first = failure(f).split("\n")[0]!;
    expect(first).toContain("`\\u0001`");
    expect(first).not.toContain("\u0001");
  });

  it("the end of the document missing", () => {
    const f = write("short.json", '{"partners": [');
    expect(failure(f)).toMatch(/short\.json: not valid JSON: the data document ends early .* at line 1, column 15$/);
  });
});

describe("one pass: schema problems no longer hide graph problems (issue 8)", () => {
  it("a bad date and an unknown buyer are listed together", () => {
    const v = validateData({
      partners: [{ id: "P1", sponsor: null, joined: "2026-01-01" }, { id: "P2", sponsor: "P1", joined: "yesterday" }],
      orders: [{ id: "O1", buyer: "X", date: "2026-10-05", lines: [{ sku: "A", qty: 1 }] }],
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems.map((p) => p.path)).toEqual(["partners[1].joined", "orders[0].buyer"]);
  });

  it("1e309 is named as too large, not as null (issue 11, item 15)", () => {
    const f = write("huge.json", '{"partners": [{"id": "P1", "sponsor": null, "joined": "2026-01-01"}], "orders": [{"id": "O1", "buyer": "P1", "date": "2026-10-05", "lines": [{"sku": "A", "qty": 1e309}]}]}');
    const first = failure(f).split("\n")[0]!;
    expect(first).toContain("got a number too large to read");
    expect(first).not.toContain("got null");
  });
});

describe("the document scanner across chunk boundaries", () => {
  it("cuts out the same records whatever the chunk size", async () => {
    const { DocumentScanner } = await import("../../../runtime/data/stream/documentScanner.ts");
    const text = readFileSync(root + "samples/stage-speaker.data.json", "utf8").replace('"partners"', '"p\\u0061rtners"');
    const doc = JSON.parse(text) as Record<string, unknown[]>;
    for (const size of [1, 7, 64, 1000]) {
      const got: Record<string, unknown[]> = {};
      const lines: number[] = [];
      const scanner = new DocumentScanner({
        list(section) { got[section] = []; },
        element(section, _index, elementText, line) { got[section]!.push(JSON.parse(elementText)); lines.push(line); },
        other() { throw new Error("no other values here"); },
      });
      for (let i = 0; i < text.length; i += size) scanner.feed(text.slice(i, i + size));
      scanner.end();
      expect(got, `chunks of ${size}`).toEqual(doc);
      const firstOrder = text.slice(0, text.indexOf("{", text.indexOf('"orders"'))).split("\n").length;
      expect(lines).toContain(firstOrder);
    }
  });
});

describe("records.schema.json, the JSON Schema of a JSON Lines line", () => {
  it("accepts every line of a bundled sample as JSON Lines and refuses an unknown type", async () => {
    const { createAjv } = await import("../../../tools/schemas/ajvSetup.ts");
    const ajv = createAjv();
    ajv.addSchema(JSON.parse(readFileSync(root + "runtime/data/data.schema.json", "utf8")));
    const validate = ajv.compile(JSON.parse(readFileSync(root + "runtime/data/records.schema.json", "utf8")));
    const doc = JSON.parse(readFileSync(root + "samples/stage-speaker.data.json", "utf8"));
    const lines = toJsonLines(doc).trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(50);
    for (const l of lines) expect(validate(JSON.parse(l)), l).toBe(true);
    expect(validate({ type: "refund", id: "R1" })).toBe(false);
    expect(validate({ type: "partner", id: "P1", sponsor: null })).toBe(false);
  });
});

describe("comp generate streams JSON or JSON Lines by the --out extension", () => {
  it("writes the same records both ways, and the JSON is today's formatDataDocument", async () => {
    const { runCli } = await import("../../../cli/main.ts");
    const { formatDataDocument } = await import("../../../tools/samples/format.ts");
    const { generateData } = await import("../../../tools/samples/generate.ts");
    const json = join(dir, "gen.json");
    const jsonl = join(dir, "gen.jsonl");
    const args = ["generate", "--partners", "300", "--seed", "3", "--months", "2", "--splits", "5", "--cancellations", "5"];
    expect(runCli([...args, "--out", json]).stderr).toMatch(/^wrote .*gen\.json \(300 partners, \d+ orders\)\n$/);
    expect(runCli([...args, "--out", jsonl]).exitCode).toBe(0);
    const doc = generateData({ partners: 300, seed: 3, months: 2, splits: 5, cancellations: 5 });
    expect(readFileSync(json, "utf8")).toBe(formatDataDocument(doc));
    expect(runCli(args).stdout).toBe(formatDataDocument(doc));
    expect(readFileSync(jsonl, "utf8")).toBe(toJsonLines(doc as unknown as Record<string, unknown[]>).replace(/"type":"(\w+)",/g, '"type":"$1",'));
    expect(readDataFile(jsonl, ir)).toEqual(readDataFile(json, ir));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
