/**
 * Every fixture in test/data/bad/ is a data document with one kind of bad input and the exact
 * problems validateData must report for it (path, id, message, in order).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DataProblem } from "../../core/dataModel.ts";
import { validateData } from "../../runtime/data/validate.ts";

interface BadFixture {
  description: string;
  document: unknown;
  problems: DataProblem[];
}

const folder = new URL("./bad/", import.meta.url);
const names = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .sort();

function load(name: string): BadFixture {
  return JSON.parse(readFileSync(new URL(name, folder), "utf8")) as BadFixture;
}

describe("bad data fixtures", () => {
  it("has a fixture for every kind of bad input (at least 25)", () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    it(`${name}: ${load(name).description}`, () => {
      const fixture = load(name);
      expect(fixture.problems.length).toBeGreaterThan(0);
      const result = validateData(fixture.document);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toEqual(fixture.problems);
    });
  }
});
