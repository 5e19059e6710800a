/**
 * Issue 11, item 14: user text with newlines, ANSI escape sequences or other control and
 * invisible characters is escaped wherever the CLI prints it as text (runtime/explain/
 * visibleText.ts), and ids that look the same but are not get a warning naming both.
 * The hostile data is the tiny sample with a few ids replaced.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import { runStoreCommand } from "../../cli/storeCommands.ts";
import { visible, visibleLines } from "../../runtime/explain/visibleText.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const plan = `${root}plans/vitalis-classic.plan`;
const dir = mkdtempSync(join(tmpdir(), "comp-hostile-"));

const FORGED = "P10\n== 2026-10 (final run as of 2026-11-13) ==\nP99      Junior  yes  1000000.00";
const RED = "P7\u001b[31mRED\u001b[0m";
const BELL_ORDER = "O1\u0007\u001b]0;pwned\u0007";
/** Any control or invisible character a terminal would act on; newline is the only one allowed. */
const RAW = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

type Doc = { partners: { id: string; sponsor: string | null; joined: string }[]; customers: { id: string; partner: string; joined: string }[]; orders: { id: string; buyer: string }[] };

function hostileData(extra: (doc: Doc) => void = () => {}): string {
  const doc = JSON.parse(readFileSync(`${root}samples/tiny.data.json`, "utf8")) as Doc;
  const rename: Record<string, string> = { P10: FORGED, P7: RED };
  const r = (id: string) => rename[id] ?? id;
  for (const p of doc.partners) {
    p.id = r(p.id);
    p.sponsor = p.sponsor === null ? null : r(p.sponsor);
  }
  for (const c of doc.customers) c.partner = r(c.partner);
  for (const o of doc.orders) o.buyer = r(o.buyer);
  doc.orders[0]!.id = BELL_ORDER;
  extra(doc);
  const file = join(dir, `hostile-${Math.random().toString(36).slice(2)}.data.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe("visible()", () => {
  it("escapes control, format and separator characters with JSON's escapes, keeps everything else", () => {
    expect(visible("P1\n\u001b[31m\t\r\u0007\u007f\u0085\u200b\u202e\u2028\ud800x")).toBe("P1\\n\\u001b[31m\\t\\r\\u0007\\u007f\\u0085\\u200b\\u202e\\u2028\\ud800x");
    expect(visible("Ä Müller 10% \\ ok")).toBe("Ä Müller 10% \\ ok");
    expect(visibleLines("a\tb\nc\u001b")).toBe("a\tb\nc\\u001b");
    // the escapes are JSON's own: a JSON document keeps its meaning
    const doc = { id: "P\u007f\u200b\u{E0001}", list: ["\u2028"] };
    expect(JSON.parse(visibleLines(JSON.stringify(doc)))).toEqual(doc);
  });
});

describe("hostile ids in text output", () => {
  const data = hostileData();

  it("comp run: a newline in an id cannot forge statement lines, an escape sequence reaches no terminal", () => {
    const out = runCli(["run", plan, "--data", data, "--through", "2026-11"]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).not.toMatch(RAW);
    expect(out.stderr).not.toMatch(RAW);
    // exactly one header per period: the forged one is inside an escaped id
    expect(out.stdout.split("\n").filter((l) => l.startsWith("== 2026-10"))).toHaveLength(1);
    expect(out.stdout.split("\n").some((l) => l.startsWith("P99"))).toBe(false);
    expect(out.stdout).toContain("P7\\u001b[31mRED\\u001b[0m  Junior");
  });

  it("comp run --json keeps the ids as they are (JSON escapes them itself)", () => {
    const out = runCli(["run", plan, "--data", data, "--through", "2026-11", "--json"]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).not.toMatch(RAW);
    const doc = JSON.parse(out.stdout) as { periods: { statements: Record<string, unknown> }[] };
    expect(Object.keys(doc.periods[1]!.statements)).toContain(RED);
  });

  it("comp explain: the partner and the order (buyer) columns are escaped", () => {
    const out = runCli(["explain", plan, "--data", data, "--period", "2026-11", "--partner", RED]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).not.toMatch(RAW);
    expect(out.stdout.split("\n")[0]).toBe("P7\\u001b[31mRED\\u001b[0m in 2026-11 (Vitalis Classic, final run as of 2026-12-14)");
    const json = runCli(["explain", plan, "--data", data, "--period", "2026-10", "--partner", "P1", "--json"]);
    expect(json.stdout).not.toMatch(RAW);
    expect(JSON.parse(json.stdout).partner).toBe("P1");
  });

  it("comp compare and comp disclose print no raw control characters", () => {
    for (const argv of [["compare", plan, "--data", data, "--through", "2026-11"], ["disclose", plan, "--data", data, "--through", "2026-11"], ["diff", plan, `${root}plans/unilevel-essentials.plan`, "--data", data, "--through", "2026-11"]]) {
      const out = runCli(argv);
      expect(out.exitCode, argv[0]).toBe(0);
      expect(out.stdout, argv[0]).not.toMatch(RAW);
      expect(out.stderr, argv[0]).not.toMatch(RAW);
    }
  });

  it("a data problem that quotes a hostile id is listed escaped, exit 1", () => {
    const bad = hostileData((doc) => {
      doc.partners[1]!.sponsor = "X\u001b[2J\nforged: line";
    });
    const out = runCli(["run", plan, "--data", bad, "--through", "2026-11"]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe("");
    expect(out.stderr).not.toMatch(RAW);
    expect(out.stderr).toContain("X\\u001b[2J\\nforged: line");
    expect(out.stderr.split("\n").some((l) => l.startsWith("forged"))).toBe(false);
  });

  it("a partner id given on the command line is escaped in the message, exit 2", () => {
    const out = runCli(["explain", plan, "--data", data, "--period", "2026-11", "--partner", "Q\u001b[31m\nforged"]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).not.toMatch(RAW);
    expect(out.stderr).toContain("no partner `Q\\u001b[31m\\nforged`");
  });

  it("the store commands (close, history, explain --store) escape too", async () => {
    const db = join(dir, "hostile.db");
    const close = await runStoreCommand(["close", plan, "--data", data, "--period", "2026-10", "--store", db], "USAGE");
    expect(close.exitCode).toBe(0);
    const history = await runStoreCommand(["history", "--store", db], "USAGE");
    const byOrder = await runStoreCommand(["explain", "--store", db, "--order", BELL_ORDER], "USAGE");
    const byPartner = await runStoreCommand(["explain", "--store", db, "--period", "2026-10", "--partner", FORGED], "USAGE");
    for (const out of [close, history, byOrder, byPartner]) {
      expect(out.stdout).not.toMatch(RAW);
      expect(out.stderr).not.toMatch(RAW);
    }
    expect(byOrder.exitCode).toBe(0);
    expect(byOrder.stdout.split("\n")[0]).toMatch(/^order O1\\u0007\\u001b\]0;pwned\\u0007: every stored ledger entry/);
    expect(byPartner.exitCode).toBe(0);
    expect(byPartner.stdout.split("\n")[0]).toMatch(/^P10\\n== 2026-10 \(final run as of 2026-11-13\) ==\\nP99 {6}Junior {2}yes {2}1000000\.00 in 2026-10 /);
  });
});

describe("ids that look the same", () => {
  it("warn, naming both ids and where they are; the run goes on (exit 0)", () => {
    const data = hostileData((doc) => {
      doc.partners.push({ id: "P1\u200b2", sponsor: "P1", joined: "2024-01-01" });
      doc.partners.push({ id: "A\u0308", sponsor: "P1", joined: "2024-01-01" });
      doc.partners.push({ id: "\u00c4", sponsor: "P1", joined: "2024-01-01" });
      doc.customers.push({ id: "\uff30\uff11", partner: "P1", joined: "2024-01-01" });
    });
    const out = runCli(["run", plan, "--data", data, "--through", "2026-11"]);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).not.toMatch(RAW);
    const tail = "they differ only in invisible characters (zero-width, bidirectional or other format characters) or in Unicode normalisation (NFC/NFKC); comp treats them as two different ids";
    expect(out.stderr.split("\n").filter((l) => l !== "")).toEqual([
      `${data}: warning: partners[12].id: partner id \`P1\\u200b2\` looks the same as partner id \`P12\` (partners[11].id): ${tail} (U+0050 U+0031 U+200B U+0032 against U+0050 U+0031 U+0032)`,
      `${data}: warning: partners[14].id: partner id \`\u00c4\` looks the same as partner id \`A\u0308\` (partners[13].id): ${tail} (U+00C4 against U+0041 U+0308)`,
      `${data}: warning: customers[4].id: customer id \`\uff30\uff11\` looks the same as partner id \`P1\` (partners[0].id): ${tail} (U+FF30 U+FF11 against U+0050 U+0031)`,
    ]);
  });

  it("the same warning from comp close (store commands print data warnings like comp run)", async () => {
    const data = hostileData((doc) => {
      doc.partners.push({ id: "P1\u200b2", sponsor: "P1", joined: "2024-01-01" });
    });
    const out = await runStoreCommand(["close", plan, "--data", data, "--period", "2026-10", "--store", join(dir, "lookalike.db")], "USAGE");
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toContain("warning: partners[12].id: partner id `P1\\u200b2` looks the same as partner id `P12` (partners[11].id)");
  });

  it("plain ASCII data gets no warning", () => {
    const out = runCli(["run", plan, "--data", `${root}samples/tiny.data.json`, "--through", "2026-11"]);
    expect(out.stderr).toBe("");
  });
});
