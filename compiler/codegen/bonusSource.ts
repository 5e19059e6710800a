/**
 * Source of the bonus kernel: every per-portion bonus of the plan (level, differential,
 * generation, equal rank, fast start) fused into one loop over a range of portions, in
 * declaration order, with rates, required ranks, tiers, rounding mode and factors inlined and
 * level/generation tiers unrolled. It is the interpreter's walks
 * (runtime/compiled/interpretBonuses.ts) specialised to one plan.
 *
 * What makes it fast (docs/PERFORMANCE.md, experiment log): one call per period instead of one
 * per portion; a path step reads one packed pair `node[2p]` (sponsor) and `node[2p + 1]`
 * (standing: bit 0 eligible, bit 1 manager, bits 2.. rank + 1), one cache line instead of four
 * arrays; ledger columns written inline from locals, capacity checked once per portion; the
 * rounding inlined for the plan's mode; an equal-rank bonus reuses the earners its differential
 * walk recorded instead of walking the path again.
 *
 * The source holds only numbers and names made here — never plan text. Signature of the
 * function: (ctx, from, to) => void for portions from..to-1; `H` holds the runtime helpers
 * (amountOf, differentialEarners).
 */
import type { RoundingMode } from "../../core/ir.ts";
import type { ScaledBonusShape, ScaledTierShape } from "./shapes.ts";

/** Reason indices of runtime/compiled/ledgerColumns.ts REASON. */
const INACTIVE = 0;
const BELOW_RANK = 1;
const PATH_SHORTER = 2;
const TOP_RATE = 3;
const NO_OWNER = 4;
const FEWER_MANAGERS = 5;
/** Unpaid reasons per bonus (UNPAID_REASONS.length). */
const REASONS = 7;
/** The ledger's narrow columns (runtime/compiled/ledgerColumns.ts). */
const MAX_STEP = 0xffff;
const MAX_INT32 = 0x7fffffff;

function num(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error("a generated constant must be a safe integer");
  return String(n);
}

interface Emit {
  b: number;
  mult: string;
  div: string;
  /** Largest rate this bonus can write: when it does not fit the rate column, checked per entry. */
  rateFits: boolean;
  /** Amounts computed once per portion at the top of the bonus's block: rate text -> local name. */
  hoisted?: Map<string, string>;
}

/** The packed standing of partner p. */
const ST = "node[(p << 1) | 1]";
const ELIGIBLE = `(${ST} & 1)`;
const MANAGER = `(${ST} & 2)`;
const RANK = `((${ST} >> 2) - 1)`;
const SPONSOR = "node[p << 1]";
const UP = `p = step === 0 ? p1 : ${SPONSOR}; step++;`;

/** a = round(x × rate) in minor units; the exact BigInt path when the product leaves 2^52. */
function amount(e: Emit, rate: string): string {
  const local = e.hoisted?.get(rate);
  if (local !== undefined) return `a = ${local};`;
  return `q = x * (${rate}) * ${e.mult}; a = ${roundedProduct(e, rate)};`;
}

function roundedProduct(e: Emit, rate: string): string {
  return `q <= 4503599627370496 && q >= -4503599627370496 ? rd(q, ${e.div}) : H.amountOf(ctx, x, ${rate}, ${e.mult}, ${e.div})`;
}

/**
 * A level, generation or fast-start block uses the amount of every tier with a non-zero rate
 * exactly once on every way through it (paid, or unpaid with a reason), and tiers often share a
 * rate (five levels of 5%): each distinct rate's amount is rounded once at the top of the block
 * instead of once per tier. The same amounts are computed in the same cases, so an amount that
 * leaves the safe range is still found (ctx.unsafe) exactly when it was before.
 */
function hoistRates(e: Emit, tiers: ScaledTierShape[]): string {
  const rates = [...new Set(tiers.filter((t) => t.rate !== 0).map((t) => num(t.rate)))];
  e.hoisted = new Map(rates.map((rate, k) => [rate, `A${num(e.b)}_${num(k)}`]));
  return rates.map((rate, k) => `      q = x * (${rate}) * ${e.mult}; const A${num(e.b)}_${num(k)} = ${roundedProduct(e, rate)};\n`).join("");
}

function unpaid(e: Emit, rate: string, reason: number): string {
  const k = num(e.b * REASONS + reason);
  return `${amount(e, rate)} if (a !== 0) brk[${k}] += a;`;
}

