/** The reference evaluator behind the engine seam (runtime/engine.ts). */
import type { Engine } from "../engine.ts";
import { viewOfDocument } from "../output/resultView.ts";
import { runPeriod } from "./runPeriod.ts";
import { runThrough } from "./runThrough.ts";

export const referenceEngine: Engine = {
  name: "reference",
  runThrough,
  runPeriod,
  runThroughView(ir, data, options) {
    const outcome = runThrough(ir, data, options);
    return outcome.ok ? { ok: true, view: viewOfDocument(outcome.result) } : outcome;
  },
};
