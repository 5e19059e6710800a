#!/usr/bin/env node
// The `comp` command: runs the TypeScript CLI through tsx's loader (no build step needed).
import { register } from "tsx/esm/api";
register();
process.env.COMP_MAIN = "1";
await import("../cli/main.ts");
