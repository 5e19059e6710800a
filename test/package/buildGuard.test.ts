/**
 * scripts/buildPackage.ts removes its output folder before building: `outputFolder` refuses a
 * folder that is the checkout or holds it (tested on the check alone, so that a broken check can
 * never remove anything here).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { outputFolder } from "../../scripts/buildPackage.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("buildPackage's output folder", () => {
  for (const outDir of [".", "..", "/", root, "lib/.."]) {
    it(`refuses ${JSON.stringify(outDir === root ? "<checkout>" : outDir)}`, () => {
      expect(() => outputFolder(outDir)).toThrow(/refusing to build into .*: it holds the checkout/);
    });
  }
  it("takes a folder inside the checkout or beside it", () => {
    expect(outputFolder("lib")).toBe(join(root, "lib"));
    expect(outputFolder("node_modules/.cache/comp-bench-lib")).toBe(join(root, "node_modules/.cache/comp-bench-lib"));
    expect(outputFolder("../lib-elsewhere")).toBe(join(root, "..", "lib-elsewhere"));
  });
});