function pay(e: Emit, rate: string, number: number): string {
  const checks = [`step > ${num(MAX_STEP)}`, `a > ${num(MAX_INT32)}`, `a < -${num(MAX_INT32)}`];
  if (!e.rateFits) checks.push(`(${rate}) > ${num(MAX_INT32)}`, `(${rate}) < -${num(MAX_INT32)}`);
  if (number > MAX_STEP) checks.unshift("true");
  return (
    `${amount(e, rate)} if (a !== 0) { lr[len] = p; lb[len] = ${num(e.b)}; lp[len] = i; ls[len] = step; ln[len] = ${num(number & 0xffff)}; ` +
    `lt[len] = ${rate}; la[len] = a; len++; earned[p] += a; if (${checks.join(" || ")}) over = true; }`
  );
}

/** payTier: unpaid when inactive or below the required rank, else paid. */
function tier(e: Emit, t: ScaledTierShape, number: number): string {
  if (t.rate === 0) return "";
  const rate = num(t.rate);
  const rankCheck = t.requires >= 0 ? ` else if (${RANK} < ${num(t.requires)}) { ${unpaid(e, rate, BELOW_RANK)} }` : "";
  return `if (${ELIGIBLE} === 0) { ${unpaid(e, rate, INACTIVE)} }${rankCheck} else { ${pay(e, rate, number)} }`;
}

function unpaidFrom(e: Emit, tiers: ScaledTierShape[], from: number, reason: number): string {
  return tiers.slice(from).filter((t) => t.rate !== 0).map((t) => unpaid(e, num(t.rate), reason)).join(" ");
}

/** Entries one portion can write for a bonus at most (every tier or rate step paid once). */
function maxEntries(bonus: ScaledBonusShape, all: ScaledBonusShape[]): number {
  switch (bonus.kind) {
    case "level":
      return bonus.levels.length;
    case "differential":
      return bonus.rates.length;
    case "generation":
      return bonus.generations.length;
    case "equalrank": {
      const d = all[bonus.differential];
      return d !== undefined && d.kind === "differential" ? d.rates.length : 0;
    }
    case "faststart":
      return bonus.levels.length;
    case "pool":
      return 0;
    default: {
      const never: never = bonus;
      throw new Error(`unknown bonus ${JSON.stringify(never)}`);
    }
  }
}

function maxRate(bonus: ScaledBonusShape): number {
  switch (bonus.kind) {
    case "level":
    case "faststart":
      return Math.max(0, ...bonus.levels.map((t) => Math.abs(t.rate)));
    case "generation":
      return Math.max(0, ...bonus.generations.map((t) => Math.abs(t.rate)));
    case "differential":
      return Math.max(0, ...bonus.rates.map(Math.abs));
    case "equalrank":
      return Math.abs(bonus.rate);
    case "pool":
      return 0;
    default: {
      const never: never = bonus;
      throw new Error(`unknown bonus ${JSON.stringify(never)}`);
    }
  }
}

/** Differential bonuses whose earners a later equal-rank bonus on the same measure reads. */
function recordedDifferentials(bonuses: ScaledBonusShape[]): Set<number> {
  const recorded = new Set<number>();
  bonuses.forEach((b, i) => {
    if (b.kind !== "equalrank") return;
    const d = bonuses[b.differential];
    if (d !== undefined && d.kind === "differential" && b.differential < i && d.measure === b.measure) recorded.add(b.differential);
  });
  return recorded;
}

