/** The reference evaluator behind the engine seam (core/engine.ts). */
import type { Engine } from "../../core/engine.ts";
import { viewOfDocument } from "../../core/resultView.ts";
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
