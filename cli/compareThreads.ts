/**
 * What `comp compare`'s two threads share (cli/compareInParallel.ts on the command's thread,
 * cli/compareWorker.ts in the worker): one Int32Array over a SharedArrayBuffer in which each
 * policy replay is claimed by exactly one thread, and the messages that cross.
 *
 * The command's thread claims the replays in the order of POLICIES, the worker from the other
 * end (Atomics.compareExchange on the replay's slot: whoever is free first takes the replay in
 * the middle). Which thread ran which replay never shows in the output: a replay's figures are
 * the same wherever it runs, and they are put together in the order of POLICIES.
 */
import type { MessagePort } from "node:worker_threads";
import { type Dataset, type EngineName, type PlanIR, POLICIES, type PolicyReplay, type RankTable, type RunError } from "../runtime/surface.ts";

export const FREE = 0;
export const BY_COMMAND = 1;
export const BY_WORKER = 2;

/** Slot layout: the claim of each replay, then whether the worker has posted its outcome, then the worker's heartbeat. */
export const claimSlot = (replay: number): number => replay;
export const doneSlot = (replay: number): number => POLICIES.length + replay;
export const HEARTBEAT_SLOT = 2 * POLICIES.length;
export const SLOTS = 2 * POLICIES.length + 1;

/** Given to the worker when it starts. */
export interface WorkerStart {
  slots: SharedArrayBuffer;
  /** Where the worker posts each replay's outcome (the command reads it with receiveMessageOnPort). */
  results: MessagePort;
}

/** The first message to the worker: the data, read and checked once by the command. */
export interface CompareJob {
  kind: "job";
  ir: PlanIR;
  data: Dataset;
  through: string;
  engine: EngineName;
}

/** The second: what the policy figures read of the run without the after-run cancellations. */
export interface WithoutRanks {
  kind: "without";
  tables: RankTable[];
}

export type ToWorker = CompareJob | WithoutRanks;

/** What the comparison reads of a replay (its clawback entries stay behind: only the playground shows them). */
export type ReplayFigures = Pick<PolicyReplay, "figures" | "totals">;

/** A replay the worker ran: its figures and sums, or the error it stopped at. */
export interface ReplayMessage {
  replay: number;
  outcome: { ok: true; replay: ReplayFigures } | { ok: false; error: RunError };
}
