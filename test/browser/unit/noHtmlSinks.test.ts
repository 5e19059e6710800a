/**
 * Nothing from a URL, a plan or a data file may become HTML: the playground builds its DOM with
 * createElement and textContent only. This test reads every source file and allows no HTML
 * sink at all (there is no constant-string exception to check either).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../../playground/src/", import.meta.url));
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|srcdoc|DOMParser)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : /\.(ts|html|css)$/.test(name) ? [path] : [];
    });
}

describe("playground sources", () => {
  const files = sources(SRC);

  it("are found", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.slice(SRC.length)]))("%s writes no HTML strings into the page", (file) => {
    const lines = readFileSync(join(SRC, file), "utf8").split("\n");
    const hits = lines.map((line, i) => `${i + 1}: ${line.trim()}`).filter((line) => SINKS.test(line));
    expect(hits).toEqual([]);
  });

  it("has an index.html without inline scripts or external resources", () => {
    const html = readFileSync(join(SRC, "..", "index.html"), "utf8");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="./src/main.ts">']);
  });
});
