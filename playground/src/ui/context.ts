/**
 * What every result view gets: the worker to ask, the finished run, the period being looked at,
 * and a way to open a partner's explanation from anywhere.
 */
import type { WorkerClient } from "../client/workerClient.ts";
import type { DataSource, RunSummary } from "../worker/protocol.ts";

/** What a run was made of: a comparison replays exactly this, whatever the editor holds now. */
export interface RunInputs {
  planText: string;
  source: DataSource;
  through: string;
}

export interface ViewContext {
  client: WorkerClient;
  run: RunSummary;
  inputs: RunInputs;
  period: string;
  /** Increases with every run, so a view knows its content is stale. */
  runNumber: number;
  openPartner(partner: string): void;
  /** Show another period of the run in every view (as the Period picker does). */
  showPeriod(period: string): void;
  /** Show an order's credit paths. */
  openOrder(order: string): void;
  /** Show the plan line of a bonus rule in the editor (its level or generation line when given); false when the plan has no such bonus now. */
  revealRule(bonus: string, level: number | null, generation: number | null): boolean;
}

export interface ResultView {
  readonly element: HTMLElement;
  /** Show the view for this run and period (fetching what it needs when they changed). */
  show(context: ViewContext): void;
  /** Forget the shown run (a new run started or the worker was replaced). */
  reset(): void;
}
