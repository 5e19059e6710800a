/**
 * `comp history --store <db> [--json] [--plan <period>]`: the closed periods with their plans and
 * totals; `--plan <period>` prints the plan text that period was closed under.
 */
import { parseArgs, requireValue, UsageError } from "../args.ts";
import { CliFailure } from "../io.ts";
import type { CommandOutput } from "../output.ts";
import { table } from "../table.ts";
import { withStore } from "./storeAccess.ts";

export async function historyCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseArgs("history", argv, { values: ["store", "plan"], booleans: ["json"] });
  if (args.positionals.length > 0) throw new UsageError(`\`comp history\` takes no file: ${args.positionals.join(" ")}`);
  const where = requireValue(args, "store", "file or postgres://…");
  const planOf = args.values.get("plan");
  return withStore(where, { mustExist: true }, async (store) => {
    const runs = await store.runs();
    if (planOf !== undefined) {
      const run = runs.find((r) => r.period === planOf);
      if (run === undefined) throw new CliFailure(`${planOf} is not closed in ${store.location}`, 2);
      // the stored text byte for byte (a byte order mark included), so it can be saved and reused
      return { stdout: await store.planText(run.planHash), stderr: "", exitCode: 0, verbatim: true };
    }
    if (args.booleans.has("json")) return { stdout: JSON.stringify(runs, null, 2) + "\n", stderr: "", exitCode: 0 };
    if (runs.length === 0) return { stdout: `no period is closed in ${store.location} yet\n`, stderr: "", exitCode: 0 };
    const rows = runs.map((r) => [
      r.period, r.asOf, r.planName, r.planHash.slice(0, 12), r.policy, String(r.partnerCount), String(r.ledgerCount), r.earnedTotal, r.payoutTotal,
      `${r.engine} ${r.engineVersion}`, r.closedAt,
    ]);
    const out = table(
      ["period", "as of", "plan", "plan hash", "policy", "partners", "entries", "earned", "paid out", "engine", "closed at"],
      rows,
      ["left", "left", "left", "left", "left", "right", "right", "right", "right", "left", "left"],
    );
    return { stdout: `${store.location}\n${out}`, stderr: "", exitCode: 0 };
  });
}
