/**
 * `--engine compiled|reference` on `comp run | explain | compare | close`: which evaluator runs the plan.
 * Without it, the command's engine (the default: compiled, runtime/defaultEngine.ts). The
 * reference evaluator is the oracle the compiled one is held to.
 */
import { compiledEngine, type Engine, referenceEngine } from "../runtime/surface.ts";
import { UsageError, type ParsedArgs } from "./args.ts";

export function engineOption(args: ParsedArgs, fallback: Engine): Engine {
  const name = args.values.get("engine");
  if (name === undefined) return fallback;
  if (name === "compiled") return compiledEngine;
  if (name === "reference") return referenceEngine;
  throw new UsageError(`\`--engine\` must be compiled or reference, got \`${name}\``);
}
