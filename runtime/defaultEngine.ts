/**
 * The engine every caller gets when it does not name one: the one place to change when the
 * compiled runtime becomes the default (docs/ARCHITECTURE.md, "Two engines").
 */
import type { Engine } from "../core/engine.ts";
import { referenceEngine } from "./reference/engine.ts";

export const defaultEngine: Engine = referenceEngine;
