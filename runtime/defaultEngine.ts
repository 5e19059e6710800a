/**
 * The engine every caller gets when it does not name one: the compiled runtime
 * (runtime/compiled/), which answers byte-identically to the reference evaluator (the property
 * test/compiled/equivalence.test.ts, and every period it does not cover yet runs in the
 * reference). `--engine reference` and `referenceEngine` select the oracle itself.
 */
import type { Engine } from "../core/engine.ts";
import { compiledEngine } from "./compiled/engine.ts";

export const defaultEngine: Engine = compiledEngine;
