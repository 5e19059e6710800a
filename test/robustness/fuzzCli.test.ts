/**
 * Issue 11: the CLI on random input — random bytes as a plan or a data file, random JSON as data,
 * random mutations of the bundled data and plan. Whatever comes in, comp answers with one of
 * its exit codes (0 ok, 1 plan/data errors, 2 command line, 3 refused, 4 write failed) and never
 * a stack trace or an internal error (exit 70).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import { STACK_TRACE } from "./childProcess.ts";

const root = new URL("../../", import.meta.url);
const PLAN = new URL("plans/vitalis-classic.plan", root).pathname;
const planText = readFileSync(PLAN, "utf8");
const tinyText = readFileSync(new URL("samples/tiny.data.json", root), "utf8");
const tiny: unknown = JSON.parse(tinyText);
const dir = mkdtempSync(join(tmpdir(), "comp-fuzz-"));
let fileNo = 0;

function file(content: string | Uint8Array, ext: string): string {
  const path = join(dir, `f${fileNo++}.${ext}`);
  writeFileSync(path, content);
  return path;
}

function expectCleanAnswer(argv: string[]): void {
  const out = runCli(argv);
  expect([0, 1, 2, 3, 4], `exit ${out.exitCode}: ${out.stderr.slice(0, 400)}`).toContain(out.exitCode);
  expect(out.stderr).not.toMatch(STACK_TRACE);
  expect(out.stderr).not.toMatch(/internal error/);
}

const runData = (data: string) => ["run", PLAN, "--data", data, "--through", "2026-11"];

/** A random change somewhere in a JSON value: a replaced, removed or added field or element. */
function mutate(value: unknown, path: number[], replacement: unknown, mode: number): unknown {
  if (path.length === 0 || value === null || typeof value !== "object") return mode === 0 ? replacement : value;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const i = head! % value.length;
    const copy = [...value];
    if (rest.length === 0 && mode === 1) copy.splice(i, 1);
    else if (rest.length === 0 && mode === 2) copy.splice(i, 0, replacement);
    else copy[i] = mutate(value[i], rest, replacement, mode);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return { x: replacement };
  const key = keys[head! % keys.length]!;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && mode === 1) delete copy[key];
  else copy[key] = mutate(copy[key], rest, replacement, mode);
  return copy;
}

describe("random input never breaks the CLI", () => {
  it("random bytes as the data file and as the plan file", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expectCleanAnswer(runData(file(bytes, "json")));
        expectCleanAnswer(runData(file(bytes, "jsonl")));
        expectCleanAnswer(["check", file(bytes, "plan")]);
      }),
      { numRuns: 60 },
    );
  });

  it("random JSON as the data file", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectCleanAnswer(runData(file(JSON.stringify(value), "json")))),
      { numRuns: 80 },
    );
  });

  it("random mutations of the bundled tiny sample", () => {
    const anyValue = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom("", "9999-12-31", "0001-01-01", "1e309", "-1", "P1", "\u202e\u0000", "1".repeat(80), "NaN"),
    );
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 5 }), anyValue, fc.nat(2), (path, replacement, mode) => {
        expectCleanAnswer(runData(file(JSON.stringify(mutate(tiny, path, replacement, mode)), "json")));
      }),
      { numRuns: 80 },
    );
  });

  it("random byte flips in the bundled data and plan texts", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean(), (at, byte, inPlan) => {
        const source = Buffer.from(inPlan ? planText : tinyText, "utf8");
        source[at % source.length] = byte;
        expectCleanAnswer(inPlan ? ["run", file(source, "plan"), "--data", new URL("samples/tiny.data.json", root).pathname, "--through", "2026-11"] : runData(file(source, "json")));
      }),
      { numRuns: 60 },
    );
  });

  it("random command lines", () => {
    const word = fc.oneof(fc.constantFrom("run", "check", "explain", "compare", "generate", "--data", "--through", "--json", "--help", "-", "--", "2026-11", PLAN), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (argv) => {
        if (argv.includes("-")) return; // standard input: not in-process
        expectCleanAnswer(argv);
      }),
      { numRuns: 150 },
    );
  });
});
