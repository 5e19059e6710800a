/**
 * Where the playground worker's time goes, in Node (the same Session the worker runs): load,
 * run and compare of a generated size, each progress line with its wall time and this process's
 * CPU time since the start (user + system: on a machine shared with other work the wall time
 * overstates the work, the CPU time does not; with several cores it also counts the garbage
 * collector's helper threads). Big sizes need a bigger heap than the default:
 *
 *   node --max-old-space-size=8000 --import tsx test/browser/bench/sessionProfile.ts 100k
 *
 *   npx tsx test/browser/bench/sessionProfile.ts [100k|10k|1k]
 */
import { readFileSync } from "node:fs";
import { Session } from "../../../playground/src/worker/session.ts";
import type { GeneratedSize } from "../../../playground/src/worker/protocol.ts";

async function main(): Promise<void> {
  const size = (process.argv[2] ?? "100k") as GeneratedSize;
  const plan = readFileSync(new URL("../../../plans/vitalis-classic.plan", import.meta.url), "utf8");
  const source = { kind: "generated" as const, size, seed: 7 };
  const session = new Session();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const log = (stage: string) => {
    const cpu = process.cpuUsage(cpuStart);
    console.log(`${((performance.now() - started) / 1000).toFixed(2)} s wall  ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU  ${stage}`);
  };
  await session.load(source, log);
  log("loaded");
  const reply = await session.run(plan, source, null, null, log);
  log(`run: ${reply.kind}`);
  const statements = session.finished().statements("2026-12", "earned", true, "", 0, 100);
  log(`statements page (${statements.total} rows)`);
  const compared = await session.compare(plan, source, "2026-12", log);
  log("compared");
  const text = JSON.stringify(compared);
  log(`compare reply as JSON: ${(text.length / 1e6).toFixed(1)} MB`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
