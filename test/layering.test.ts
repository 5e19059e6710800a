/**
 * The layers of docs/ARCHITECTURE.md, checked on the import statements of every source file:
 *
 * - core/ (the contracts) imports nothing outside core/, and of the packages only decimal.js
 *   (the number type) as code: ajv's types only, never its compiler (tools/schemas/ajvSetup.ts);
 * - grammar/ imports only core/, and compiler/ only grammar/ and core/: the compiler and the
 *   runtime once imported each other; now the runtime depends on the compiler, never the reverse;
 * - what reads results or runs engines (runtime/compare, kpi, explain, output, analysis, shared)
 *   never imports runtime/reference/: it takes an Engine (core/engine.ts) or a result, so it
 *   works with either engine;
 * - grammar/, compiler/, runtime/, core/ and tools/ are browser-safe: no node:* module, and never
 *   cli/, playground/, store/, bench/ or test/; only the entries (runtime/surface.ts for the front
 *   ends, runtime/api.ts and runtime/api/ for embedders) reach tools/;
 * - cli/ and playground/ reach the rest only through runtime/surface.ts (cli/ may also use store/,
 *   the Node-only history); the playground may load the bundled data files in samples/ as text.
 *
 * A violation names the file, the import and the rule, so the fix is obvious: export the thing
 * from runtime/surface.ts, or move the code to the layer it belongs to.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = normalize(join(dirname(fileURLToPath(import.meta.url)), ".."));

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return; // a layer that does not exist (yet) has nothing to check
    }
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "dist") walk(path);
      } else if (/\.(ts|mts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path);
    }
  };
  walk(folder);
  return out;
}

/** One import: its module specifier, and whether it is `import type` / `export type` (erased: no code is loaded). */
interface Import {
  specifier: string;
  typeOnly: boolean;
}

/** Every static import, re-export and dynamic import. */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  // With verbatimModuleSyntax only `import type` is erased; `import { type A }` still loads the module.
  for (const m of code.matchAll(/(?:^|[\s;])(?:import|export)\s+(type\s+)?[^;]*?\sfrom\s*["']([^"']+)["']/g)) found.push({ specifier: m[2]!, typeOnly: m[1] !== undefined });
  for (const pattern of [/(?:^|[\s;])import\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g]) {
    for (const m of code.matchAll(pattern)) found.push({ specifier: m[1]!, typeOnly: false });
  }
  return found;
}

type Target = { kind: "node" } | { kind: "package"; name: string } | { kind: "file"; path: string };

function resolve(file: string, specifier: string): Target {
  if (specifier.startsWith("node:")) return { kind: "node" };
  if (!specifier.startsWith(".")) return { kind: "package", name: specifier };
  const bare = specifier.replace(/\?.*$/, "");
  return { kind: "file", path: relative(root, normalize(join(root, dirname(file), bare))).split("\\").join("/") };
}

const top = (path: string) => path.split("/")[0]!;
const BROWSER_SAFE = ["core", "grammar", "compiler", "runtime", "tools"];
const NEVER_FROM_CORE_LAYERS = ["cli", "playground", "store", "bench", "test"];
const SURFACE = "runtime/surface.ts";
const isEntry = (path: string) => path === SURFACE || path === "runtime/api.ts" || path.startsWith("runtime/api/");

/** Folders of runtime/ that must work with any engine: they never reach into the reference evaluator. */
const ENGINE_INDEPENDENT = ["runtime/compare/", "runtime/kpi/", "runtime/explain/", "runtime/output/", "runtime/analysis/", "runtime/shared/"];

/** The packages core/ may load code from: the number type. Any package's types are fine. */
const CORE_PACKAGES = ["decimal.js"];

