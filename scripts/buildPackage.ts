/**
 * The package build (`npm run build:lib`, which `npm pack` runs; bench/endToEnd.ts builds the same
 * into its own folder):
 * 1. tsc -p tsconfig.build.json: the .d.ts types of core, grammar, compiler, runtime, store, that
 *    a TypeScript user of `"comp-plan"` and `"comp-plan/store"` compiles against (tsc's
 *    JavaScript files are deleted: step 2 writes the code);
 * 2. esbuild: the library's two entries, lib/runtime/api.js and lib/store/index.js, bundled with
 *    chevrotain (and its 641 lodash-es modules) inside, their shared code in lib/chunks/. Loaded
 *    as ~240 separate modules, `import("comp-plan")` cost about 0.8 s of CPU (docs/PERFORMANCE.md,
 *    "Session 2026-12-01c (package)"). decimal.js stays outside: one module, and a dependency
 *    anyway (its types are in the .d.ts files); the drivers stay outside (below);
 * 3. esbuild: the `comp` command as ONE file, lib/cli/main.js (and the worker thread of `comp
 *    compare`, lib/cli/compareWorker.js, as another), with its dependencies (chevrotain
 *    and its 641 lodash-es modules, decimal.js) inside. Loading the ~900 modules of the
 *    unbundled CLI cost about 1 s of CPU at every start (docs/PERFORMANCE.md, "End to end").
 *    The store's database drivers stay outside: they are optional peer dependencies, loaded by
 *    name only when a store command needs one (store/open.ts), so a missing driver still gives
 *    its one-line message.
 *
 *   npx tsx scripts/buildPackage.ts [--out DIR]     (default lib)
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));

/** Optional peer dependencies (package.json): resolved at run time from the user's install. */
const DRIVERS = ["better-sqlite3", "pg", "pg-copy-streams"];

/**
 * The output folder for `outDir` (relative to the checkout). It is removed before building, so it
 * may be neither the checkout itself nor a folder holding it (`--out .`, `--out ..`).
 */
export function outputFolder(outDir: string): string {
  const out = resolve(root, outDir);
  const checkout = resolve(root);
  if (checkout === out || checkout.startsWith(out.endsWith(sep) ? out : out + sep)) {
    throw new Error(`refusing to build into ${out}: it holds the checkout, which would be removed first`);
  }
  return out;
}

/** Builds the package into `outDir` (relative to the checkout), replacing what was there. */
export function buildPackage(outDir = "lib"): string {
  const out = outputFolder(outDir);
  rmSync(out, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", out], {
    cwd: root,
    encoding: "utf8",
  });
  if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${tsc.stdout}${tsc.stderr}`);
  for (const file of readdirSync(out, { recursive: true, encoding: "utf8" })) {
    if (file.endsWith(".js")) rmSync(join(out, file));
  }
  const library = buildSync({
    entryPoints: [join(root, "runtime/api.ts"), join(root, "store/index.ts")],
    absWorkingDir: root,
    outbase: root,
    outdir: out,
    bundle: true,
    // One copy of the code both entries use (an error class thrown by one and tested with
    // instanceof by the other must be the same class), and the PostgreSQL store as its own file,
    // loaded only when a postgres:// store is opened (store/open.ts).
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    // The core is browser-safe: "neutral" adds no Node shims; the store's node: imports stay imports.
    platform: "neutral",
    mainFields: ["module", "main"],
    format: "esm",
    target: "es2022",
    external: ["node:*", "decimal.js", ...DRIVERS],
    keepNames: true,
    metafile: true,
    logLevel: "warning",
  });
  const libraryFiles = Object.keys(library.metafile.outputs).map((file) => resolve(root, file));
  // The command, and the worker thread `comp compare` may start (cli/compareInParallel.ts
  // loads it from beside the command's own file): each one self-contained file.
  const entries = ["main", "compareWorker"];
  buildSync({
    entryPoints: entries.map((name) => join(root, `cli/${name}.ts`)),
    outdir: join(out, "cli"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: DRIVERS,
    // Function and class names stay as written (an error's name can reach a message).
    keepNames: true,
    logLevel: "warning",
  });
  // An ES module has no `require`: a CommonJS dependency that requires something esbuild left
  // outside would fail at run time with "Dynamic require of … is not supported". Fail here instead.
  for (const file of [...entries.map((name) => join(out, `cli/${name}.js`)), ...libraryFiles]) {
    if (readFileSync(file, "utf8").includes("__require(")) {
      throw new Error(`${file} calls require() at run time: bundle that dependency or load it with import()`);
    }
  }
  return out;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const at = process.argv.indexOf("--out");
  const outDir = at >= 0 ? process.argv[at + 1] : "lib";
  if (outDir === undefined) {
    console.error("usage: tsx scripts/buildPackage.ts [--out DIR]");
    process.exitCode = 2;
  } else {
    try {
      console.log(`package built in ${buildPackage(outDir)}`);
    } catch (e) {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    }
  }
}
