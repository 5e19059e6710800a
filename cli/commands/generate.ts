/**
 * `comp generate --partners <n> [--seed <n>] [--months <n>] [--first-month <YYYY-MM>]
 *  [--splits <n>] [--cancellations <n>] [--out <file>]`: a seeded sample genealogy as a data
 * document (same options, byte-identical output): JSON Lines when `--out` ends in `.jsonl` or
 * `.ndjson`, else the JSON document; streamed, so 1M partners work.
 */
import { basename, dirname } from "node:path";
import { dataDocumentChunks, dataJsonLinesChunks, tryGenerateData } from "../../runtime/surface.ts";
import { parseArgs, UsageError } from "../args.ts";
import { isJsonLines } from "../dataFile.ts";
import { writeFilesAtomically } from "../outDir.ts";
import { progressOnStderr } from "../progress.ts";
import type { CommandOutput } from "../output.ts";

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`\`--${name}\` must be a whole number, got \`${value}\``);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`\`--${name}\` must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function generateCommand(argv: readonly string[]): CommandOutput {
  const args = parseArgs("generate", argv, {
    values: ["partners", "seed", "months", "first-month", "splits", "cancellations", "out"],
    booleans: ["quiet"],
  });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument \`${args.positionals[0]}\``);
  if (!args.values.has("partners")) throw new UsageError("missing `--partners <n>`");
  const firstMonth = args.values.get("first-month");
  if (firstMonth !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(firstMonth)) {
    throw new UsageError(`\`--first-month\` must be a period like 2026-10, got \`${firstMonth}\``);
  }
  const generated = tryGenerateData({
    partners: wholeNumber("partners", args.values.get("partners"), 0, 1, 1_000_000),
    seed: wholeNumber("seed", args.values.get("seed"), 1, 0, 2 ** 31 - 1),
    months: wholeNumber("months", args.values.get("months"), 3, 1, 36),
    ...(firstMonth ? { firstMonth } : {}),
    splits: wholeNumber("splits", args.values.get("splits"), 0, 0, 1_000_000),
    cancellations: wholeNumber("cancellations", args.values.get("cancellations"), 0, 0, 1_000_000),
  });
  if (!generated.ok) {
    throw new UsageError(generated.problems.map((p) => p.message).join("; "));
  }
  const out = args.values.get("out");
  // Streamed as chunks: a 1M-partner document is about 800 MB of text, over Node's string limit.
  if (out === undefined) return { stdout: "", stderr: "", exitCode: 0, stream: dataDocumentChunks(generated.document) };
  const chunks = isJsonLines(out) ? dataJsonLinesChunks(generated.document) : dataDocumentChunks(generated.document);
  // Written to a temporary file and renamed: an interrupted run leaves no half file.
  const progress = progressOnStderr(args.booleans.has("quiet"));
  try {
    writeFilesAtomically(dirname(out), [{ name: basename(out), chunks }], undefined, (file, bytes) => progress.writing(file, bytes));
  } finally {
    progress.done();
  }
  const { partners, orders } = generated.document;
  return { stdout: "", stderr: `wrote ${out} (${partners.length} partners, ${orders.length} orders)\n`, exitCode: 0 };
}
