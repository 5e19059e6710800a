/** Without a Chromium the browser tests must fail loudly, never skip; with only Node, npm brings one. */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHROMIUM, requireChromium, resolveChromium } from "../support/browser.ts";

describe("the Chromium of the browser tests", () => {
  it("fails with a message that says how to get Chromium", () => {
    expect(() => requireChromium("/nonexistent/chromium")).toThrow(
      "/nonexistent/chromium is missing: the browser tests need Debian's Chromium. Install it with `apt-get update && apt-get install -y chromium`, set CHROMIUM_PATH, or run `npm install`",
    );
  });

  it("takes CHROMIUM_PATH first, and names it when it is wrong", async () => {
    await expect(resolveChromium({ CHROMIUM_PATH: "/nonexistent/chromium" })).rejects.toThrow(
      "/nonexistent/chromium is missing: the browser tests need the Chromium named by CHROMIUM_PATH",
    );
  });

  it("uses the system Chromium when there is one", async () => {
    if (!existsSync(CHROMIUM)) return; // a machine with only Node: the next test covers it
    expect(await resolveChromium({})).toMatchObject({ executablePath: CHROMIUM, source: "system" });
  });

  it("falls back to the binary inside the npm package @sparticuz/chromium (a machine with only Node)", async () => {
    const choice = await resolveChromium({ COMP_FORCE_NPM_CHROMIUM: "1" });
    expect(choice.source).toBe("npm");
    expect(existsSync(choice.executablePath)).toBe(true);
  });
});
