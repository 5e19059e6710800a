/**
 * `comp compare` on two threads (opt-in: COMP_COMPARE_THREADS=2). The command reads and checks the data once; a worker thread
 * (cli/compareWorker.ts), started before the read so that its modules load meanwhile, gets the
 * checked data as a structured clone and runs policy replays from the last one backwards while
 * this thread runs the run without the after-run cancellations and the replays from the first
 * (cli/compareThreads.ts: each replay is claimed by exactly one thread). The figures are put
 * together in the order of POLICIES, so the output is byte-identical to the one-thread
 * comparison (runtime/compare/comparePolicies.ts) whichever thread ran which replay.
 *
 * The command stays synchronous like every other: it waits for the worker's replays with
 * Atomics.wait and takes their figures with receiveMessageOnPort. A worker that never started
 * (its module could not load) claims nothing, so this thread runs every replay; one that falls
 * silent in the middle of a replay (it died, out of memory) is given up on after SILENCE_MS and
 * its replay run here.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { comparePolicies, comparisonFrom, type Dataset, type Engine, internalError, type PlanIR, POLICIES, type PolicyComparisonOutcome, type RankTable, rankTablesOf, replayInput, type ReplayOutcome, replayPolicy, runWithout } from "../runtime/surface.ts";
import { BY_COMMAND, claimSlot, doneSlot, FREE, HEARTBEAT_SLOT, SLOTS, type ReplayFigures, type ReplayMessage, type ToWorker, type WorkerStart } from "./compareThreads.ts";

/** A worker that shows no progress (a period started, a replay claimed) for this long is given up on. */
const SILENCE_MS = 120_000;

/**
 * Whether `comp compare` uses a worker thread: only when COMP_COMPARE_THREADS=2. On the 2-core
 * machine this was measured on it does not pay (docs/PERFORMANCE.md, "comp compare" at 100k:
 * the worker's own copy of the data, its module loading and the shared first period cost more
 * CPU than its replays save, and V8's garbage collector already keeps the second core busy).
 */
export function wantsWorker(): boolean {
  return process.env["COMP_COMPARE_THREADS"] === "2";
}

// Run from the sources (tsx): the worker registers the same TypeScript loader before importing
// its module. The code is fixed; the paths come as data.
const BOOT_FROM_SOURCE = new URL(
  "data:text/javascript," +
    encodeURIComponent(`import { workerData } from "node:worker_threads"; const { register } = await import(workerData.tsx); register(); await import(workerData.entry);`),
);

/** tsx's ESM register API (the dev dependency that runs the sources). */
function tsxApi(): string {
  const tsx = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  return pathToFileURL(join(tsx, "dist", "esm", "api", "index.mjs")).href;
}

/** The worker of one `comp compare`; `close` it when the comparison is done (or failed). */
export class CompareWorker {
  private readonly slots: Int32Array;
  private readonly received = new Map<number, ReplayMessage["outcome"]>();
  private givenUp = false;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    buffer: SharedArrayBuffer,
  ) {
    this.slots = new Int32Array(buffer);
  }

  /** Starts the worker (its modules load while the command reads the data); null when no worker can be started. */
  static start(): CompareWorker | null {
    try {
      const buffer = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
      const { port1, port2 } = new MessageChannel();
      const fromSource = import.meta.url.endsWith(".ts");
      const entry = new URL(fromSource ? "./compareWorker.ts" : "./compareWorker.js", import.meta.url);
      const start: WorkerStart = { slots: buffer, results: port2 };
      const worker = fromSource
        ? new Worker(BOOT_FROM_SOURCE, { workerData: { ...start, entry: entry.href, tsx: tsxApi() }, transferList: [port2] })
        : new Worker(entry, { workerData: start, transferList: [port2] });
      // Its failures never reach the output: a replay it did not post is run on this thread.
      worker.on("error", (e) => { if (process.env["COMP_DEBUG"]) console.error("compare worker:", e); });
      worker.unref();
      return new CompareWorker(worker, port1, buffer);
    } catch {
      return null;
    }
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Claims replay i for this thread; false when the worker has it. */
  claim(i: number): boolean {
    return this.givenUp || Atomics.compareExchange(this.slots, claimSlot(i), FREE, BY_COMMAND) === FREE;
  }

  /** The outcome of a replay the worker claimed; `here` runs it on this thread if the worker falls silent. */
  outcomeOf(i: number, here: () => ReplayOutcome): ReplayMessage["outcome"] {
    let beat = Atomics.load(this.slots, HEARTBEAT_SLOT);
    let since = Date.now();
    while (Atomics.load(this.slots, doneSlot(i)) === 0) {
      Atomics.wait(this.slots, doneSlot(i), 0, 1000);
      const now = Atomics.load(this.slots, HEARTBEAT_SLOT);
      if (now !== beat) {
        beat = now;
        since = Date.now();
      } else if (Date.now() - since > SILENCE_MS && Atomics.load(this.slots, doneSlot(i)) === 0) {
        this.givenUp = true;
        return here();
      }
    }
    // Posted before its slot was marked done, so it is on the port already.
    while (!this.received.has(i)) {
      const message = receiveMessageOnPort(this.port);
      if (message === undefined) throw new Error(`the compare worker marked replay ${i} done without posting it`);
      const { replay, outcome } = message.message as ReplayMessage;
      this.received.set(replay, outcome);
    }
    return this.received.get(i)!;
  }

  /** The replays whose figures came from the worker (tests check the hand-over is used). */
  ranByWorker(): number[] {
    return [...this.received.keys()].sort((a, b) => a - b);
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

/**
 * comparePolicies (the same figures, byte for byte) with the replays shared with `worker`.
 * `ownReplays` caps how many policy replays this thread claims (tests give 0 to have the worker
 * run them all); the replays it does not claim wait for the worker.
 */
export function comparePoliciesOnTwoThreads(ir: PlanIR, data: Dataset, through: string, engine: Engine, worker: CompareWorker, ownReplays = POLICIES.length): PolicyComparisonOutcome {
  try {
    try {
      worker.send({ kind: "job", ir, data, through, engine: engine.name });
    } catch {
      // The data could not be copied to the worker (a structured clone refused it): nothing was
      // handed over, so the one-thread comparison runs instead — the same figures, byte for byte.
      return comparePolicies(ir, data, through, undefined, engine);
    }
    const without = runWithout(ir, data, through, engine);
    if (!without.ok) return without;
    const tables: RankTable[] = rankTablesOf(without.periods);
    worker.send({ kind: "without", tables });
    const input = replayInput(ir, data, engine);
    const replays: ReplayFigures[] = [];
    for (const [i, policy] of POLICIES.entries()) {
      const here = () => replayPolicy(ir, data, through, policy, without.periods, input, engine);
      const outcome = i < ownReplays && worker.claim(i) ? here() : worker.outcomeOf(i, here);
      // Every earlier replay succeeded, so this is the error the one-thread comparison stops at.
      if (!outcome.ok) return outcome;
      replays.push(outcome.replay);
    }
    return { ok: true, comparison: comparisonFrom(ir, through, replays, input.minor) };
  } catch (error) {
    return { ok: false, error: internalError(error) };
  }
}
