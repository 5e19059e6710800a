/**
 * A hand-written, vitalis-classic-specific implementation of one period over the compiled
 * runtime's columnar arrays (same columnar data, release, figure sums, portions and credit
 * order): ranks, level with compression, differential, generation, equal rank, fast start and
 * the pool written out by hand for this one plan, with every rate and threshold a literal. It is
 * the limit a compiler can approach; the bench runs it in the same process as the compiled
 * engine and checks that both ledgers agree (count and total).
 *
 * Not a runtime: it knows nothing but plans/vitalis-classic.plan and writes no result document.
 */
import type { Dataset, SplitAgreement } from "../../core/dataModel.ts";
import type { PlanIR } from "../../core/ir.ts";
import { lastDayOf, toDayNumber } from "../../core/dates.ts";
import { canonical } from "../../core/decimal.ts";
import { quantitiesBeforeRun } from "../../runtime/reference/cancellations/takes.ts";
import { agreementsInForce } from "../../runtime/reference/portions.ts";
import { measureValues } from "../../runtime/shared/measureValues.ts";
import { columnarOf } from "../../runtime/compiled/columnar.ts";
import { takesOf } from "../../runtime/compiled/period.ts";
import { planTables } from "../../runtime/compiled/planTables.ts";
import { buildPortions } from "../../runtime/compiled/portions.ts";
import { creditOrder } from "../../runtime/compiled/qualify.ts";
import { monthOfPeriod, releaseOf } from "../../runtime/compiled/release.ts";
import { pow10, scaledInt } from "../../runtime/compiled/scaled.ts";
import { LedgerColumns, REASON } from "../../runtime/compiled/ledgerColumns.ts";

/** Pool rows carry their texts only for output, which this bench does not write. */
const POOL_ROW = { base: "", rate: "", note: "" };

export interface HandWrittenResult {
  ledgerEntries: number;
  /** Sum of every ledger amount, cents. */
  total: number;
  /** Sum of every breakage amount, cents. */
  breakage: number;
}

const CONSULTANT = 0;
const SENIOR = 2;
const MANAGER = 3;
const DIRECTOR = 4;
/** Differential rates by rank, percent. */
const DIFF = [5, 10, 15, 25, 35];

/** round half-up (away from zero) of n / d, d > 0. */
function halfUp(n: number, d: number): number {
  const a = n < 0 ? -n : n;
  const q = Math.floor((a + Math.floor(d / 2)) / d);
  // Exact for the magnitudes of this bench (checked by the caller's totals against the engine).
  return n < 0 ? -q : q;
}

