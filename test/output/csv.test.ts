import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import { CliFailure } from "../../cli/io.ts";
import { writeFilesAtomically } from "../../cli/outDir.ts";
import { compilePlan } from "../../compiler/compile.ts";
import { validateData } from "../../runtime/data/validate.ts";
import { textField } from "../../runtime/output/csv.ts";
import { LEDGER_COLUMNS, ledgerCsvChunks } from "../../runtime/output/ledgerCsv.ts";
import { ranksCsvChunks } from "../../runtime/output/ranksCsv.ts";
import { viewOfDocument } from "../../core/resultView.ts";
import { joinChunks } from "../../runtime/output/sink.ts";
import { statementsCsvChunks } from "../../runtime/output/statementsCsv.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";
import type { ResultDocument } from "../../core/result.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ",") { row.push(field); field = ""; i++; continue; }
    if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i += 2; continue; }
    if (c === "\n") throw new Error(`bare LF at ${i}`);
    field += c; i++;
  }
  if (field !== "" || row.length > 0) throw new Error("last row without CRLF");
  return rows;
}

function run(plan: string, data: string): ResultDocument {
  const { ir } = compilePlan(readFileSync(root + plan, "utf8"));
  const v = validateData(JSON.parse(readFileSync(root + data, "utf8")));
  if (!ir || !v.ok) throw new Error("fixture does not load");
  const through = v.data.orders.map((o) => o.date.slice(0, 7)).sort().at(-1)!;
  const outcome = referenceEngine.runThrough(ir, v.data, { through });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result;
}

describe("CSV fields", () => {
  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(textField("plain")).toBe("plain");
    expect(textField("a,b")).toBe('"a,b"');
    expect(textField('say "hi"')).toBe('"say ""hi"""');
    expect(textField("two\nlines")).toBe('"two\nlines"');
    expect(textField("cr\rhere")).toBe('"cr\rhere"');
  });

  it("guards text that a spreadsheet would run as a formula with a leading '", () => {
    expect(textField("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(textField("+1")).toBe("'+1");
    expect(textField("-X")).toBe("'-X");
    expect(textField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(textField("\tx")).toBe("'\tx");
  });
});

describe("CSV writers", () => {
  // stage-speaker has clawbacks (cancellation, reverses) and split portions.
  const result = run("plans/vitalis-classic.plan", "samples/stage-speaker.data.json");
  const periods = viewOfDocument(result).periods;

  it("ledger.csv has one row per entry with every attribution field of the result document", () => {
    const rows = parseCsv(joinChunks(ledgerCsvChunks(periods)));
    expect(rows[0]).toEqual([...LEDGER_COLUMNS]);
    const entries = result.periods.flatMap((p) => p.ledger.map((e) => ({ period: p.period, ...e })));
    expect(rows.length - 1).toBe(entries.length);
    expect(entries.some((e) => e.reverses !== undefined)).toBe(true);
    entries.forEach((entry, k) => {
      const row = rows[k + 1]!;
      for (const [name, value] of Object.entries(entry)) {
        expect(row[LEDGER_COLUMNS.indexOf(name as (typeof LEDGER_COLUMNS)[number])], `${entry.id}.${name}`).toBe(String(value));
      }
      // Every field of an entry has a column: nothing is dropped.
      for (const name of Object.keys(entry)) expect(LEDGER_COLUMNS).toContain(name);
    });
  });

  it("statements.csv and ranks.csv have one row per partner and period, in string order of id", () => {
    const statements = parseCsv(joinChunks(statementsCsvChunks(periods)));
    const ranks = parseCsv(joinChunks(ranksCsvChunks(periods)));
    expect(statements[0]).toEqual(["period", "final", "partner", "earned", "carriedIn", "payout", "carriedOut"]);
    expect(ranks[0]).toEqual(["period", "final", "partner", "rank", "active", "PV personal", "PV group", "PV open", "CV personal", "CV group", "CV open"]);
    const expected = result.periods.flatMap((p) =>
      Object.keys(p.statements).sort().map((id) => {
        const s = p.statements[id]!;
        return [p.period, String(p.final), id, s.earned, s.carriedIn, s.payout, s.carriedOut];
      }),
    );
    expect(statements.slice(1)).toEqual(expected);
    const rankRows = result.periods.flatMap((p) =>
      Object.keys(p.ranks).sort().map((id) => {
        const v = p.volumes[id]!;
        return [p.period, String(p.final), id, p.ranks[id] ?? "", String(p.active[id]), v.PV!.personal, v.PV!.group, v.PV!.open, v.CV!.personal, v.CV!.group, v.CV!.open];
      }),
    );
    expect(ranks.slice(1)).toEqual(rankRows);
  });
});

describe("comp run --out DIR", () => {
  it("writes the three CSV files and nothing else", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "comp-out-")), "month");
    const out = runCli(["run", `${root}plans/vitalis-classic.plan`, "--data", `${root}samples/tiny.data.json`, "--through", "2026-12", "--out", dir]);
    expect(out.stderr).toBe("");
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^wrote .*statements\.csv \(36 rows\), .*ledger\.csv \(71 rows\), .*ranks\.csv \(36 rows\) for 3 periods\n$/);
    expect(readdirSync(dir).sort()).toEqual(["ledger.csv", "ranks.csv", "statements.csv"]);
    expect(parseCsv(readFileSync(join(dir, "ledger.csv"), "utf8"))).toHaveLength(72);
  });

  it("refuses a file as the output folder with exit 2", () => {
    const file = join(mkdtempSync(join(tmpdir(), "comp-out-")), "taken");
    writeFileSync(file, "x");
    const out = runCli(["run", `${root}plans/vitalis-classic.plan`, "--data", `${root}samples/tiny.data.json`, "--through", "2026-12", "--out", file]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/cannot use `.*taken` as the output folder/);
  });

  it("an injected full disk while writing the second file leaves the folder as it was (exit 4)", () => {
    const dir = mkdtempSync(join(tmpdir(), "comp-out-"));
    writeFileSync(join(dir, "ledger.csv"), "last month's ledger");
    let writes = 0;
    const failing = {
      write() {
        if (++writes === 2) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      },
    };
    const files = [
      { name: "statements.csv", chunks: ["a\r\n"] },
      { name: "ledger.csv", chunks: ["b\r\n", "c\r\n"] },
    ];
    let failure: unknown;
    try {
      writeFilesAtomically(dir, files, failing);
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(CliFailure);
    expect((failure as CliFailure).exitCode).toBe(4);
    expect((failure as CliFailure).message).toMatch(/cannot write `.*ledger\.csv`: no space left on the device \(ENOSPC\); nothing was written/);
    expect(readdirSync(dir)).toEqual(["ledger.csv"]);
    expect(readFileSync(join(dir, "ledger.csv"), "utf8")).toBe("last month's ledger");
  });

  it("a failure inside a writer halfway through leaves no file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "comp-out-"));
    function* breaksAfterOneChunk(): Generator<string> {
      yield "period,id\r\n";
      throw new Error("engine bug");
    }
    expect(() => writeFilesAtomically(dir, [{ name: "statements.csv", chunks: ["x\r\n"] }, { name: "ledger.csv", chunks: breaksAfterOneChunk() }])).toThrow("engine bug");
    expect(readdirSync(dir)).toEqual([]);
  });
});
