/**
 * The engines the conformance corpus (test/runs/) runs. Every engine must write every case's
 * result document byte for byte as expected.json; a new engine joins with one line here.
 */
import type { Engine } from "../../core/engine.ts";
import { compiledEngine } from "../../runtime/compiled/engine.ts";
import { referenceEngine } from "../../runtime/reference/engine.ts";

export const ENGINES: readonly Engine[] = [referenceEngine, compiledEngine];
