/**
 * A commissioning run that the compiled runtime computed, read the way the clawbacks read a run
 * from the history (runtime/reference/cancellations/history.ts OriginalRun): its own entries of
 * the cancelled orders and its pool parts as ledger entries, its ranks and activity per partner.
 * Only the rows asked for become LedgerEntry objects; the rest of the run stays in columns.
 */
import type { PlanIR } from "../../../core/ir.ts";
import type { LedgerEntry } from "../../../core/result.ts";
import type { Standing } from "../../reference/bonuses/context.ts";
import { success, type Outcome } from "../../../core/runError.ts";
import type { OriginalRunReader } from "../../reference/cancellations/history.ts";
import type { ColumnarPeriod } from "../period.ts";
import { ledgerEntryOf } from "../view.ts";
import { isClawbackRow } from "./extras.ts";

export class ColumnarOriginalRun implements OriginalRunReader {
  private byOrder: Map<number, LedgerEntry[]> | null = null;
  private pools: Map<string, LedgerEntry[]> | null = null;
  private standing: Standing | null = null;

  /** `orders`: the order indices whose entries will be asked for (the period's cancelled orders). */
  constructor(
    private readonly run: ColumnarPeriod,
    private readonly orders: Set<number>,
  ) {}

  entriesOf(order: string): LedgerEntry[] {
    this.index();
    const o = this.run.columnar.orderIndex.get(order);
    return o === undefined ? [] : (this.byOrder!.get(o) ?? []);
  }

  poolEntriesOf(bonus: string): LedgerEntry[] {
    this.index();
    return this.pools!.get(bonus) ?? [];
  }

  /** The run's own standing: a partner it does not list (not joined then) has no rank and is not eligible. */
  standingFor(ir: PlanIR): Outcome<Standing> {
    if (this.standing === null) {
      const { state, columnar } = this.run;
      const n = columnar.partnerCount;
      const rank = new Int32Array(n).fill(-1);
      const manager = new Uint8Array(n);
      const eligible = new Uint8Array(n);
      for (let p = 0; p < n; p++) {
        if (!state.joined[p]) continue;
        rank[p] = state.rank[p]!;
        manager[p] = ir.breakaway !== null && rank[p]! >= ir.breakaway ? 1 : 0;
        eligible[p] = state.eligible[p]!;
      }
      this.standing = { rank, manager, eligible };
    }
    return success(this.standing);
  }

  private index(): void {
    if (this.byOrder !== null) return;
    const byOrder = new Map<number, LedgerEntry[]>();
    const pools = new Map<string, LedgerEntry[]>();
    const { ledger, portions, ir } = this.run;
    for (let i = 0; i < ledger.length; i++) {
      if (isClawbackRow(this.run, i)) continue;
      const pi = ledger.portion[i]!;
      if (pi < 0) {
        const name = ir.bonuses[ledger.bonus[i]!]!.name;
        const list = pools.get(name);
        if (list === undefined) pools.set(name, [ledgerEntryOf(this.run, i)]);
        else list.push(ledgerEntryOf(this.run, i));
        continue;
      }
      const o = portions.order[pi]!;
      if (!this.orders.has(o)) continue;
      const list = byOrder.get(o);
      if (list === undefined) byOrder.set(o, [ledgerEntryOf(this.run, i)]);
      else list.push(ledgerEntryOf(this.run, i));
    }
    this.byOrder = byOrder;
    this.pools = pools;
  }
}
