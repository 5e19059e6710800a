/**
 * `comp check` on every broken plan of the diagnostics suite prints each expected diagnostic as
 * `file:line:col: severity CODE: message` and exits 1 exactly when an error is expected. (The
 * suite in test/diagnostics pins the diagnostics themselves; this pins what the user sees.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";

const casesDir = fileURLToPath(new URL("../diagnostics/cases/", import.meta.url));
const cases = readdirSync(casesDir).filter((f) => f.endsWith(".plan")).sort();

describe("comp check on the broken plans", () => {
  it("has the suite's cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)("%s", (name) => {
    const file = casesDir + name;
    const expectations = readFileSync(file, "utf8")
      .split("\n")
      .map((l) => /^# expect: ([EW]\d{3}) (\d+):(\d+)-\d+:\d+ (.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    expect(expectations.length).toBeGreaterThan(0);
    const out = runCli(["check", file]);
    const printed = out.stdout + out.stderr;
    for (const [, code, line, col, message] of expectations) {
      const severity = code!.startsWith("E") ? "error" : "warning";
      expect(printed).toContain(`${file}:${line}:${col}: ${severity} ${code}: ${message}`);
    }
    const expectsError = expectations.some((m) => m[1]!.startsWith("E"));
    expect(out.exitCode).toBe(expectsError ? 1 : 0);
    expect(printed).not.toMatch(/\n\s+at /);
  });
});