function bonusSource(bonus: ScaledBonusShape, e: Emit, all: ScaledBonusShape[], recorded: Set<number>): string {
  const head = `x = xs${num(bonus.measure)}[i];\n    if (x !== 0) b${num(e.b)}: {\n`;
  switch (bonus.kind) {
    case "level": {
      const skip = bonus.compression ? `      while (p >= 0 && ${ELIGIBLE} === 0) { p = ${SPONSOR}; step++; }\n` : "";
      let body = `${hoistRates(e, bonus.levels)}      p = p1; step = 1;\n`;
      bonus.levels.forEach((t, n) => {
        if (n > 0) body += `      p = ${SPONSOR}; step++;\n`;
        body += skip;
        body += `      if (p < 0) { ${unpaidFrom(e, bonus.levels, n, PATH_SHORTER)} break b${num(e.b)}; }\n`;
        body += `      ${tier(e, t, n + 1)}\n`;
      });
      return `${head}${body}    }\n`;
    }
    case "differential": {
      const rates = `DR${num(e.b)}`;
      const record = recorded.has(e.b) ? ` E${num(e.b)}[n${num(e.b)}] = step; E${num(e.b)}[n${num(e.b)} + 1] = p; E${num(e.b)}[n${num(e.b)} + 2] = r; n${num(e.b)} += 3;` : "";
      return (
        (recorded.has(e.b) ? `    n${num(e.b)} = 0;\n` : "") +
        `${head}      paid = 0; p = p0; step = 0;\n` +
        `      while (paid < ${num(bonus.topRate)} && p >= 0) {\n` +
        `        st = ${ST}; if ((st & 1) === 1) { r = (st >> 2) - 1; rate = r < 0 ? 0 : ${rates}[r];\n` +
        `          if (rate > paid) { ${pay(e, "rate - paid", 0)}${record} paid = rate; } }\n` +
        `        ${UP}\n      }\n` +
        `      if (paid !== ${num(bonus.topRate)}) { ${unpaid(e, `${num(bonus.topRate)} - paid`, TOP_RATE)} }\n    }\n`
      );
    }
    case "generation": {
      let body = `${hoistRates(e, bonus.generations)}      p = p0; step = 0;\n      while (p >= 0 && ${MANAGER} === 0) { ${UP} }\n`;
      body += `      if (p < 0) { ${unpaidFrom(e, bonus.generations, 0, NO_OWNER)} break b${num(e.b)}; }\n`;
      bonus.generations.forEach((t, g) => {
        body += `      do { ${UP} } while (p >= 0 && ${MANAGER} === 0);\n`;
        body += `      if (p < 0) { ${unpaidFrom(e, bonus.generations, g, FEWER_MANAGERS)} break b${num(e.b)}; }\n`;
        body += `      ${tier(e, t, g + 1)}\n`;
      });
      return `${head}${body}    }\n`;
    }
    case "equalrank": {
      const differential = all[bonus.differential];
      if (differential === undefined || differential.kind !== "differential") throw new Error("equal rank without a differential bonus");
      const d = num(bonus.differential);
      // Earners as [step, partner, rank] triples: recorded by the differential walk of this
      // portion, or walked again here when that bonus is not an earlier one on the same measure.
      const source = recorded.has(bonus.differential) && bonus.differential < e.b
        ? `      const ea = E${d}, en = n${d};\n`
        : `      const en = H.differentialEarners(ctx, i, DR${d}, ${num(differential.topRate)}, earners4) / 4 * 3, ea = earners3;\n` +
          "      for (let k = 0, j = 0; j < en; k += 4, j += 3) { ea[j] = earners4[k]; ea[j + 1] = earners4[k + 1]; ea[j + 2] = earners4[k + 2]; }\n";
      return (
        `${head}${source}` +
        `      for (let k = 0; k < en; k += 3) {\n` +
        `        const er = ea[k + 2]; if (er < ${num(bonus.minRank)}) continue;\n` +
        `        step = ea[k]; p = ea[k + 1];\n` +
        `        for (;;) { ${UP} if (p < 0) break; st = ${ST}; if ((st & 1) === 0) continue; r = (st >> 2) - 1;\n` +
        `          if (r === er) { ${pay(e, num(bonus.rate), 0)} break; }\n` +
        `          if (r > er) break; }\n      }\n    }\n`
      );
    }
    case "faststart": {
      // runtime/compiled/walkContext.ts buyerAge, inline: a customer buyer is never within.
      const within = `(bp >= 0 && (fd === fd ? fd : OD[o]) - JD[bp] <= ${num(bonus.withinDays)})`;
      let body = `      { const o = po.order[i], bp = BP[o], fd = ctx.ruleDay; if (!${within}) break b${num(e.b)}; }\n${hoistRates(e, bonus.levels)}      p = p1;\n`;
      bonus.levels.forEach((t, n) => {
        if (n > 0) body += `      if (p >= 0) p = ${SPONSOR};\n`;
        body += `      step = ${num(n + 1)};\n`;
        const paidTier = tier(e, t, n + 1);
        const missing = t.rate === 0 ? "" : unpaid(e, num(t.rate), PATH_SHORTER);
        body += `      if (p < 0) { ${missing} } else { ${paidTier} }\n`;
      });
      return `${head}${body}    }\n`;
    }
    case "pool":
      return "";
    default: {
      const never: never = bonus;
      throw new Error(`unknown bonus ${JSON.stringify(never)}`);
    }
  }
}

