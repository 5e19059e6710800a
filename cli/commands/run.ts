/**
 * `comp run <plan> --data <file> --through <YYYY-MM> [--policy P] [--as-of <date> [--preliminary]] [--json] [--out DIR]`
 * Every period through `--through` as a final run at its earliest allowed as-of date; `--as-of`
 * sets the date of the last period's run instead (refused, naming the blocking orders, when a
 * final run would come too early), `--preliminary` makes that last run a preliminary one.
 * `--json` streams the result document to standard output; `--out DIR` writes statements.csv,
 * ledger.csv and ranks.csv into DIR (all or nothing, cli/outDir.ts).
 */
import { defaultEngine, type Engine, isValidDate, ledgerCsvChunks, type PeriodResult, type PeriodView, type PlanIR, type Policy, ranksCsvChunks, type ResultDocument, resultJsonChunks, type RunOptions, statementsCsvChunks, visible } from "../../runtime/surface.ts";
import { onePositional, parseArgs, type ParsedArgs, requirePeriod, requireValue, UsageError } from "../args.ts";
import { loadData, loadPlan } from "../io.ts";
import { engineOption } from "../engineOption.ts";
import { writeFilesAtomically } from "../outDir.ts";
import { refusedRun } from "../refused.ts";
import { progressOnStderr, type Progress } from "../progress.ts";
import type { CommandOutput } from "../output.ts";
import { naturalOrder, table } from "../table.ts";

const POLICIES: readonly Policy[] = ["simple", "previous-rank", "exact"];

export function parsePolicy(value: string | undefined): Policy | undefined {
  if (value === undefined) return undefined;
  if ((POLICIES as readonly string[]).includes(value)) return value as Policy;
  throw new UsageError(`\`--policy\` must be one of ${POLICIES.join(", ")}, got \`${value}\``);
}

export function runCommand(argv: readonly string[], defaultChoice: Engine = defaultEngine): CommandOutput {
  const args = parseArgs("run", argv, { values: ["data", "through", "policy", "as-of", "out", "engine"], booleans: ["json", "preliminary", "quiet"] });
  const engine = engineOption(args, defaultChoice);
  const planFile = onePositional(args, "plan file");
  const dataFile = requireValue(args, "data", "file");
  const through = requirePeriod(args, "through");
  const policy = parsePolicy(args.values.get("policy"));
  const asOf = args.values.get("as-of");
  if (asOf !== undefined && !isValidDate(asOf)) throw new UsageError(`\`--as-of\` must be a date like 2026-11-15, got \`${asOf}\``);
  const preliminary = args.booleans.has("preliminary");
  if (preliminary && asOf === undefined) throw new UsageError("`--preliminary` needs `--as-of <YYYY-MM-DD>`: the date the run is made as of");
  const { ir } = loadPlan(planFile);
  const progress = progressOnStderr(args.booleans.has("quiet"));
  try {
    return runWith(args, engine, ir, dataFile, progress, {
      through,
      ...(policy ? { policy } : {}),
      ...(asOf !== undefined ? { asOf } : {}),
      ...(preliminary ? { preliminary } : {}),
      onPeriod: (period, index, count) => progress.period(period, index, count),
      onStep: (period, step) => progress.step(period, step),
    });
  } finally {
    // The progress line is gone before any message or output is printed.
    progress.done();
  }
}

