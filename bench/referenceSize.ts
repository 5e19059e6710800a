/**
 * Run-time of the reference evaluator on generated genealogies (10k and 100k partners by
 * default): `npx tsx bench/referenceSize.ts [partners...] [--months N] [--splits N] [--cancellations N]`.
 *
 * The data comes from the seeded sample generator (tools/samples), goes through the real data
 * validator, and is run with the normative Vitalis Classic plan (all six bonuses, volume splits,
 * maxleg and legs conditions) through every generated month. Cancellations are off by default:
 * with `--cancellations N` the generated data has N cancellations, clawed back under the plan's policy.
 * Prints one line per size with wall-clock and CPU time of the run (CPU time is the steadier
 * figure on a busy machine); not a unit test (timings depend on the machine).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { compilePlan } from "../compiler/compile.ts";
import { validateData } from "../runtime/data/validate.ts";
import { referenceEngine } from "../runtime/reference/engine.ts";
import { generateData } from "../tools/samples/generate.ts";

interface Settings {
  sizes: number[];
  months: number;
  splits: number;
  cancellations: number;
}

function parseSettings(argv: string[]): Settings {
  const settings: Settings = { sizes: [], months: 3, splits: -1, cancellations: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => Number(argv[++i]);
    if (arg === "--months") settings.months = value();
    else if (arg === "--splits") settings.splits = value();
    else if (arg === "--cancellations") settings.cancellations = value();
    else settings.sizes.push(Number(arg));
  }
  if (settings.sizes.length === 0) settings.sizes = [10_000, 100_000];
  return settings;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function main(): void {
  const settings = parseSettings(process.argv.slice(2));
  const planText = readFileSync(new URL("../plans/vitalis-classic.plan", import.meta.url), "utf8");
  const { ir } = compilePlan(planText);
  if (ir === null) throw new Error("plans/vitalis-classic.plan does not compile");
  for (const partners of settings.sizes) {
    const splits = settings.splits >= 0 ? settings.splits : Math.floor(partners / 100);
    const t0 = performance.now();
    const doc = generateData({ partners, seed: 42, months: settings.months, splits, cancellations: settings.cancellations });
    const t1 = performance.now();
    const validated = validateData(doc);
    if (!validated.ok) throw new Error(`generated data is invalid: ${validated.problems.slice(0, 3).map((p) => p.message).join("; ")}`);
    const data = validated.data;
    const t2 = performance.now();
    const cpu0 = process.cpuUsage();
    const lastMonth = [...data.orders].map((o) => o.date.slice(0, 7)).sort().at(-1)!;
    const outcome = referenceEngine.runThrough(ir, data, { through: lastMonth });
    const t3 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    if (!outcome.ok) throw new Error(`run refused: ${outcome.error.code}: ${outcome.error.message}`);
    const periods = outcome.result.periods;
    const entries = periods.reduce((n, p) => n + p.ledger.length, 0);
    const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
    console.log(
      `${partners} partners, ${data.customers.length} customers, ${data.orders.length} orders, ${data.splits.length} splits: ` +
        `generate ${seconds(t1 - t0)}, validate ${seconds(t2 - t1)}, run ${periods.length} periods ${seconds(t3 - t2)} ` +
        `(${seconds((t3 - t2) / periods.length)} per period; CPU ${seconds((cpu.user + cpu.system) / 1000)}), ` +
        `${entries} ledger entries, heap ${heapMb} MB`,
    );
  }
}

main();