export function runVitalisByHand(ir: PlanIR, data: Dataset, period: string, asOf: string): HandWrittenResult {
  const c = columnarOf(data);
  const tables = planTables(ir, c);
  if (typeof tables === "string") throw new Error(tables);
  const release = releaseOf(ir, c);
  const month = monthOfPeriod(period);
  const asOfDay = toDayNumber(asOf);
  const lastDay = toDayNumber(lastDayOf(period));
  const list: number[] = [];
  for (const o of release.byMonth.get(month) ?? []) if (release.releaseDay[o]! <= asOfDay) list.push(o);
  const counted = Int32Array.from(list);
  const values = [new Float64Array(counted.length), new Float64Array(counted.length)];
  const takes = takesOf(c);
  for (let i = 0; i < counted.length; i++) {
    const o = counted[i]!;
    const t = takes.get(o);
    if (t !== undefined && t.some((x) => x.cancellation.date <= asOf)) {
      const v = measureValues(ir, data.orders[o]!, quantitiesBeforeRun(data.orders[o]!, t, asOf), []);
      values[0]![i] = scaledInt(canonical(v[0]!), tables.figures[0]!.scale);
      values[1]![i] = scaledInt(canonical(v[1]!), tables.figures[1]!.scale);
    } else {
      values[0]![i] = tables.figures[0]!.values[o]!;
      values[1]![i] = tables.figures[1]!.values[o]!;
    }
  }
  const splits: Map<string, SplitAgreement> = agreementsInForce(data.splits, period);
  const portions = buildPortions(ir, c, tables, counted, values, splits);
  if (typeof portions === "string") throw new Error(portions);
  const n = c.partnerCount;
  const supporterOf = new Int32Array(n).fill(-1);
  const memberCount = new Int32Array(n + 1);
  for (const a of splits.values()) {
    const m = c.indexOf.get(a.member);
    if (m === undefined) continue;
    const s = c.indexOf.get(a.supporter)!;
    supporterOf[m] = s;
    memberCount[s]!++;
  }
  const memberStart = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) memberStart[p + 1] = memberStart[p]! + memberCount[p]!;
  const memberList = new Int32Array(memberStart[n]!);
  const fill = memberStart.slice(0, n);
  for (const a of splits.values()) {
    const m = c.indexOf.get(a.member);
    if (m !== undefined) memberList[fill[c.indexOf.get(a.supporter)!]!++] = m;
  }
  const order = creditOrder(c, supporterOf, memberStart);
  if (order === null) throw new Error("credit cycle");

  // Volumes, ranks, activity: PV at scale v0, CV at v1.
  const s0 = pow10(tables.volumeScale[0]!);
  const pv = new Float64Array(n);
  const gv = new Float64Array(n);
  const ov = new Float64Array(n);
  const dv = new Float64Array(n);
  for (let i = 0; i < portions.count; i++) {
    const x = portions.x[0]![i]!;
    pv[portions.p0[i]!] = pv[portions.p0[i]!]! + x;
    const d = portions.diverted[i]!;
    if (d >= 0) dv[d] = dv[d]! + x;
  }
  const rank = new Int32Array(n).fill(-1);
  const manager = new Uint8Array(n);
  const eligible = new Uint8Array(n);
  const subtree = new Int32Array(n).fill(-1);
  const { childStart, childList } = c;
  const capManager = 2400 * s0;
  for (let i = 0; i < n; i++) {
    const p = order[i]!;
    let g = pv[p]!;
    let o = g;
    for (let j = childStart[p]!; j < childStart[p + 1]!; j++) {
      const ch = childList[j]!;
      g += gv[ch]! - dv[ch]!;
      if (!manager[ch]) o += ov[ch]! - dv[ch]!;
    }
    for (let j = memberStart[p]!; j < memberStart[p + 1]!; j++) {
      const m = memberList[j]!;
      g += dv[m]!;
      if (!manager[m]) o += dv[m]!;
    }
    gv[p] = g;
    ov[p] = o;
    const joined = c.joinedDay[p]! <= lastDay;
    let r = -1;
    if (joined) {
      const own = pv[p]!;
      let legsSenior = 0;
      let legsManager = 0;
      for (let j = childStart[p]!; j < childStart[p + 1]!; j++) {
        const sr = subtree[childList[j]!]!;
        if (sr >= SENIOR) legsSenior++;
        if (sr >= MANAGER) legsManager++;
      }
      if (own >= 100 * s0 && o >= 3000 * s0 && legsManager >= 2) r = DIRECTOR;
      else if (own >= 100 * s0 && g >= 4000 * s0 && legsSenior >= 2 && cappedGroup(p) >= 4000 * s0) r = MANAGER;
      else if (own >= 50 * s0 && g >= 1000 * s0) r = SENIOR;
      else if (own >= 50 * s0) r = 1;
      else r = CONSULTANT;
    }
    rank[p] = r;
    manager[p] = r >= MANAGER ? 1 : 0;
    let high = r;
    for (let j = childStart[p]!; j < childStart[p + 1]!; j++) if (subtree[childList[j]!]! > high) high = subtree[childList[j]!]!;
    subtree[p] = high;
    const kind = c.terminatedKind[p]!;
    eligible[p] = joined && !(kind === 2 || (kind === 1 && c.terminatedDay[p]! <= lastDay)) && pv[p]! >= 50 * s0 ? 1 : 0;
  }
  function cappedGroup(p: number): number {
    let sum = pv[p]!;
    for (let j = childStart[p]!; j < childStart[p + 1]!; j++) {
      const ch = childList[j]!;
      const leg = supporterOf[ch] === p ? gv[ch]! : gv[ch]! - dv[ch]!;
      sum += leg < capManager ? leg : capManager;
    }
    for (let j = memberStart[p]!; j < memberStart[p + 1]!; j++) {
      const m = memberList[j]!;
      if (c.sponsor[m] === p) continue;
      sum += dv[m]! < capManager ? dv[m]! : capManager;
    }
    return sum;
  }

  // Bonuses on CV (scale v1), rates in percent: amount cents = round(x × rate / 10^v1). The
  // ledger and breakage go into the same columns the engine writes (same output, same work).
  const div = pow10(tables.volumeScale[1]!);
  const sponsor = c.sponsor;
  const ledger = new LedgerColumns(n, 6, portions.count * 9);
  const amount = (x: number, percent: number): number => halfUp(x * percent, div);
  const unpaid = (bonus: number, reason: number, x: number, percent: number): void => {
    const a = amount(x, percent);
    if (a !== 0) ledger.unpaid(bonus, reason, a);
  };
  const earners = new Int32Array(16);
  for (let i = 0; i < portions.count; i++) {
    const x = portions.x[1]![i]!;
    if (x === 0) continue;
    const p0 = portions.p0[i]!;
    const p1 = portions.p1[i]!;
    // 0 Ebenenbonus: 5 levels with compression, 5% each; level 3 needs Senior, 4 and 5 Manager.
    let p = p1;
    let step = 1;
    for (let level = 1; level <= 5; level++) {
      while (p >= 0 && !eligible[p]) {
        p = sponsor[p]!;
        step++;
      }
      if (p < 0) {
        for (let missing = level; missing <= 5; missing++) unpaid(0, REASON.pathShorter, x, 5);
        break;
      }
      if (rank[p]! < (level <= 2 ? -1 : level === 3 ? SENIOR : MANAGER)) unpaid(0, REASON.belowRank, x, 5);
      else {
        const a = amount(x, 5);
        if (a !== 0) ledger.push(p, 0, i, step, level, 5, a);
      }
      p = sponsor[p]!;
      step++;
    }
    // 1 Differenzbonus, remembering the earners for Stufengleich.
    let count = 0;
    let paid = 0;
    p = p0;
    step = 0;
    while (paid < 35 && p >= 0) {
      if (eligible[p]) {
        const rate = DIFF[rank[p]!]!;
        if (rate > paid) {
          const a = amount(x, rate - paid);
          if (a !== 0) ledger.push(p, 1, i, step, 0, rate - paid, a);
          earners[count++] = step;
          earners[count++] = p;
          paid = rate;
        }
      }
      p = step === 0 ? p1 : sponsor[p]!;
      step++;
    }
    if (paid < 35) unpaid(1, REASON.topRateNotReached, x, 35 - paid);
    // 2 Managerbonus: 3 generations above the OV owner, 5%; generations 2 and 3 need Director.
    p = p0;
    step = 0;
    while (p >= 0 && !manager[p]) {
      p = step === 0 ? p1 : sponsor[p]!;
      step++;
    }
    if (p < 0) {
      for (let g = 1; g <= 3; g++) unpaid(2, REASON.noOwner, x, 5);
    } else {
      for (let g = 1; g <= 3; g++) {
        do {
          p = step === 0 ? p1 : sponsor[p]!;
          step++;
        } while (p >= 0 && !manager[p]);
        if (p < 0) {
          for (let missing = g; missing <= 3; missing++) unpaid(2, REASON.fewerManagers, x, 5);
          break;
        }
        if (!eligible[p]) unpaid(2, REASON.inactive, x, 5);
        else if (g > 1 && rank[p]! < DIRECTOR) unpaid(2, REASON.belowRank, x, 5);
        else {
          const a = amount(x, 5);
          if (a !== 0) ledger.push(p, 2, i, step, g, 5, a);
        }
      }
    }
    // 3 Stufengleich 3% from Manager.
    for (let e = 0; e < count; e += 2) {
      const er = rank[earners[e + 1]!]!;
      if (er < MANAGER) continue;
      step = earners[e]!;
      p = earners[e + 1]!;
      for (;;) {
        p = step === 0 ? p1 : sponsor[p]!;
        step++;
        if (p < 0 || (eligible[p] && rank[p]! > er)) break;
        if (eligible[p] && rank[p] === er) {
          const a = amount(x, 3);
          if (a !== 0) ledger.push(p, 3, i, step, 0, 3, a);
          break;
        }
      }
    }
    // 4 Fast Start: buyer partner within 60 days; level 1 20%, level 2 5%.
    const o = portions.order[i]!;
    const buyer = c.buyerPartner[o]!;
    if (buyer >= 0 && c.dateDay[o]! - c.joinedDay[buyer]! <= 60) {
      const q = p1 < 0 ? -1 : sponsor[p1]!;
      if (p1 < 0) unpaid(4, REASON.pathShorter, x, 20);
      else if (!eligible[p1]) unpaid(4, REASON.inactive, x, 20);
      else {
        const a = amount(x, 20);
        if (a !== 0) ledger.push(p1, 4, i, 1, 1, 20, a);
      }
      if (q < 0) unpaid(4, REASON.pathShorter, x, 5);
      else if (!eligible[q]) unpaid(4, REASON.inactive, x, 5);
      else {
        const a = amount(x, 5);
        if (a !== 0) ledger.push(q, 4, i, 2, 2, 5, a);
      }
    }
  }
  // Weltpool 2% of CV, shares Manager 1, Director 2, largest remainder (ties by id).
  let cvTotal = 0;
  for (let i = 0; i < counted.length; i++) cvTotal += values[1]![i]!;
  const base = Math.max(0, cvTotal);
  const poolNumerator = base * 2; // pool in 10^-(figure scale + 2)
  const poolDen = pow10(tables.figures[1]!.scale + 2 - 2);
  const holders: number[] = [];
  let allShares = 0;
  for (const p of c.idOrder) {
    if (eligible[p] && rank[p]! >= MANAGER) {
      holders.push(p);
      allShares += rank[p]! >= DIRECTOR ? 2 : 1;
    }
  }
  if (holders.length > 0 && poolNumerator > 0) {
    const units = holders.map((p) => Math.floor((poolNumerator * (rank[p]! >= DIRECTOR ? 2 : 1)) / (poolDen * allShares)));
    const rest = holders.map((p, k) => poolNumerator * (rank[p]! >= DIRECTOR ? 2 : 1) - units[k]! * poolDen * allShares);
    const left = halfUp(poolNumerator, poolDen) - units.reduce((a, b) => a + b, 0);
    const byRest = holders.map((_, k) => k).sort((a, b) => rest[b]! - rest[a]! || a - b);
    for (let k = 0; k < left; k++) units[byRest[k]!]!++;
    for (let k = 0; k < holders.length; k++) {
      if (units[k] !== 0) ledger.pushPool(holders[k]!, 5, units[k]!, POOL_ROW);
    }
  }
  // Statements: carried in 0 (one period), payout minimum 10.00.
  const payout = new Float64Array(n);
  const carriedOut = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const balance = ledger.earned[p]!;
    payout[p] = balance >= 1000 ? balance : 0;
    carriedOut[p] = balance - payout[p]!;
  }
  let total = 0;
  for (let e = 0; e < ledger.length; e++) total += ledger.amount[e]!;
  let breakage = 0;
  for (const b of ledger.breakage) breakage += b;
  return { ledgerEntries: ledger.length, total, breakage };
}
