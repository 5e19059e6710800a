/**
 * What `previous-rank` and `exact` read from the history: the final run that commissioned each
 * cancelled order (its ledger, ranks and activity). A run without that period in its history
 * cannot process the cancellation under these policies, so it refuses and says which periods to
 * pass; `simple` needs nothing from the history.
 */
import type { PlanIR } from "../../../core/ir.ts";
import type { LedgerEntry, PeriodResult } from "../../../core/result.ts";
import type { Standing } from "../bonuses/context.ts";
import { refuse, success, type Outcome } from "../../../core/runError.ts";
import type { Structure } from "../structure.ts";
import { describeAfterRun, type AfterRunCancellation } from "./afterRun.ts";

/** The partner listing the clawbacks read a run's standing and recipients by. */
export type PartnerListing = Pick<Structure, "partners" | "indexOf">;

/**
 * What the clawbacks read of a commissioning period's final run. The reference reads it from the
 * result document (OriginalRun); the compiled engine from its columns, with the same answers.
 */
export interface OriginalRunReader {
  /** The run's own entries attributed to an order (not clawbacks), in ledger order. */
  entriesOf(order: string): LedgerEntry[];
  /** The run's own pool parts of a pool bonus, in ledger order. */
  poolEntriesOf(bonus: string): LedgerEntry[];
  /** The run's ranks and activity for today's structure. */
  standingFor(ir: PlanIR, structure: PartnerListing): Outcome<Standing>;
}

/** A commissioning period's final run, with its ledger indexed for the clawbacks. */
export class OriginalRun implements OriginalRunReader {
  private byOrder: Map<string, LedgerEntry[]> | null = null;
  private pools: Map<string, LedgerEntry[]> | null = null;
  private standing: Outcome<Standing> | null = null;

  constructor(readonly run: PeriodResult) {}

  /** The run's own entries attributed to an order (not clawbacks), in ledger order. */
  entriesOf(order: string): LedgerEntry[] {
    this.index();
    return this.byOrder!.get(order) ?? [];
  }

  /** The run's own pool parts of a pool bonus, in ledger order. */
  poolEntriesOf(bonus: string): LedgerEntry[] {
    this.index();
    return this.pools!.get(bonus) ?? [];
  }

  /** The run's ranks and activity for today's structure (computed once). */
  standingFor(ir: PlanIR, structure: PartnerListing): Outcome<Standing> {
    this.standing ??= standingOf(ir, structure, this.run);
    return this.standing;
  }

  private index(): void {
    if (this.byOrder !== null) return;
    this.byOrder = new Map();
    this.pools = new Map();
    for (const e of this.run.ledger) {
      if (e.cancellation !== undefined) continue;
      const [map, key] = e.order === undefined ? [this.pools, e.bonus] : [this.byOrder, e.order];
      const list = map.get(key);
      if (list === undefined) map.set(key, [e]);
      else list.push(e);
    }
  }
}

/** Commissioning period -> its final run from the history. */
export type OriginalRuns = Map<string, OriginalRunReader>;

export function originalRuns(cancellations: AfterRunCancellation[], history: PeriodResult[]): Outcome<OriginalRuns> {
  const runs: OriginalRuns = new Map();
  const missing: string[] = [];
  for (const c of cancellations) {
    if (runs.has(c.commissionedIn)) continue;
    const run = history.find((h) => h.period === c.commissionedIn);
    if (run === undefined) missing.push(`${describeAfterRun(c)}, which is not in the history`);
    else runs.set(c.commissionedIn, new OriginalRun(run));
  }
  if (missing.length === 0) return success(runs);
  return refuse(
    "history-missing",
    "after-run cancellations are clawed back from the run that commissioned their order, and that run is not in the " +
      "history; pass the final runs from the earliest period named below on",
    missing,
  );
}

/**
 * The ranks and activity of an earlier run, for today's structure: a partner the run does not
 * list (not joined yet then) has no rank and is not eligible.
 */
export function standingOf(ir: PlanIR, structure: Pick<Structure, "partners">, run: PeriodResult): Outcome<Standing> {
  const n = structure.partners.length;
  const rankIndex = new Map(ir.ranks.map((r, i) => [r.name, i] as const));
  const rank = new Int32Array(n).fill(-1);
  const manager = new Uint8Array(n);
  const eligible = new Uint8Array(n);
  const unknown: string[] = [];
  structure.partners.forEach((partner, p) => {
    if (!Object.hasOwn(run.ranks, partner.id)) return;
    const name = run.ranks[partner.id];
    if (name !== null && name !== undefined) {
      const r = rankIndex.get(name);
      if (r === undefined) unknown.push(`${run.period}: partner ${partner.id} has rank "${name}", which the plan does not declare`);
      else rank[p] = r;
    }
    manager[p] = ir.breakaway !== null && rank[p]! >= ir.breakaway ? 1 : 0;
    eligible[p] = Object.hasOwn(run.active, partner.id) && run.active[partner.id] === true ? 1 : 0;
  });
  if (unknown.length > 0) return refuse("invalid-history", "the history does not belong to this plan", unknown);
  return success({ rank, manager, eligible });
}
