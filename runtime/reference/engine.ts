/** The reference evaluator behind the engine seam (runtime/engine.ts). */
import type { Engine } from "../engine.ts";
import { runPeriod } from "./runPeriod.ts";
import { runThrough } from "./runThrough.ts";

export const referenceEngine: Engine = {
  name: "reference",
  runThrough,
  runPeriod,
};