/** The rule an import breaks, or null. */
function violation(file: string, specifier: string, typeOnly = false): string | null {
  const layer = top(file);
  const target = resolve(file, specifier);
  if (BROWSER_SAFE.includes(layer) && target.kind === "node") return `${layer}/ is browser-safe: no Node modules`;
  if (layer === "core" && target.kind === "package" && !typeOnly && !CORE_PACKAGES.includes(target.name)) return `core/ loads no package but ${CORE_PACKAGES.join(", ")} (types only from ${target.name})`;
  if (target.kind !== "file") return null;
  const to = top(target.path);
  if (layer === "core" && to !== "core") return "core/ imports nothing outside core/";
  if (BROWSER_SAFE.includes(layer) && NEVER_FROM_CORE_LAYERS.includes(to)) return `${layer}/ never imports ${to}/`;
  if (ENGINE_INDEPENDENT.some((f) => file.startsWith(f)) && target.path.startsWith("runtime/reference/")) return `${file.split("/").slice(0, 2).join("/")}/ works with any engine: it never imports runtime/reference/`;
  if (layer === "grammar" && to !== "grammar" && to !== "core") return "grammar/ imports only core/";
  if (layer === "compiler" && to !== "compiler" && to !== "grammar" && to !== "core") return "compiler/ imports only grammar/ and core/";
  if (layer !== "tools" && to === "tools" && !isEntry(file) && BROWSER_SAFE.includes(layer)) return "only the entries (runtime/surface.ts, runtime/api.ts) reach tools/";
  if (layer === "cli" && to !== "cli" && to !== "store" && target.path !== SURFACE) return "cli/ imports only runtime/surface.ts (and store/)";
  if (layer === "playground") {
    const data = to === "samples" && target.path.endsWith(".json");
    if (to !== "playground" && target.path !== SURFACE && !data) return "playground/ imports only runtime/surface.ts";
  }
  return null;
}

describe("layering", () => {
  it("finds the imports of a file, and no commented-out ones", () => {
    const text = 'import a from "./a.ts";\nimport type { B } from "../b.ts";\n// import c from "./c.ts";\nexport { d } from "./d.ts";\nconst e = await import("./e.ts");\nimport "./f.css";\nimport { type G } from "./g.ts";\nexport type { H } from "./h.ts";\n';
    expect(importsOf(text).map((i) => i.specifier).sort()).toEqual(["../b.ts", "./a.ts", "./d.ts", "./e.ts", "./f.css", "./g.ts", "./h.ts"]);
    expect(importsOf(text).filter((i) => i.typeOnly).map((i) => i.specifier).sort()).toEqual(["../b.ts", "./h.ts"]);
  });

  it("knows a violation when it sees one", () => {
    expect(violation("core/ir.ts", "../runtime/decimal.ts")).toBe("core/ imports nothing outside core/");
    expect(violation("runtime/reference/ledger.ts", "node:fs")).toBe("runtime/ is browser-safe: no Node modules");
    expect(violation("compiler/compile.ts", "../cli/io.ts")).toBe("compiler/ never imports cli/");
    expect(violation("runtime/kpi/compute.ts", "../../tools/samples/rng.ts")).toBe("only the entries (runtime/surface.ts, runtime/api.ts) reach tools/");
    expect(violation("cli/commands/run.ts", "../../runtime/reference/engine.ts")).toBe("cli/ imports only runtime/surface.ts (and store/)");
    expect(violation("playground/src/worker/session.ts", "../../../core/ir.ts")).toBe("playground/ imports only runtime/surface.ts");
    expect(violation("cli/commands/run.ts", "../../runtime/surface.ts")).toBeNull();
    expect(violation("cli/commands/run.ts", "../../runtime/api.ts")).toBe("cli/ imports only runtime/surface.ts (and store/)");
    expect(violation("playground/src/worker/dataSources.ts", "../../../samples/team-1k.data.json?raw")).toBeNull();
    expect(violation("core/decimal.ts", "decimal.js")).toBeNull();
    expect(violation("core/schemaRuntime.ts", "ajv", true)).toBeNull();
    expect(violation("core/validateResult.ts", "ajv")).toBe("core/ loads no package but decimal.js (types only from ajv)");
    expect(violation("compiler/numbers.ts", "../runtime/decimal.ts")).toBe("compiler/ imports only grammar/ and core/");
    expect(violation("compiler/compile.ts", "../grammar/parse.ts")).toBeNull();
    expect(violation("grammar/parse.ts", "../compiler/ast.ts")).toBe("grammar/ imports only core/");
    expect(violation("runtime/compare/bottomLine.ts", "../reference/runThrough.ts")).toBe("runtime/compare/ works with any engine: it never imports runtime/reference/");
    expect(violation("runtime/compare/bottomLine.ts", "../../core/engine.ts")).toBeNull();
  });

  const folders = [...BROWSER_SAFE, "cli", "playground"];
  for (const folder of folders) {
    it(`${folder}/ keeps to its layer`, () => {
      const problems: string[] = [];
      for (const file of sourceFiles(folder)) {
        for (const { specifier, typeOnly } of importsOf(readFileSync(join(root, file), "utf8"))) {
          const rule = violation(file, specifier, typeOnly);
          if (rule !== null) problems.push(`${file}: import "${specifier}": ${rule}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
