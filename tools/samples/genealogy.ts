/**
 * Grows a sponsor forest that looks like a real network-marketing genealogy.
 *
 * Partners join one after another (index order = join order, so a sponsor always joined on or
 * before its recruits). Each newcomer picks a sponsor among partners still in their recruiting
 * window, with probability proportional to talent × (1 + min(recruits, 9)):
 * - talent is heavy-tailed (P(talent >= t) ~ 1/t, capped), so a few partners recruit hundreds
 *   while most recruit nobody;
 * - the recruit-count factor is preferential attachment (a visible, successful recruiter
 *   attracts more), saturated so that one early star cannot swallow the whole company;
 * - the recruiting window (a quarter of the growth after joining) models that partners recruit
 *   mostly in their first months; it is what gives depth (about 15–20 at 100k partners).
 * Measured shapes: test/samples/shape.test.ts and samples/README.md.
 */
import type { Rng } from "./rng.ts";
import { WeightedPicker } from "./weighted-picker.ts";

const TALENT_CAP = 200;
const ATTACHMENT_SATURATION = 9;
const FOUNDER_MIN_TALENT = 20;

export interface GenealogyWindow {
  /** Day number the company (its top partners) started. */
  historyStart: number;
  /** First day of the first generated month: partners after the established ones join from here. */
  monthsStart: number;
  /** Last day of the last generated month. */
  monthsEnd: number;
}

export interface Genealogy {
  count: number;
  /** Indices 0 .. roots-1 are top partners (no sponsor). */
  roots: number;
  /** Sponsor index per partner; -1 for a top partner. */
  sponsor: Int32Array;
  /** Join day number per partner, non-decreasing with the index. */
  joined: Int32Array;
  /** Number of direct recruits. */
  frontline: Int32Array;
  /** 0 for a top partner. */
  depth: Int32Array;
  /** Join day of the latest direct recruit; -1 when none (day numbers here are all positive). */
  lastRecruitJoined: Int32Array;
}

/** A few top partners: 1 for a dozen partners, up to 6 for 100k (one per order of magnitude). */
export function topPartnerCount(count: number): number {
  return Math.max(1, Math.min(count, String(count).length - 1));
}

/** How many partners join inside the generated months (so fast-start rules have buyers). */
export function recentJoinerCount(count: number, roots: number): number {
  return Math.min(count - roots, Math.max(2, Math.ceil((count * 8) / 100)));
}

/** Heavy-tailed talent from one 32-bit draw: floor(2^32 / (u + 1)) is 1 half of the time. */
function drawTalent(rng: Rng): number {
  const talent = Math.floor(0x1_0000_0000 / (rng.nextUint32() + 1));
  return Math.min(TALENT_CAP, Math.max(1, talent));
}

function attachmentWeight(talent: number, recruits: number): number {
  return talent * (1 + Math.min(recruits, ATTACHMENT_SATURATION));
}

/** Random days in [from, to], sorted: join days that rise with the index without a visible rhythm. */
function sortedDays(count: number, from: number, to: number, rng: Rng): Int32Array {
  const days = new Int32Array(count);
  for (let k = 0; k < count; k++) days[k] = rng.between(from, Math.max(from, to));
  return days.sort();
}

function joinDays(count: number, roots: number, window: GenealogyWindow, rng: Rng): Int32Array {
  const joined = new Int32Array(count);
  const recent = recentJoinerCount(count, roots);
  const established = count - recent;
  // Top partners founded the company on its first day; everyone else joins after them.
  joined.fill(window.historyStart, 0, roots);
  joined.set(sortedDays(established - roots, window.historyStart + 1, window.monthsStart - 1, rng), roots);
  joined.set(sortedDays(recent, window.monthsStart, window.monthsEnd, rng), established);
  return joined;
}

export function growGenealogy(count: number, rng: Rng, window: GenealogyWindow): Genealogy {
  const roots = topPartnerCount(count);
  const sponsor = new Int32Array(count).fill(-1);
  const frontline = new Int32Array(count);
  const depth = new Int32Array(count);
  const lastRecruitJoined = new Int32Array(count).fill(-1);
  const talent = new Int32Array(count);
  const joined = joinDays(count, roots, window, rng);
  const picker = new WeightedPicker(count);
  const recruitingWindow = Math.max(5, Math.floor(count / 4));

  for (let i = 0; i < count; i++) {
    // Top partners are the company's founders: good recruiters, though not necessarily stars.
    talent[i] = i < roots ? Math.max(FOUNDER_MIN_TALENT, drawTalent(rng)) : drawTalent(rng);
    const retiring = i - recruitingWindow;
    if (retiring >= 0) picker.set(retiring, 0);
    if (i >= roots) {
      const chosen = picker.draw(rng) ?? rng.below(i);
      sponsor[i] = chosen;
      depth[i] = (depth[chosen] ?? 0) + 1;
      frontline[chosen] = (frontline[chosen] ?? 0) + 1;
      lastRecruitJoined[chosen] = joined[i] ?? -1;
      if (picker.weightOf(chosen) > 0) {
        picker.set(chosen, attachmentWeight(talent[chosen] ?? 1, frontline[chosen] ?? 0));
      }
    }
    picker.set(i, attachmentWeight(talent[i] ?? 1, 0));
  }
  return { count, roots, sponsor, joined, frontline, depth, lastRecruitJoined };
}
