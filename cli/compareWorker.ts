/**
 * The worker thread of `comp compare` (cli/compareInParallel.ts starts it): it gets the data the
 * command read and checked (a structured clone: never read or checked a second time), takes the
 * policy replays from the last one backwards while the command's thread takes them from the
 * first, and posts each replay's figures as plain data. Everything it computes is what the
 * one-thread comparison computes (runtime/compare/policyReplays.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { compiledEngine, type Engine, internalError, POLICIES, policyFiguresOf, rankListingOf, type RankTable, referenceEngine, replayInput, replayPolicyRun } from "../runtime/surface.ts";
import { BY_WORKER, claimSlot, doneSlot, FREE, HEARTBEAT_SLOT, type CompareJob, type ReplayMessage, type ToWorker, type WorkerStart } from "./compareThreads.ts";

const { slots: buffer, results } = workerData as WorkerStart;
const slots = new Int32Array(buffer);
const port = parentPort!;

let withoutTables: RankTable[] | null = null;
let tablesArrived: (() => void) | null = null;

port.on("message", (message: ToWorker) => {
  if (message.kind === "job") {
    void replays(message).finally(() => port.close());
  } else {
    withoutTables = message.tables;
    tablesArrived?.();
  }
});

function beat(): void {
  Atomics.add(slots, HEARTBEAT_SLOT, 1);
}

function post(message: ReplayMessage): void {
  results.postMessage(message);
  Atomics.store(slots, doneSlot(message.replay), 1);
  Atomics.notify(slots, doneSlot(message.replay));
}

async function ranksOfWithout(): Promise<RankTable[]> {
  if (withoutTables === null) await new Promise<void>((resolve) => (tablesArrived = resolve));
  return withoutTables!;
}

/** The replays from the last backwards, each claimed first; the first one the command has claimed ends the work (it claims in order). */
async function replays({ ir, data, through, engine: name }: CompareJob): Promise<void> {
  const engine: Engine = name === "reference" ? referenceEngine : compiledEngine;
  let input: ReturnType<typeof replayInput> | null = null;
  for (let i = POLICIES.length - 1; i >= 0; i--) {
    if (Atomics.compareExchange(slots, claimSlot(i), FREE, BY_WORKER) !== FREE) return;
    beat();
    const policy = POLICIES[i]!;
    try {
      const run = replayPolicyRun(ir, data, through, policy, engine, beat);
      if (!run.ok) {
        post({ replay: i, outcome: run });
        return;
      }
      input ??= replayInput(ir, data, engine);
      const without = (await ranksOfWithout()).map(rankListingOf);
      const { figures, totals } = policyFiguresOf(policy, run.periods, without, input);
      post({ replay: i, outcome: { ok: true, replay: { figures, totals } } });
    } catch (error) {
      post({ replay: i, outcome: { ok: false, error: internalError(error) } });
      return;
    }
  }
}