function runWith(args: ParsedArgs, engine: Engine, ir: PlanIR, dataFile: string, progress: Progress, options: RunOptions): CommandOutput {
  const data = loadData(dataFile, ir, {
    bytes: (read, size) => progress.reading(dataFile, read, size),
    checking: (partners, orders) => progress.checking(`${partners.toLocaleString("en-US")} partners, ${orders.toLocaleString("en-US")} orders`),
  });
  const outDir = args.values.get("out");
  if (args.booleans.has("json") || outDir !== undefined) {
    // Written from a view, never as one string (a 1M-partner month is gigabytes of text).
    const outcome = engine.runThroughView(ir, data, options);
    if (!outcome.ok) throw refusedRun(outcome.error);
    const wrote = outDir === undefined ? "" : writeCsvFiles(outDir, outcome.view.periods, progress);
    if (!args.booleans.has("json")) return { stdout: wrote, stderr: "", exitCode: 0 };
    return { stdout: "", stderr: wrote, exitCode: 0, stream: resultJsonChunks(outcome.view) };
  }
  const outcome = engine.runThrough(ir, data, options);
  if (!outcome.ok) throw refusedRun(outcome.error);
  return { stdout: formatResult(outcome.result), stderr: "", exitCode: 0 };
}

/** statements.csv, ledger.csv and ranks.csv into `dir`, all or nothing; says what it wrote. */
function writeCsvFiles(dir: string, periods: readonly PeriodView[], progress: Progress): string {
  const files = [
    { name: "statements.csv", chunks: statementsCsvChunks(periods) },
    { name: "ledger.csv", chunks: ledgerCsvChunks(periods) },
    { name: "ranks.csv", chunks: ranksCsvChunks(periods) },
  ];
  const paths = writeFilesAtomically(dir, files, undefined, (file, bytes) => progress.writing(file, bytes));
  const partners = periods.reduce((n, p) => n + p.partnerCount, 0);
  const entries = periods.reduce((n, p) => n + p.ledgerLength, 0);
  const [statements, ledger, ranks] = paths;
  return (
    `wrote ${statements} (${partners} rows), ${ledger} (${entries} rows), ${ranks} (${partners} rows) ` +
    `for ${periods.length} period${periods.length === 1 ? "" : "s"}\n`
  );
}

export function formatResult(result: ResultDocument): string {
  let out = `${result.plan} — cancellation policy ${result.policy}\n`;
  for (const p of result.periods) out += "\n" + formatPeriod(p);
  return out;
}

export function formatPeriod(p: PeriodResult): string {
  let out = `== ${p.period} (${p.final ? "final" : "preliminary"} run as of ${p.asOf}) ==\n`;
  const ids = Object.keys(p.statements).sort(naturalOrder);
  const moving = ids.filter((id) => {
    const s = p.statements[id]!;
    return !(isZero(s.earned) && isZero(s.carriedIn) && isZero(s.carriedOut));
  });
  const rows = moving.map((id) => {
    const s = p.statements[id]!;
    return [id, p.ranks[id] ?? "-", p.active[id] ? "yes" : "no", s.earned, s.carriedIn, s.payout, s.carriedOut];
  });
  if (rows.length > 0) {
    out += table(
      ["partner", "rank", "active", "earned", "carried in", "payout", "carried out"],
      rows,
      ["left", "left", "left", "right", "right", "right", "right"],
    );
  } else {
    out += "no partner earned or carried anything\n";
  }
  const quiet = ids.length - moving.length;
  if (quiet > 0) out += `(${quiet} more partner${quiet === 1 ? "" : "s"} with nothing earned or carried)\n`;
  // one line each: ids from the data made visible (an id with a newline cannot forge a line)
  for (const b of p.breakage) out += visible(`breakage: ${b.bonus} ${b.amount} (${b.reason})`) + "\n";
  for (const u of p.unrecovered) out += visible(`unrecovered: ${u.partner} ${u.amount} (${u.reason})`) + "\n";
  for (const f of p.flags) out += visible(`flagged: ${f.buyer} from ${f.from} (${f.reason})`) + "\n";
  for (const d of p.deferred) out += visible(`deferred: ${d.order} -> ${d.countsIn ?? "pending"} (${d.reason})`) + "\n";
  for (const s of p.stock) out += visible(`stock: ${s.sku} +${s.qty} back from ${s.order} (${s.cancellation})`) + "\n";
  return out;
}

function isZero(amount: string): boolean {
  return /^-?0(\.0+)?$/.test(amount);
}
