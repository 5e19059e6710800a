/**
 * The ledger of a compiled period, written column by column in its final order (the bonus walks
 * run in ledger order: order, portion, bonus, step; then pools), plus breakage and per-partner
 * earnings. Nothing here is an object per entry: an entry becomes a LedgerEntry only when a
 * writer asks for it (runtime/compiled/view.ts).
 */

export class LedgerColumns {
  length = 0;
  recipient: Int32Array;
  bonus: Int32Array;
  /** Portion index; -1 for a pool entry (then `pool` indexes poolRows). */
  portion: Int32Array;
  step: Int32Array;
  /** Level or generation number (0 = none). */
  number: Int32Array;
  /** Rate as a scaled integer at the bonus's rate scale; pool rows keep theirs in poolRows. */
  rate: Float64Array;
  /** Amount in minor units (10^-moneyScale). */
  amount: Float64Array;
  readonly poolRows: { base: string; rate: string; note: string }[] = [];
  /** Earned per partner, minor units. */
  readonly earned: Float64Array;
  /** Breakage per bonus × reason, minor units (reason index in UNPAID_REASONS). */
  readonly breakage: Float64Array;

  constructor(partners: number, bonuses: number, capacity: number) {
    const size = Math.max(16, capacity);
    this.recipient = new Int32Array(size);
    this.bonus = new Int32Array(size);
    this.portion = new Int32Array(size);
    this.step = new Int32Array(size);
    this.number = new Int32Array(size);
    this.rate = new Float64Array(size);
    this.amount = new Float64Array(size);
    this.earned = new Float64Array(partners);
    this.breakage = new Float64Array(bonuses * UNPAID_REASONS.length);
  }

  private grow(): void {
    const size = this.recipient.length * 2;
    const more = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.recipient = more(this.recipient, (n) => new Int32Array(n));
    this.bonus = more(this.bonus, (n) => new Int32Array(n));
    this.portion = more(this.portion, (n) => new Int32Array(n));
    this.step = more(this.step, (n) => new Int32Array(n));
    this.number = more(this.number, (n) => new Int32Array(n));
    this.rate = more(this.rate, (n) => new Float64Array(n));
    this.amount = more(this.amount, (n) => new Float64Array(n));
  }

  push(recipient: number, bonus: number, portion: number, step: number, number: number, rate: number, amount: number): void {
    if (this.length === this.recipient.length) this.grow();
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
    this.push(recipient, bonus, -1, this.poolRows.length, 0, 0, amount);
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
