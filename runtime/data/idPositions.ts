/**
 * Id -> position (a non-negative integer) for millions of ids: a Map whose usual keys skip the
 * hash table. Ids as data files write them are mostly a fixed prefix and a counter (`P123456`,
 * `O2097489`, `10042`); such an id's position sits in a typed array per prefix, indexed by the
 * counter. Every other id (leading zeros, no trailing digits, a counter far beyond the number of
 * ids, too many prefixes) goes into an ordinary Map, so any id works and means what it says.
 *
 * Why: the data checks and the compiled runtime's columnar model make about 8M map operations at
 * 1M partners and 2M orders, and a Map of a million fresh string keys costs 0.4–1.2 µs per
 * operation on this machine (hashing each new string, then cache misses in the table and in the
 * key's own string to compare it); the typed array costs a few digit reads and one load.
 * Synthetic (1M partner ids, 2.1M order ids, 2.1M buyer lookups): 5.0 s against 0.14 s.
 *
 * It is a real Map<string, number> (same answers, iteration in insertion order), so the code
 * that reads the checks' maps (columnar.ts through datasetIndex.ts) needs no change. Values must
 * be positions: a non-negative safe 31-bit integer, anything else is a RangeError.
 */

/** At most this many prefixes get a table of their own; the ids of others go to the Map. */
const MAX_TABLES = 16;
/** Counters below this always get a slot; above it only while the table stays ≤ 4 slots per id. */
const SMALL_COUNTER = 1 << 16;
/** Counters of up to 9 digits: below 10^9, so they fit an Int32Array index. */
const MAX_DIGITS = 9;
const EMPTY = -1;

interface Table {
  prefix: string;
  slots: Int32Array;
}

export class IdPositions extends Map<string, number> {
  private readonly tables: Table[] = [];
  /** Ids that have no slot in a table. */
  private readonly others = new Map<string, number>();
  /** Every key in insertion order (for iteration, as a Map's). */
  private readonly order: string[] = [];
  private count = 0;
  /** Set by `slotOf`: the table and the counter of the id it was given. */
  private table: Table | null = null;
  private counter = 0;

  constructor() {
    // No entries through super(): Map's constructor would call `set` before the fields exist.
    super();
  }

  override get size(): number {
    return this.count;
  }

  override get(id: string): number | undefined {
    if (this.slotOf(id, false)) {
      const v = (this.table as Table).slots[this.counter] as number;
      if (v !== EMPTY) return v;
    }
    return this.others.size === 0 ? undefined : this.others.get(id);
  }

  override has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  override set(id: string, position: number): this {
    if (!Number.isInteger(position) || position < 0 || position > 0x7ffffffe) {
      throw new RangeError(`IdPositions holds positions (non-negative 31-bit integers), not ${position}`);
    }
    if (this.slotOf(id, true) && !(this.others.size > 0 && this.others.has(id))) {
      const slots = (this.table as Table).slots;
      if (slots[this.counter] === EMPTY) this.added(id);
      slots[this.counter] = position;
      return this;
    }
    if (!this.others.has(id)) this.added(id);
    this.others.set(id, position);
    return this;
  }

  override delete(id: string): boolean {
    if (!this.has(id)) return false;
    if (this.slotOf(id, false) && (this.table as Table).slots[this.counter] !== EMPTY) {
      (this.table as Table).slots[this.counter] = EMPTY;
    } else this.others.delete(id);
    this.order.splice(this.order.indexOf(id), 1);
    this.count--;
    return true;
  }

  override clear(): void {
    this.tables.length = 0;
    this.others.clear();
    this.order.length = 0;
    this.count = 0;
  }

  override forEach(callback: (value: number, key: string, map: Map<string, number>) => void, thisArg?: unknown): void {
    for (const id of this.order) callback.call(thisArg, this.get(id) as number, id, this);
  }

  override *keys(): MapIterator<string> {
    yield* this.order;
  }

  override *values(): MapIterator<number> {
    for (const id of this.order) yield this.get(id) as number;
  }

  override *entries(): MapIterator<[string, number]> {
    for (const id of this.order) yield [id, this.get(id) as number];
  }

  override [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  private added(id: string): void {
    this.order.push(id);
    this.count++;
  }

  /**
   * True when `id` is a prefix and a counter (no leading zero, at most 9 digits) with a slot in
   * a table: `this.table` and `this.counter` say which. `grow`: make the table or the slot when
   * allowed (for `set`); without it, only existing slots count.
   */
  private slotOf(id: string, grow: boolean): boolean {
    let k = id.length;
    let counter = 0;
    let scale = 1;
    while (k > 0) {
      const digit = id.charCodeAt(k - 1) - 48;
      if (digit < 0 || digit > 9) break;
      if (id.length - k === MAX_DIGITS) return false;
      counter += digit * scale;
      scale *= 10;
      k--;
    }
    const digits = id.length - k;
    if (digits === 0 || (digits > 1 && id.charCodeAt(k) === 48)) return false;
    let table: Table | undefined;
    for (const t of this.tables) {
      if (t.prefix.length === k && id.startsWith(t.prefix)) {
        table = t;
        break;
      }
    }
    if (table === undefined) {
      if (!grow || this.tables.length === MAX_TABLES || !this.mayHold(counter)) return false;
      table = { prefix: id.slice(0, k), slots: new Int32Array(0) };
      this.tables.push(table);
    }
    if (counter >= table.slots.length) {
      if (!grow || !this.mayHold(counter)) return false;
      const slots = new Int32Array(Math.max(1024, 2 ** Math.ceil(Math.log2(counter + 1)))).fill(EMPTY);
      slots.set(table.slots);
      table.slots = slots;
    }
    this.table = table;
    this.counter = counter;
    return true;
  }

  /** A slot for `counter` keeps the tables within about 4 slots per id (or it is small). */
  private mayHold(counter: number): boolean {
    return counter < SMALL_COUNTER || counter < 4 * (this.count + 1);
  }
}
