/**
 * `--engine compiled|reference` on run, explain and compare: both engines print the same bytes;
 * the default is the compiled engine; anything else is a command-line error (exit 2). The API
 * names the engines the same way.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import * as api from "../../runtime/api.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const plan = `${root}plans/vitalis-classic.plan`;
const data = `${root}samples/tiny-cancelled.data.json`;

function both(args: string[]): void {
  const compiled = runCli([...args, "--engine", "compiled"]);
  const reference = runCli([...args, "--engine", "reference"]);
  const plain = runCli(args);
  expect(compiled.exitCode).toBe(0);
  expect(compiled.stdout).toBe(reference.stdout);
  expect(plain.stdout).toBe(compiled.stdout);
}

describe("--engine", () => {
  it("comp run prints the same statements and the same JSON with either engine", () => {
    both(["run", plan, "--data", data, "--through", "2027-01"]);
    both(["run", plan, "--data", data, "--through", "2027-01", "--json"]);
  });

  it("comp explain and comp compare agree across engines", () => {
    both(["explain", plan, "--data", data, "--period", "2026-11", "--partner", "P1"]);
    both(["compare", plan, "--data", data, "--through", "2027-01"]);
  });

  it("refuses an unknown engine as a command-line error", () => {
    const out = runCli(["run", plan, "--data", data, "--through", "2027-01", "--engine", "fast"]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain("`--engine` must be compiled or reference, got `fast`");
  });

  it("the API's default engine is the compiled one; both can be named", () => {
    expect(api.defaultEngine.name).toBe("compiled");
    expect(api.compiledEngine.name).toBe("compiled");
    expect(api.referenceEngine.name).toBe("reference");
  });
});
