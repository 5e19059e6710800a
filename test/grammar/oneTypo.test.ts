/**
 * One typo, one diagnostic: for single-character edits in the middle of vitalis-classic.plan
 * (deleting, duplicating or replacing a character), parsePlan reports at most one syntax error.
 *
 * Known exceptions (why the bar is not 100%): a `"` typed over a letter of a bonus or split
 * title (`"Ebene"nbonus"`) can turn the rest of the title into the keyword `bonus`, which starts
 * a new item; the unterminated string after it is a second, separate problem.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../../grammar/parse.ts";

const text = readFileSync(new URL("../../plans/vitalis-classic.plan", import.meta.url), "utf8");

/** Offsets of the code characters (not whitespace, not comments) of lines first..last (1-based). */
function codePositions(first: number, last: number): number[] {
  const positions: number[] = [];
  let offset = 0;
  text.split("\n").forEach((line, index) => {
    const lineNumber = index + 1;
    const comment = line.indexOf("#");
    const codeEnd = comment < 0 ? line.length : comment;
    if (lineNumber >= first && lineNumber <= last) {
      for (let i = 0; i < codeEnd; i++) if (!/\s/.test(line[i]!)) positions.push(offset + i);
    }
    offset += line.length + 1;
  });
  return positions;
}

// lines 12-66: from `ranks {` to the end of the cancellation block
const positions = codePositions(12, 66);

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const SYMBOLS = "{}()[]:;,.%$@!?<>=+-*/\\\"'#&|^~`";

/** A deterministic pseudo-random pick, so failures are reproducible. */
function pick(pool: string, position: number, salt: number): string {
  return pool[(position * 7919 + salt * 104729) % pool.length]!;
}

type Edit = (p: number) => string;
const edits: Record<string, Edit> = {
  delete: (p) => text.slice(0, p) + text.slice(p + 1),
  duplicate: (p) => text.slice(0, p) + text[p] + text.slice(p),
  "replace with a letter": (p) => text.slice(0, p) + pick(LETTERS, p, 1) + text.slice(p + 1),
  "replace with a digit": (p) => text.slice(0, p) + pick(DIGITS, p, 2) + text.slice(p + 1),
  "replace with a symbol": (p) => text.slice(0, p) + pick(SYMBOLS, p, 3) + text.slice(p + 1),
  "swap with the next character": (p) => text.slice(0, p) + text.slice(p + 1, p + 2) + text[p] + text.slice(p + 2),
};

describe("one typo gives at most one diagnostic", () => {
  it("the middle block has enough positions to mean something", () => {
    expect(positions.length).toBeGreaterThan(700);
    expect(parsePlan(text).diagnostics).toEqual([]);
  });

  for (const [name, edit] of Object.entries(edits)) {
    it(name, () => {
      const failures: string[] = [];
      for (const p of positions) {
        const { diagnostics } = parsePlan(edit(p));
        if (diagnostics.length > 1) {
          failures.push(`${name} at ${p} (${JSON.stringify(text.slice(p - 8, p + 8))}): ${diagnostics.map((d) => d.message).join(" | ")}`);
        }
      }
      const fraction = 1 - failures.length / positions.length;
      console.log(`one typo, ${name}: ${positions.length - failures.length}/${positions.length} (${(fraction * 100).toFixed(2)}%) give at most one diagnostic`);
      if (failures.length > 0) console.log(failures.join("\n"));
      expect(fraction).toBeGreaterThanOrEqual(0.995);
    });
  }

  it("a letter missing from a keyword is named, with the keyword it probably was", () => {
    const p = text.indexOf("requires Senior") + 2;
    const { diagnostics } = parsePlan(text.slice(0, p) + text.slice(p + 1));
    expect(diagnostics.map((d) => d.message)).toEqual(["unknown word `reuires`"]);
    expect(diagnostics[0]!.suggestion).toBe("did you mean `requires`?");
  });
});
