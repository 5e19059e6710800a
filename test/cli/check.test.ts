import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const examples = fileURLToPath(new URL("../../docs/spec/examples/", import.meta.url));
const plans = readdirSync(`${root}plans`).filter((f) => f.endsWith(".plan")).map((f) => `${root}plans/${f}`);
const examplePlans = readdirSync(examples).filter((f) => f.endsWith(".plan")).map((f) => `${examples}${f}`);

describe("comp check", () => {
  it.each([...plans, ...examplePlans])("%s is clean", (file) => {
    const out = runCli(["check", file]);
    expect(out.stderr).toBe("");
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/: ok\npayout bound \(the most the plan can pay on one order, from the plan alone\):\n/);
  });

  it("finds the bundled plans", () => {
    expect(plans.length).toBeGreaterThanOrEqual(3);
    expect(examplePlans.length).toBe(9);
  });

  it("--json lists diagnostics with positions and exits 1 on errors", () => {
    const out = runCli(["check", `${root}test/cli/fixtures/typo.plan`, "--json"]);
    expect(out.exitCode).toBe(1);
    const doc = JSON.parse(out.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.diagnostics).toHaveLength(1);
    expect(doc.diagnostics[0]).toMatchObject({ code: "E100", severity: "error", line: 12, column: 24 });
    expect(doc.diagnostics[0].message).toContain("Senoir");
    expect(doc.diagnostics[0].suggestion).toContain("Senior");
  });

  it("prints file:line:col, the source line and a caret underline", () => {
    const file = `${root}test/cli/fixtures/typo.plan`;
    const out = runCli(["check", file]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe("");
    const lines = out.stderr.split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:12:24: error E100: .*Senoir`));
    expect(out.stderr).toContain("level 3: 5% requires Senoir");
    const caretLine = lines.find((l) => /\^+\s*$/.test(l))!;
    const sourceLine = lines.find((l) => l.includes("requires Senoir"))!;
    expect(caretLine.indexOf("^")).toBe(sourceLine.indexOf("Senoir"));
    expect((caretLine.match(/\^/g) ?? []).length).toBe("Senoir".length);
    expect(out.stderr).toMatch(/1 error/);
  });
});

describe("command line mistakes are usage errors, never stack traces", () => {
  const cases: [string[], RegExp][] = [
    [[], /usage:/],
    [["frobnicate"], /unknown command `frobnicate`/],
    [["check"], /missing <plan file>/],
    [["check", "a.plan", "b.plan"], /expected one <plan file>/],
    [["check", "plans/vitalis-classic.plan", "--verbose"], /has no option `--verbose`/],
    [["run", "plans/vitalis-classic.plan", "--through", "2026-10"], /missing `--data <file>`/],
    [["run", "plans/vitalis-classic.plan", "--data", "x.json", "--through", "October"], /must be a period like 2026-10, got `October`/],
    [["run", "plans/vitalis-classic.plan", "--data", "x.json", "--through", "2026-13"], /must be a period like/],
    [["run", "plans/vitalis-classic.plan", "--data"], /`--data` needs a value/],
    [["run", "plans/vitalis-classic.plan", "--data", "x", "--through", "2026-10", "--policy", "lenient"], /must be one of simple, previous-rank, exact/],
    [["generate"], /missing `--partners <n>`/],
    [["generate", "--partners", "ten"], /must be a whole number/],
  ];
  it.each(cases)("comp %j", (argv, message) => {
    const out = runCli(argv);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it("a missing plan file is named", () => {
    const out = runCli(["check", "no/such.plan"]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toBe("cannot read plan `no/such.plan`: no such file\n");
  });
});