/**
 * rd(n, d): n / d rounded to the money unit with the plan's mode, times the unit, for |n| <= 2^52
 * (runtime/compiled/scaled.ts roundDiv, specialised: the quotient is corrected exactly).
 */
function roundingSource(mode: RoundingMode, unitMinor: number): string {
  const away = ((): string => {
    switch (mode) {
      case "half-up":
        return "2 * r >= d";
      case "half-down":
        return "2 * r > d";
      case "half-even":
        return "2 * r > d || (2 * r === d && q % 2 === 1)";
      case "up":
        return "r > 0";
      case "down":
        return "false";
      default: {
        const never: never = mode;
        throw new Error(`unknown rounding mode ${String(never)}`);
      }
    }
  })();
  const unit = unitMinor === 1 ? "" : ` * ${num(unitMinor)}`;
  return (
    "function rd(n, d) {\n" +
    "  const m = n < 0 ? -n : n;\n" +
    "  let q = Math.floor(m / d), r = m - q * d;\n" +
    "  if (r < 0) { q--; r += d; } else if (r >= d) { q++; r -= d; }\n" +
    `  if (${away}) q++;\n` +
    `  return (n < 0 ? -q : q)${unit};\n` +
    "}\n"
  );
}

export interface BonusKernelPlan {
  bonuses: ScaledBonusShape[];
  amountMultiplier: number[];
  amountDivisor: number[];
  measureCount: number;
  mode: RoundingMode;
  unitMinor: number;
}

export function bonusKernelSource(plan: BonusKernelPlan): string {
  const { bonuses, measureCount } = plan;
  const recorded = recordedDifferentials(bonuses);
  const constants = bonuses
    .map((b, i) => (b.kind === "differential" ? `const DR${num(i)} = [${b.rates.map(num).join(", ")}];\n` : ""))
    .join("");
  const earnerArrays = [...recorded].map((d) => `const E${num(d)} = new Float64Array(${num(3 * ((bonuses[d] as { rates: number[] }).rates.length + 1))});\n`).join("");
  const earnerCounts = [...recorded].map((d) => `n${num(d)} = 0`);
  const widest = Math.max(0, ...bonuses.map((b) => (b.kind === "differential" ? b.rates.length : 0))) + 1;
  const perPortion = Math.max(1, bonuses.reduce((sum, b) => sum + maxEntries(b, bonuses), 0));
  const xs = Array.from({ length: measureCount }, (_, k) => `const xs${num(k)} = po.x[${num(k)}];`).join(" ");
  const body = bonuses
    .map((b, i) => bonusSource(b, { b: i, mult: num(plan.amountMultiplier[i]!), div: num(plan.amountDivisor[i]!), rateFits: maxRate(b) <= MAX_INT32 }, bonuses, recorded))
    .join("");
  return (
    `${constants}${earnerArrays}const earners4 = new Float64Array(${num(4 * widest)}), earners3 = new Float64Array(${num(3 * widest)});\n` +
    roundingSource(plan.mode, plan.unitMinor) +
    "return function bonusKernel(ctx, from, to) {\n" +
    "  const po = ctx.portions, node = ctx.node, ledger = ctx.ledger, P0 = po.p0, P1 = po.p1, earned = ledger.earned, brk = ledger.breakage;\n" +
    "  const BP = ctx.buyerPartner, OD = ctx.orderDay, JD = ctx.joinedDay;\n" +
    `  ${xs}\n` +
    "  let lr = ledger.recipient, lb = ledger.bonus, lp = ledger.portion, ls = ledger.step, ln = ledger.number, lt = ledger.rate, la = ledger.amount;\n" +
    "  let len = ledger.length, over = false;\n" +
    `  let x = 0, p = 0, step = 0, a = 0, q = 0, paid = 0, r = 0, rate = 0, st = 0${earnerCounts.map((c) => `, ${c}`).join("")};\n` +
    "  for (let i = from; i < to; i++) {\n" +
    `    if (len + ${num(perPortion)} > lr.length) {\n` +
    `      ledger.length = len; ledger.reserve(${num(perPortion)});\n` +
    "      lr = ledger.recipient; lb = ledger.bonus; lp = ledger.portion; ls = ledger.step; ln = ledger.number; lt = ledger.rate; la = ledger.amount;\n" +
    "    }\n" +
    "    const p0 = P0[i], p1 = P1[i];\n" +
    `${body}` +
    "  }\n" +
    "  ledger.length = len;\n" +
    "  if (over) ledger.overflow = true;\n" +
    "};"
  );
}
