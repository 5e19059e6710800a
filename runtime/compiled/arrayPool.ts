/**
 * Typed-array memory that a compiled run gives back and the next run takes again: a period's
 * temporaries (counted orders and values, credit order, packed nodes...) at the end of the
 * period, and a released period's columns (ledger, portions, volumes, statements) when its
 * caller releases the view (runtime/compiled/release.ts).
 *
 * Why: V8 counts every new ArrayBuffer as external memory and starts marking the whole heap
 * each time about 64 MB more of it has been allocated since the last full collection. A 1M-partner
 * month allocates about 570 MB of typed arrays, so every run paid several full marks of whatever
 * the process holds (a 1M-partner Dataset is about 12M objects) — more CPU than the run's own
 * work. A run that takes its arrays from here allocates almost nothing new.
 *
 * A taken array is a fresh view over a pooled buffer (best fit, at most twice the size asked
 * for), filled like a new one (zero or the value asked for) unless the caller writes every
 * element it reads (`takeUnfilled`). Nothing is ever handed out twice: a buffer leaves the pool
 * when taken, and a buffer given back twice is kept once. The pool holds at most a bounded
 * amount (see `limitBytes`); beyond it the oldest buffers are left to the garbage collector.
 */

/** The typed arrays the compiled runtime uses. */
export type PoolArray = Int32Array | Uint8Array | Uint16Array | Float64Array;

interface Kind<T extends PoolArray> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** Free buffers, oldest first. */
const free: ArrayBuffer[] = [];
const inPool = new WeakSet<ArrayBuffer>();
let pooledBytes = 0;
/** Bytes taken or allocated since the last `markPeriodStart`, and the most one period needed. */
let periodBytes = 0;
let largestPeriodBytes = 0;

/** Smaller buffers are not worth pooling. */
const DEFAULT_MIN_BYTES = 64 * 1024;
let minBytes = DEFAULT_MIN_BYTES;
/** Bytes handed out again from the pool so far (tests check that reuse happens). */
let reused = 0;

/** At most one and a half periods' worth of arrays (at least 64 MB): a bound, not a cache of everything ever released. */
function limitBytes(): number {
  return Math.max(64 * 2 ** 20, 1.5 * largestPeriodBytes);
}

function takeBuffer(bytes: number): ArrayBuffer | null {
  periodBytes += bytes;
  if (bytes < minBytes) return null;
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    const size = free[i]!.byteLength;
    if (size >= bytes && size <= 2 * bytes && (best < 0 || size < free[best]!.byteLength)) best = i;
  }
  if (best < 0) return null;
  const [buffer] = free.splice(best, 1);
  inPool.delete(buffer!);
  pooledBytes -= buffer!.byteLength;
  reused += buffer!.byteLength;
  return buffer!;
}

/** A typed array of `length` elements, each `fill` (0 unless told), from the pool when a buffer fits. */
export function take<T extends PoolArray>(kind: Kind<T>, length: number, fill = 0): T {
  const buffer = takeBuffer(length * kind.BYTES_PER_ELEMENT);
  if (buffer === null) {
    const fresh = new kind(length);
    if (fill !== 0) fresh.fill(fill);
    return fresh;
  }
  const array = new kind(buffer, 0, length);
  array.fill(fill);
  return array;
}

/** Like `take`, with whatever the buffer held: only for columns whose every read element is written first (the ledger's, up to its length). */
export function takeUnfilled<T extends PoolArray>(kind: Kind<T>, length: number): T {
  const buffer = takeBuffer(length * kind.BYTES_PER_ELEMENT);
  return buffer === null ? new kind(length) : new kind(buffer, 0, length);
}

/**
 * Gives arrays back. The caller guarantees that nothing reads or writes them any more (the
 * period that owned them is released, or they were a run's temporaries).
 */
export function giveBack(...arrays: readonly PoolArray[]): void {
  for (const array of arrays) {
    const buffer = array.buffer;
    if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < minBytes || inPool.has(buffer)) continue;
    free.push(buffer);
    inPool.add(buffer);
    pooledBytes += buffer.byteLength;
  }
  const limit = limitBytes();
  while (pooledBytes > limit && free.length > 0) {
    const oldest = free.shift()!;
    inPool.delete(oldest);
    pooledBytes -= oldest.byteLength;
  }
}

/** A period starts: what it takes from here on is counted towards the pool's bound. */
export function markPeriodStart(): void {
  periodBytes = 0;
}

/** A period ended: its arrays (kept or temporary) set the pool's bound. */
export function markPeriodEnd(): void {
  if (periodBytes > largestPeriodBytes) largestPeriodBytes = periodBytes;
}

/** Bytes waiting in the pool (tests, the bench). */
export function pooledArrayBytes(): number {
  return pooledBytes;
}

/** Bytes handed out again from the pool since the process started. */
export function reusedArrayBytes(): number {
  return reused;
}

/** Tests: pool arrays of any size, so the small examples exercise reuse (null = the default). */
export function setPoolMinimumBytes(bytes: number | null): void {
  minBytes = bytes ?? DEFAULT_MIN_BYTES;
}

/** Lets every pooled buffer go (tests; a caller that wants the memory back now). */
export function drainArrayPool(): void {
  for (const buffer of free) inPool.delete(buffer);
  free.length = 0;
  pooledBytes = 0;
}
