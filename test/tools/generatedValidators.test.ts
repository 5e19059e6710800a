/**
 * The checked-in validators of core/generated/ are what tools/schemas/generateValidators.ts makes
 * from today's schemas: a schema edited (or ajv upgraded) without regenerating fails here.
 * `npm run generate:validators` runs this file with `-u`, which rewrites the file snapshots.
 */
import { describe, expect, it } from "vitest";
import { generatedValidatorModules } from "../../tools/schemas/generateValidators.ts";

describe("generated schema validators", () => {
  const modules = generatedValidatorModules();

  it("cover the IR, result and data schemas", () => {
    expect([...modules.keys()].sort()).toEqual([
      "core/generated/dataValidators.ts",
      "core/generated/irValidator.ts",
      "core/generated/resultValidator.ts",
    ]);
  });

  for (const [path, text] of modules) {
    it(`${path} is up to date (npm run generate:validators)`, async () => {
      await expect(text).toMatchFileSnapshot(`../../${path}`);
    });

    it(`${path} needs no eval, no require and no ajv at run time`, () => {
      expect(text).not.toMatch(/new Function|\beval\(|\brequire\(|from "ajv/);
    });
  }
});
