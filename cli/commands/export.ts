/**
 * `comp export --store <db> --period <P> --out <dir>`: a closed period as statements.csv,
 * ledger.csv and ranks.csv — the same writers and columns as `comp run --out` (runtime/output/),
 * fed from the database through streamed views (store/periodView.ts), so a 1M-partner month is
 * never in memory whole. All three files appear together or not at all (temporary files renamed
 * at the end, like `comp run --out`).
 */
import { type Chunk, ledgerCsvChunks, ranksCsvChunks, statementsCsvChunks } from "../../runtime/surface.ts";
import { pumpChunks, storedPeriodView } from "../../store/periodView.ts";
import type { HistoryStore, StoredRun } from "../../store/types.ts";
import { parseArgs, requirePeriod, requireValue, UsageError } from "../args.ts";
import { CliFailure } from "../io.ts";
import type { CommandOutput } from "../output.ts";
import { writeFilesAtomicallyAsync, type AsyncOutputFile } from "../outDirAsync.ts";
import { withStore } from "./storeAccess.ts";

export async function exportCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseArgs("export", argv, { values: ["store", "period", "out"], booleans: [] });
  if (args.positionals.length > 0) throw new UsageError(`\`comp export\` takes no file: ${args.positionals.join(" ")}`);
  const where = requireValue(args, "store", "file or postgres://…");
  const period = requirePeriod(args, "period");
  const dir = requireValue(args, "out", "dir");
  return withStore(where, { mustExist: true }, async (store) => {
    const run = (await store.runs()).find((r) => r.period === period);
    if (run === undefined) throw new CliFailure(`${period} is not closed in ${store.location} (see \`comp history --store ${where}\`)`, 2);
    const paths = await writeFilesAtomicallyAsync(dir, exportFiles(store, run));
    const summary = `${paths.join("\n")}\n${run.partnerCount} partners, ${run.ledgerCount} ledger entries of ${period} exported from ${store.location}\n`;
    return { stdout: summary, stderr: "", exitCode: 0 };
  });
}

/** The three files of a stored period, each read from the database when it is written. */
export function exportFiles(store: HistoryStore, run: StoredRun): AsyncOutputFile[] {
  const file = (name: string, reads: "partners" | "ledger", writer: (views: StreamedViews) => Iterator<Chunk>): AsyncOutputFile => ({
    name,
    chunks: (async function* () {
      const view = await storedPeriodView(store, run, reads);
      yield* pumpChunks(writer([view]), [view]);
    })(),
  });
  return [
    file("statements.csv", "partners", (views) => statementsCsvChunks(views)),
    file("ledger.csv", "ledger", (views) => ledgerCsvChunks(views)),
    file("ranks.csv", "partners", (views) => ranksCsvChunks(views)),
  ];
}

type StreamedViews = Awaited<ReturnType<typeof storedPeriodView>>[];
