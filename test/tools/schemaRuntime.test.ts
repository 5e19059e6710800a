/** Our stand-ins for ajv's runtime helpers agree with the originals (fast-deep-equal, ucs2length). */
import { createRequire } from "node:module";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepEqual, ucs2length } from "../../core/schemaRuntime.ts";

const require = createRequire(import.meta.url);
const ajvEqual = (require("ajv/dist/runtime/equal") as { default: (a: unknown, b: unknown) => boolean }).default;
const ajvLength = (require("ajv/dist/runtime/ucs2length") as { default: (s: string) => number }).default;

describe("schema runtime helpers", () => {
  it("count code points as ajv does, lone surrogates included", () => {
    expect(ucs2length("a😀b")).toBe(3);
    expect(ucs2length("\ud83d")).toBe(1);
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => ucs2length(text) === ajvLength(text)));
  });

  it("compare values as fast-deep-equal does", () => {
    expect(deepEqual({ a: [1, "x"] }, { a: [1, "x"] })).toBe(true);
    expect(deepEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true);
    const value = fc.oneof(fc.jsonValue(), fc.constant(Number.NaN));
    fc.assert(
      fc.property(value, value, (a, b) => deepEqual(a, b) === ajvEqual(a, b) && deepEqual(a, a) === ajvEqual(a, a)),
    );
  });
});
