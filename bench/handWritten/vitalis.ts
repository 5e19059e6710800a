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
import { agreementsInForce } from "../../runtime/reference/portions.ts";
import { columnarOf } from "../../runtime/compiled/columnar.ts";
import { firstTakeDayOf, ledgerCapacity, tablesOf, takesOf } from "../../runtime/compiled/period.ts";
import { reducedValuesOf } from "../../runtime/compiled/reducedValues.ts";
import { giveBack, take, type PoolArray } from "../../runtime/compiled/arrayPool.ts";
import { buildPortions, portionArrays } from "../../runtime/compiled/portions.ts";
import { creditOrder } from "../../runtime/compiled/qualify.ts";
import { monthOfPeriod, releaseOf } from "../../runtime/compiled/release.ts";
import { pow10 } from "../../runtime/compiled/scaled.ts";
import { LedgerColumns, REASON } from "../../runtime/compiled/ledgerColumns.ts";

/** Pool rows carry their texts only for output, which this bench does not write. */
const POOL_ROW = { base: "", rate: "", note: "" };

export interface HandWrittenResult {
  ledgerEntries: number;
  /** Sum of every ledger amount, cents. */
  total: number;
  /** Sum of every breakage amount, cents. */
  breakage: number;
  /** Sum of every partner's CV group and open volume, at the CV volume scale (checks the volumes). */
  cvGroupOpen: number;
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
  // The engine's tables object (kept per plan and data set): the ledger's size hint is kept per tables object.
  const tables = tablesOf(ir, c);
  if (typeof tables === "string") throw new Error(tables);
  const release = releaseOf(ir, c);
  const month = monthOfPeriod(period);
  const asOfDay = toDayNumber(asOf);
  const lastDay = toDayNumber(lastDayOf(period));
  // Arrays of a partner's or a ledger's size come from the engine's array pool and go back at
  // the end, as the compiled run's do (sized as it sizes them, so the two take each other's):
  // fresh, they sat beside the pooled ones and made this run the bench's peak.
  const taken: PoolArray[] = [];
  const own = <T extends PoolArray>(a: T): T => (taken.push(a), a);
  const candidates = release.byMonth.get(month) ?? new Int32Array(0);
  const countedAll = own(take(Int32Array, candidates.length));
  let countedLength = 0;
  for (let j = 0; j < candidates.length; j++) if (release.releaseDay[candidates[j]!]! <= asOfDay) countedAll[countedLength++] = candidates[j]!;
  const counted = countedAll.subarray(0, countedLength);
  const values = [own(take(Float64Array, counted.length)), own(take(Float64Array, counted.length))];
  const takes = takesOf(c);
  const firstTake = firstTakeDayOf(c, takes);
  const pvFigure = tables.figures[0]!.values;
  const cvFigure = tables.figures[1]!.values;
  for (let i = 0; i < counted.length; i++) {
    const o = counted[i]!;
    if (firstTake[o]! <= asOfDay) {
      // The engine's exact values of a partly cancelled order (kept per order and applied takes).
      const v = reducedValuesOf(ir, c, tables, o, takes.get(o)!, asOf);
      if (typeof v === "string") throw new Error(v);
      values[0]![i] = v[0]!;
      values[1]![i] = v[1]!;
    } else {
      values[0]![i] = pvFigure[o]!;
      values[1]![i] = cvFigure[o]!;
    }
  }
  const splits: Map<string, SplitAgreement> = agreementsInForce(data.splits, period);
  const portions = buildPortions(ir, c, tables, counted, values, splits);
  if (typeof portions === "string") throw new Error(portions);
  const n = c.partnerCount;
  const supporterOf = own(take(Int32Array, n, -1));
  const memberCount = own(take(Int32Array, n + 1));
  for (const a of splits.values()) {
    const m = c.indexOf.get(a.member);
    if (m === undefined) continue;
    const s = c.indexOf.get(a.supporter)!;
    supporterOf[m] = s;
    memberCount[s]!++;
  }
  const memberStart = own(take(Int32Array, n + 1));
  for (let p = 0; p < n; p++) memberStart[p + 1] = memberStart[p]! + memberCount[p]!;
  const memberList = new Int32Array(memberStart[n]!);
  const fill = own(take(Int32Array, n));
  fill.set(memberStart.subarray(0, n));
  for (const a of splits.values()) {
    const m = c.indexOf.get(a.member);
    if (m !== undefined) memberList[fill[c.indexOf.get(a.supporter)!]!++] = m;
  }
  const order = creditOrder(c, memberStart, memberList);
  if (order === null) throw new Error("credit cycle");

