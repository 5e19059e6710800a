/**
 * Readable JSON paths for problems (`orders[3].lines[0].qty`) and the order problems are listed in.
 *
 * Problems are sorted by path, not by the order in which checks found them, so the list is the
 * same whatever order the document's object keys came in: top-level sections in the order of
 * data.md, array indices numerically, object keys alphabetically.
 */
import type { DataProblem } from "./dataModel.ts";
import { compareIds } from "./stringOrder.ts";

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ["orders", 3, "lines", 0, "qty"] -> "orders[3].lines[0].qty". */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (!IDENTIFIER.test(segment)) out += `[${JSON.stringify(segment)}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

/** The inverse of formatPath, for sorting. */
function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const token = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_$][A-Za-z0-9_$]*)/g;
  for (let m = token.exec(path); m !== null; m = token.exec(path)) {
    if (m[1] !== undefined) segments.push(Number(m[1]));
    else if (m[2] !== undefined) segments.push(JSON.parse(m[2]) as string);
    else if (m[3] !== undefined) segments.push(m[3]);
  }
  return segments;
}

const SECTION_ORDER = ["partners", "customers", "splits", "orders", "cancellations"];

function compareSegments(a: PathSegment, b: PathSegment, depth: number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  if (depth === 0) {
    const ra = SECTION_ORDER.indexOf(a);
    const rb = SECTION_ORDER.indexOf(b);
    const rankA = ra === -1 ? SECTION_ORDER.length : ra;
    const rankB = rb === -1 ? SECTION_ORDER.length : rb;
    if (rankA !== rankB) return rankA - rankB;
  }
  return compareIds(a, b);
}

/** Document position order; a path sorts before the paths inside it. */
function compareSegmentLists(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareSegments(a[i] as PathSegment, b[i] as PathSegment, i);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Sorted by path, then message, without duplicates (two checks may find the same thing). */
export function sortProblems(problems: readonly DataProblem[]): DataProblem[] {
  const keyed = problems.map((p) => ({ p, segments: parsePath(p.path) }));
  keyed.sort((x, y) => {
    const byPath = compareSegmentLists(x.segments, y.segments);
    if (byPath !== 0) return byPath;
    return compareIds(x.p.message, y.p.message);
  });
  const out: DataProblem[] = [];
  for (const { p } of keyed) {
    const last = out[out.length - 1];
    if (last !== undefined && last.path === p.path && last.message === p.message) continue;
    out.push(p);
  }
  return out;
}

/** A value as it appears in a message: strings and numbers as JSON, containers by kind. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (value !== null && typeof value === "object") {
    return Object.keys(value).length === 0 ? "an empty object" : "an object";
  }
  // JSON.parse reads 1e309 as Infinity, which JSON.stringify would show as "null".
  if (typeof value === "number" && !Number.isFinite(value)) return "a number too large to read (beyond about 1.8e308)";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** ["a", "b", "c"] -> "`a`, `b` and `c`" (names as messages quote them). */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}
