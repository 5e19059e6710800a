#!/usr/bin/env node
// The `comp` command. In the installed package it runs lib/cli/main.js, the whole CLI bundled
// into one file by `npm run build:lib` (scripts/buildPackage.ts; no TypeScript loader, and one
// module to load instead of about 900). In a source checkout — cli/main.ts next to this folder — it runs the
// sources through tsx (a dev dependency), so `npx comp` needs no build step while developing.
import { existsSync } from "node:fs";

process.env.COMP_MAIN = "1";
const source = new URL("../cli/main.ts", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
} else {
  await import("../lib/cli/main.js");
}
