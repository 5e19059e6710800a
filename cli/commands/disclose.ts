/**
 * `comp disclose <plan> --data <file> --through <YYYY-MM> [--policy P] [--json] [--out FILE.csv]`:
 * the income disclosure per paid-as rank (runtime/analysis/disclose.ts; figures defined in
 * docs/analysis.md). `--out` writes the table as CSV, all or nothing.
 */
import { basename, dirname } from "node:path";
import { defaultEngine, disclose, disclosureCsvLines, type Engine, formatDisclosure } from "../../runtime/surface.ts";
import { onePositional, parseArgs, requirePeriod, requireValue } from "../args.ts";
import { loadData, loadPlan } from "../io.ts";
import { writeFilesAtomically } from "../outDir.ts";
import type { CommandOutput } from "../output.ts";
import { optionalPolicy } from "./diff.ts";
import { refusedRun } from "../refused.ts";

export function discloseCommand(argv: readonly string[], engine: Engine = defaultEngine): CommandOutput {
  const args = parseArgs("disclose", argv, { values: ["data", "through", "policy", "out"], booleans: ["json"] });
  const planFile = onePositional(args, "plan file");
  const dataFile = requireValue(args, "data", "file");
  const through = requirePeriod(args, "through");
  const policy = optionalPolicy(args.values.get("policy"));
  const { ir } = loadPlan(planFile);
  const data = loadData(dataFile, ir);
  const out = disclose(engine, ir, data, { through, ...(policy ? { policy } : {}) });
  if (!out.ok) throw refusedRun(out.error, `run of ${planFile}`);
  const csvFile = args.values.get("out");
  if (csvFile !== undefined) {
    const lines = disclosureCsvLines(out.disclosure);
    writeFilesAtomically(dirname(csvFile), [{ name: basename(csvFile), chunks: lines.map((l) => l + "\n") }]);
  }
  const text = args.booleans.has("json") ? JSON.stringify(out.disclosure, null, 2) + "\n" : formatDisclosure(out.disclosure);
  return { stdout: text + (csvFile !== undefined && !args.booleans.has("json") ? `wrote ${csvFile}\n` : ""), stderr: "", exitCode: 0 };
}