  // Volumes, ranks, activity: PV at scale v0, CV at v1.
  const s0 = pow10(tables.volumeScale[0]!);
  const pv = own(take(Float64Array, n));
  const gv = own(take(Float64Array, n));
  const ov = own(take(Float64Array, n));
  const dv = own(take(Float64Array, n));
  // CV volumes too: the result lists every measure's personal, group and open volume.
  const pc = own(take(Float64Array, n));
  const gc = own(take(Float64Array, n));
  const oc = own(take(Float64Array, n));
  const dc = own(take(Float64Array, n));
  for (let i = 0; i < portions.count; i++) {
    const x = portions.x[0]![i]!;
    const y = portions.x[1]![i]!;
    const p0 = portions.p0[i]!;
    pv[p0] = pv[p0]! + x;
    pc[p0] = pc[p0]! + y;
    const d = portions.diverted[i]!;
    if (d >= 0) {
      dv[d] = dv[d]! + x;
      dc[d] = dc[d]! + y;
    }
  }
  const rank = own(take(Int32Array, n, -1));
  const manager = own(take(Uint8Array, n));
  const eligible = own(take(Uint8Array, n));
  const subtree = own(take(Int32Array, n, -1));
  const { childStart, childList } = c;
  const capManager = 2400 * s0;
  for (let i = 0; i < n; i++) {
    const p = order[i]!;
    let g = pv[p]!;
    let o = g;
    let gC = pc[p]!;
    let oC = gC;
    for (let j = childStart[p]!; j < childStart[p + 1]!; j++) {
      const ch = childList[j]!;
      g += gv[ch]! - dv[ch]!;
      gC += gc[ch]! - dc[ch]!;
      if (!manager[ch]) {
        o += ov[ch]! - dv[ch]!;
        oC += oc[ch]! - dc[ch]!;
      }
    }
    for (let j = memberStart[p]!; j < memberStart[p + 1]!; j++) {
      const m = memberList[j]!;
      gC += dc[m]!;
      if (!manager[m]) oC += dc[m]!;
      g += dv[m]!;
      if (!manager[m]) o += dv[m]!;
    }
    gv[p] = g;
    ov[p] = o;
    gc[p] = gC;
    oc[p] = oC;
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
  // ledger and breakage go into the same columns the engine writes (same output, same work),
  // written inline from locals; a path step reads one packed pair node[2p] (sponsor),
  // node[2p + 1] (eligible | manager << 1 | (rank + 1) << 2), as the generated code does.
  const div = pow10(tables.volumeScale[1]!);
  const half = Math.floor(div / 2);
  const node = own(take(Int32Array, 2 * n));
  for (let q = 0; q < n; q++) {
    node[2 * q] = c.sponsor[q]!;
    node[2 * q + 1] = eligible[q]! | (manager[q]! << 1) | ((rank[q]! + 1) << 2);
  }
  const ledger = new LedgerColumns(n, 6, ledgerCapacity(tables, portions.count), true);
  const earned = ledger.earned;
  const brk = ledger.breakage;
  const R = 7; // UNPAID_REASONS.length
  let lr = ledger.recipient, lb = ledger.bonus, lp = ledger.portion, ls = ledger.step, ln = ledger.number, lt = ledger.rate, la = ledger.amount;
  let len = 0;
  const xs = portions.x[1]!;
  const P0 = portions.p0;
  const P1 = portions.p1;
  const PO = portions.order;
  const earners = new Int32Array(16);
  for (let i = 0; i < portions.count; i++) {
    const x = xs[i]!;
    if (x === 0) continue;
    if (len + 20 > lr.length) {
      ledger.length = len;
      ledger.reserve(20);
      lr = ledger.recipient; lb = ledger.bonus; lp = ledger.portion; ls = ledger.step; ln = ledger.number; lt = ledger.rate; la = ledger.amount;
    }
    // Amounts are non-negative here (x > 0 for this plan's orders; a negative x rounds half away).
    const neg = x < 0;
    const ax = neg ? -x : x;
    const a5 = (neg ? -1 : 1) * Math.floor((ax * 5 + half) / div);
    const p0 = P0[i]!;
    const p1 = P1[i]!;
    // 0 Ebenenbonus: 5 levels with compression, 5% each; level 3 needs Senior, 4 and 5 Manager.
    let p = p1;
    let step = 1;
    for (let level = 1; level <= 5; level++) {
      while (p >= 0 && (node[2 * p + 1]! & 1) === 0) {
        p = node[2 * p]!;
        step++;
      }
      if (p < 0) {
        if (a5 !== 0) brk[REASON.pathShorter] = brk[REASON.pathShorter]! + a5 * (6 - level);
        break;
      }
      if ((node[2 * p + 1]! >> 2) - 1 < (level <= 2 ? -1 : level === 3 ? SENIOR : MANAGER)) {
        if (a5 !== 0) brk[REASON.belowRank] = brk[REASON.belowRank]! + a5;
      } else if (a5 !== 0) {
        lr[len] = p; lb[len] = 0; lp[len] = i; ls[len] = step; ln[len] = level; lt[len] = 5; la[len] = a5; len++; earned[p] = earned[p]! + a5;
      }
      p = node[2 * p]!;
      step++;
    }
    // 1 Differenzbonus, remembering the earners for Stufengleich.
    let count = 0;
    let paid = 0;
    p = p0;
    step = 0;
    while (paid < 35 && p >= 0) {
      const st = node[2 * p + 1]!;
      if ((st & 1) === 1) {
        const r = (st >> 2) - 1;
        const rate = r < 0 ? 0 : DIFF[r]!;
        if (rate > paid) {
          const a = (neg ? -1 : 1) * Math.floor((ax * (rate - paid) + half) / div);
          if (a !== 0) {
            lr[len] = p; lb[len] = 1; lp[len] = i; ls[len] = step; ln[len] = 0; lt[len] = rate - paid; la[len] = a; len++; earned[p] = earned[p]! + a;
          }
          earners[count++] = step;
          earners[count++] = p;
          paid = rate;
        }
      }
      p = step === 0 ? p1 : node[2 * p]!;
      step++;
    }
    if (paid < 35) {
      const a = (neg ? -1 : 1) * Math.floor((ax * (35 - paid) + half) / div);
      if (a !== 0) brk[1 * R + REASON.topRateNotReached] = brk[1 * R + REASON.topRateNotReached]! + a;
    }
    // 2 Managerbonus: 3 generations above the OV owner, 5%; generations 2 and 3 need Director.
    p = p0;
    step = 0;
    while (p >= 0 && (node[2 * p + 1]! & 2) === 0) {
      p = step === 0 ? p1 : node[2 * p]!;
      step++;
    }
    if (p < 0) {
      if (a5 !== 0) brk[2 * R + REASON.noOwner] = brk[2 * R + REASON.noOwner]! + 3 * a5;
    } else {
      for (let g = 1; g <= 3; g++) {
        do {
          p = step === 0 ? p1 : node[2 * p]!;
          step++;
        } while (p >= 0 && (node[2 * p + 1]! & 2) === 0);
        if (p < 0) {
          if (a5 !== 0) brk[2 * R + REASON.fewerManagers] = brk[2 * R + REASON.fewerManagers]! + a5 * (4 - g);
          break;
        }
        const st = node[2 * p + 1]!;
        if ((st & 1) === 0) {
          if (a5 !== 0) brk[2 * R + REASON.inactive] = brk[2 * R + REASON.inactive]! + a5;
        } else if (g > 1 && (st >> 2) - 1 < DIRECTOR) {
          if (a5 !== 0) brk[2 * R + REASON.belowRank] = brk[2 * R + REASON.belowRank]! + a5;
        } else if (a5 !== 0) {
          lr[len] = p; lb[len] = 2; lp[len] = i; ls[len] = step; ln[len] = g; lt[len] = 5; la[len] = a5; len++; earned[p] = earned[p]! + a5;
        }
      }
    }
    // 3 Stufengleich 3% from Manager.
    const a3 = (neg ? -1 : 1) * Math.floor((ax * 3 + half) / div);
    for (let e = 0; e < count; e += 2) {
      const er = (node[2 * earners[e + 1]! + 1]! >> 2) - 1;
      if (er < MANAGER) continue;
      step = earners[e]!;
      p = earners[e + 1]!;
      for (;;) {
        p = step === 0 ? p1 : node[2 * p]!;
        step++;
        if (p < 0) break;
        const st = node[2 * p + 1]!;
        if ((st & 1) === 0) continue;
        const r = (st >> 2) - 1;
        if (r === er) {
          if (a3 !== 0) {
            lr[len] = p; lb[len] = 3; lp[len] = i; ls[len] = step; ln[len] = 0; lt[len] = 3; la[len] = a3; len++; earned[p] = earned[p]! + a3;
          }
          break;
        }
        if (r > er) break;
      }
    }
    // 4 Fast Start: buyer partner within 60 days; level 1 20%, level 2 5%.
    const o = PO[i]!;
    const buyer = c.buyerPartner[o]!;
    if (buyer >= 0 && c.dateDay[o]! - c.joinedDay[buyer]! <= 60) {
      const a20 = (neg ? -1 : 1) * Math.floor((ax * 20 + half) / div);
      const q = p1 < 0 ? -1 : node[2 * p1]!;
      if (p1 < 0) brk[4 * R + REASON.pathShorter] = brk[4 * R + REASON.pathShorter]! + a20;
      else if ((node[2 * p1 + 1]! & 1) === 0) brk[4 * R + REASON.inactive] = brk[4 * R + REASON.inactive]! + a20;
      else if (a20 !== 0) {
        lr[len] = p1; lb[len] = 4; lp[len] = i; ls[len] = 1; ln[len] = 1; lt[len] = 20; la[len] = a20; len++; earned[p1] = earned[p1]! + a20;
      }
      if (q < 0) brk[4 * R + REASON.pathShorter] = brk[4 * R + REASON.pathShorter]! + a5;
      else if ((node[2 * q + 1]! & 1) === 0) brk[4 * R + REASON.inactive] = brk[4 * R + REASON.inactive]! + a5;
      else if (a5 !== 0) {
        lr[len] = q; lb[len] = 4; lp[len] = i; ls[len] = 2; ln[len] = 2; lt[len] = 5; la[len] = a5; len++; earned[q] = earned[q]! + a5;
      }
    }
  }
  ledger.length = len;
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
  const payout = own(take(Float64Array, n));
  const carriedOut = own(take(Float64Array, n));
  for (let p = 0; p < n; p++) {
    const balance = ledger.earned[p]!;
    payout[p] = balance >= 1000 ? balance : 0;
    carriedOut[p] = balance - payout[p]!;
  }
  let total = 0;
  for (let e = 0; e < ledger.length; e++) total += ledger.amount[e]!;
  let breakage = 0;
  for (const b of ledger.breakage) breakage += b;
  let cvGroupOpen = 0;
  for (let p = 0; p < n; p++) if (c.joinedDay[p]! <= lastDay) cvGroupOpen += gc[p]! + oc[p]!;
  // Everything taken from the pool goes back, so the compiled run after this one finds it
  // (this code keeps nothing).
  giveBack(...portionArrays(portions), order, ...ledger.arrays(), ...taken);
  return { ledgerEntries: ledger.length, total, breakage, cvGroupOpen };
}
