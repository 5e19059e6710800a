/**
 * The ledger of a compiled period, written column by column in its final order (the bonus walks
 * run in ledger order: order, portion, bonus, step; then pools), plus breakage and per-partner
 * earnings. Nothing here is an object per entry: an entry becomes a LedgerEntry only when a
 * writer asks for it (runtime/compiled/view.ts).
 */
import { take, takeUnfilled, type PoolArray } from "./arrayPool.ts";

/**
 * Columns are as narrow as real plans allow (21 bytes an entry: a 1M-partner month has about 20M
 * entries); a value that does not fit (a step beyond 65535, an amount beyond 2^31 − 1 minor
 * units...) sets `overflow`, and the period then runs in the reference evaluator.
 */
export class LedgerColumns {
  length = 0;
  overflow = false;
  recipient: Int32Array;
  bonus: Uint8Array;
  /** Portion index; for a pool entry −1 − its index in poolRows. */
  portion: Int32Array;
  step: Uint16Array;
  /** Level or generation number (0 = none). */
  number: Uint16Array;
  /** Rate as a scaled integer at the bonus's rate scale; pool rows keep theirs in poolRows. */
  rate: Int32Array;
  /** Amount in minor units (10^-moneyScale). */
  amount: Int32Array;
  readonly poolRows: { base: string; rate: string; note: string }[] = [];
  /** Earned per partner, minor units. */
  readonly earned: Float64Array;
  /** Breakage per bonus × reason, minor units (reason index in UNPAID_REASONS). */
  readonly breakage: Float64Array;

  /**
   * `fromPool`: the columns come from the array pool (arrayPool.ts; only the engine's periods,
   * which give them back when released). A column is read only below `length`, where every
   * element has been written, so pooled columns are not cleared first.
   */
  constructor(partners: number, bonuses: number, capacity: number, fromPool = false) {
    const size = Math.max(16, capacity);
    const column = fromPool ? takeUnfilled : <T extends PoolArray>(kind: new (n: number) => T, n: number): T => new kind(n);
    this.recipient = column(Int32Array, size);
    this.bonus = column(Uint8Array, size);
    this.portion = column(Int32Array, size);
    this.step = column(Uint16Array, size);
    this.number = column(Uint16Array, size);
    this.rate = column(Int32Array, size);
    this.amount = column(Int32Array, size);
    this.earned = fromPool ? take(Float64Array, partners) : new Float64Array(partners);
    this.breakage = new Float64Array(bonuses * UNPAID_REASONS.length);
  }

  /** Every typed array of this ledger (to give back to the pool when its period is released). */
  arrays(): PoolArray[] {
    return [this.recipient, this.bonus, this.portion, this.step, this.number, this.rate, this.amount, this.earned];
  }

  /** Room for `extra` more entries (the generated kernel writes the columns directly). */
  reserve(extra: number): void {
    if (this.length + extra > this.recipient.length) this.grow(this.length + extra);
  }

  private grow(atLeast = 0): void {
    const size = Math.max(this.recipient.length * 2, atLeast);
    const more = <T extends Int32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.recipient = more(this.recipient, (n) => new Int32Array(n));
    this.bonus = more(this.bonus, (n) => new Uint8Array(n));
    this.portion = more(this.portion, (n) => new Int32Array(n));
    this.step = more(this.step, (n) => new Uint16Array(n));
    this.number = more(this.number, (n) => new Uint16Array(n));
    this.rate = more(this.rate, (n) => new Int32Array(n));
    this.amount = more(this.amount, (n) => new Int32Array(n));
  }

  push(recipient: number, bonus: number, portion: number, step: number, number: number, rate: number, amount: number): void {
    if (this.length === this.recipient.length) this.grow();
    if (step > 0xffff || number > 0xffff || amount > 0x7fffffff || amount < -0x7fffffff || rate > 0x7fffffff || rate < -0x7fffffff) this.overflow = true;
    const i = this.length++;
    this.recipient[i] = recipient;
    this.bonus[i] = bonus;
    this.portion[i] = portion;
    this.step[i] = step;
    this.number[i] = number;
    this.rate[i] = rate;
    this.amount[i] = amount;
    this.earned[recipient] = this.earned[recipient]! + amount;
  }

  pushPool(recipient: number, bonus: number, amount: number, row: { base: string; rate: string; note: string }): void {
    this.push(recipient, bonus, -1 - this.poolRows.length, 0, 0, 0, amount);
    this.poolRows.push(row);
  }

  unpaid(bonus: number, reason: number, amount: number): void {
    const k = bonus * UNPAID_REASONS.length + reason;
    this.breakage[k] = this.breakage[k]! + amount;
  }
}

/** The reasons of runtime/reference/bonuses/sink.ts UNPAID, in a fixed index order. */
export const UNPAID_REASONS = [
  "recipient not active",
  "recipient below the required rank",
  "credit path shorter than the levels",
  "top rate not reached on the credit path",
  "no open-volume owner (no manager on the credit path)",
  "fewer managers above the owner than generations",
  "no qualifier",
] as const;

export const REASON = { inactive: 0, belowRank: 1, pathShorter: 2, topRateNotReached: 3, noOwner: 4, fewerManagers: 5, noQualifier: 6 } as const;
