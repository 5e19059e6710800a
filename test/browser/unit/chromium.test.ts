/** Without Chromium the browser tests must fail loudly, never skip. */
import { describe, expect, it } from "vitest";
import { CHROMIUM, requireChromium } from "../support/browser.ts";

describe("the Chromium check of the browser tests", () => {
  it("fails with a message that says how to install Chromium", () => {
    expect(() => requireChromium("/nonexistent/chromium")).toThrow(
      "/nonexistent/chromium is missing: the browser tests need Debian's Chromium. Install it with `apt-get update && apt-get install -y chromium`",
    );
  });

  it("passes on this machine, where .ci/run installs it", () => {
    expect(CHROMIUM).toBe("/usr/bin/chromium");
    expect(() => requireChromium()).not.toThrow();
  });
});
