/** Issue 11, item 10: a huge plan is refused at once with the limit named; 10k repeated diagnostics print as a few lines. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import { compilePlan } from "../../compiler/compile.ts";
import { STACK_TRACE } from "./childProcess.ts";

const classic = readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8");
const dir = mkdtempSync(join(tmpdir(), "comp-size-"));

describe("plan size limits", () => {
  it("a plan of 300,000 characters is E008 naming the limit, at once", () => {
    const text = classic + "\n# " + "x".repeat(300_000) + "\n";
    const started = Date.now();
    const { ir, diagnostics } = compilePlan(text);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ir).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["E008", `the plan is ${text.length.toLocaleString("en-US")} characters long; comp reads plans of up to 250,000 characters (real plans have a few thousand): is this the plan file?`],
    ]);
  });

  it("a file of several megabytes given as the plan is refused before it is read (exit 1)", () => {
    const file = join(dir, "huge.plan");
    writeFileSync(file, "#".repeat(2_000_000));
    const out = runCli(["check", file]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toBe(`${file}: the file is 2,000,000 bytes; comp reads plans of up to 250,000 characters (real plans have a few thousand): is this the plan file?\n`);
  });

  it("10,000 ranks declared twice print ten diagnostics and one line for the rest", () => {
    const file = join(dir, "dups.plan");
    writeFileSync(file, classic.replace("ranks {", "ranks {\n" + "  Dup\n".repeat(10_000)));
    for (const argv of [["check", file], ["run", file, "--data", "x.json", "--through", "2026-11"]]) {
      const out = runCli(argv);
      expect(out.exitCode).toBe(1);
      expect(out.stderr).not.toMatch(STACK_TRACE);
      expect(out.stderr.match(/error E120/g)).toHaveLength(10);
      expect(out.stderr).toContain(`${file}: … and 9,989 more E120 like this\n`);
      expect(out.stderr.split("\n").length).toBeLessThan(100);
    }
  });
});
