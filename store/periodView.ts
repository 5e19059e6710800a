/**
 * A stored period as a PeriodView (core/resultView.ts), streamed from the database, so that the
 * result writers of runtime/output/ (statements.csv, ledger.csv, ranks.csv) export a closed
 * period without it ever being in memory whole.
 *
 * PeriodView is synchronous and indexed; the databases are read asynchronously, in order. The
 * writers read partners and ledger entries strictly in ascending order and yield a chunk of text
 * or bytes every CHUNK_SIZE characters or bytes (a few thousand rows at most). So `pumpChunks` refills each view to
 * AHEAD rows past the last row read before it asks the writer for its next chunk, and the view
 * drops rows behind the reader: memory stays at about AHEAD rows per view whatever the period's
 * size. A reader that jumps ahead of the buffer is a programming error and says so.
 */
import type { PeriodView } from "../core/resultView.ts";
import type { LedgerEntry, PeriodResult } from "../core/result.ts";
import type { HistoryStore, PartnerRow, StoredRun } from "./types.ts";

/** Rows kept ready past the last one read: more than a writer reads for one chunk of text. */
const AHEAD = 8192;

class SequentialRows<T> {
  private buffer: T[] = [];
  /** Index of buffer[0]. */
  private base = 0;
  /** Highest index read so far. */
  private reached = 0;
  private exhausted = false;
  private readonly iterator: AsyncIterator<T>;

  constructor(source: AsyncIterable<T>, readonly length: number, private readonly what: string) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  at(i: number): T {
    if (i < this.base || i >= this.base + this.buffer.length) {
      throw new Error(`internal: ${this.what} row ${i} read out of order (buffered ${this.base}..${this.base + this.buffer.length - 1})`);
    }
    if (i > this.reached) this.reached = i;
    return this.buffer[i - this.base]!;
  }

  async fill(): Promise<void> {
    // Drop what the reader has passed (keeping the row it is on), then read ahead.
    const behind = this.reached - this.base;
    if (behind > AHEAD) {
      this.buffer = this.buffer.slice(behind);
      this.base += behind;
    }
    while (!this.exhausted && this.base + this.buffer.length - this.reached < AHEAD) {
      const next = await this.iterator.next();
      if (next.done) this.exhausted = true;
      else this.buffer.push(next.value);
    }
  }

  /** Ends the database read if the reader stopped early (closes a cursor). */
  async release(): Promise<void> {
    if (!this.exhausted) await this.iterator.return?.();
  }
}

export interface StreamedPeriodView extends PeriodView {
  /** Reads ahead so that the next chunk's rows are there; call before each chunk. */
  fill(): Promise<void>;
  /** Ends the database read early (a failed write); harmless after the end. */
  release(): Promise<void>;
}

/**
 * A view of a closed period that streams either its partners (statements.csv, ranks.csv) or its
 * ledger (ledger.csv) — one database cursor per view, which is what every writer needs.
 */
export async function storedPeriodView(store: HistoryStore, run: StoredRun, reads: "partners" | "ledger"): Promise<StreamedPeriodView> {
  const extras: Pick<PeriodResult, "breakage" | "unrecovered" | "flags" | "deferred" | "stock"> = await store.extras(run.period);
  const partners = reads === "partners" ? new SequentialRows(store.partners(run.period), run.partnerCount, "partner") : null;
  const ledger = reads === "ledger" ? new SequentialRows(store.ledger({ period: run.period }), run.ledgerCount, "ledger") : null;
  const partner = (i: number): PartnerRow => {
    if (partners === null) throw new Error("internal: this view streams the ledger, not the partners");
    return partners.at(i);
  };
  return {
    period: run.period,
    asOf: run.asOf,
    final: true,
    partnerCount: run.partnerCount,
    partnerId: (i) => partner(i).partner,
    rank: (i) => partner(i).rank,
    active: (i) => partner(i).active,
    volumes: (i) => partner(i).volumes,
    statement: (i) => partner(i).statement,
    ledgerLength: run.ledgerCount,
    ledgerEntry: (i): LedgerEntry => {
      if (ledger === null) throw new Error("internal: this view streams the partners, not the ledger");
      return { ...ledger.at(i) };
    },
    ...extras,
    async fill() {
      await partners?.fill();
      await ledger?.fill();
    },
    async release() {
      await partners?.release();
      await ledger?.release();
    },
  };
}

/**
 * The chunks of a synchronous writer over streamed views, as an async stream: each view is
 * refilled before the writer is asked for its next chunk.
 */
export async function* pumpChunks<C>(chunks: Iterator<C>, views: readonly StreamedPeriodView[]): AsyncGenerator<C> {
  try {
    for (;;) {
      for (const v of views) await v.fill();
      const next = chunks.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    for (const v of views) await v.release();
  }
}
