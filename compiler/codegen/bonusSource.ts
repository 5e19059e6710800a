/**
 * Source of the bonus kernel: every per-portion bonus of the plan (level, differential,
 * generation, equal rank, fast start) fused into one function, in declaration order, with rates,
 * required ranks, tiers and rounding factors inlined and level/generation tiers unrolled. It is
 * the interpreter's walks (runtime/compiled/interpretBonuses.ts) specialised to one plan.
 *
 * The source holds only numbers and names made here — never plan text. Signature of the
 * function: (ctx, i) => void for portion i; `H` holds the runtime helpers (amountOf,
 * differentialEarners).
 */
import type { ScaledBonusShape, ScaledTierShape } from "./shapes.ts";

/** Reason indices of runtime/compiled/ledgerColumns.ts REASON. */
const INACTIVE = 0;
const BELOW_RANK = 1;
const PATH_SHORTER = 2;
const TOP_RATE = 3;
const NO_OWNER = 4;
const FEWER_MANAGERS = 5;

function num(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error("a generated constant must be a safe integer");
  return String(n);
}

interface Emit {
  b: number;
  mult: string;
  div: string;
}

function unpaid(e: Emit, rate: string, reason: number): string {
  return `a = H.amountOf(ctx, x, ${rate}, ${e.mult}, ${e.div}); if (a !== 0) ledger.unpaid(${num(e.b)}, ${num(reason)}, a);`;
}

function pay(e: Emit, rate: string, number: number): string {
  return `a = H.amountOf(ctx, x, ${rate}, ${e.mult}, ${e.div}); if (a !== 0) ledger.push(p, ${num(e.b)}, i, step, ${num(number)}, ${rate}, a);`;
}

/** payTier: unpaid when inactive or below the required rank, else paid. */
function tier(e: Emit, t: ScaledTierShape, number: number): string {
  if (t.rate === 0) return "";
  const rate = num(t.rate);
  const rankCheck = t.requires >= 0 ? ` else if (rank[p] < ${num(t.requires)}) { ${unpaid(e, rate, BELOW_RANK)} }` : "";
  return `if (eligible[p] === 0) { ${unpaid(e, rate, INACTIVE)} }${rankCheck} else { ${pay(e, rate, number)} }`;
}

function unpaidFrom(e: Emit, tiers: ScaledTierShape[], from: number, reason: number): string {
  return tiers.slice(from).filter((t) => t.rate !== 0).map((t) => unpaid(e, num(t.rate), reason)).join(" ");
}

const UP = "p = step === 0 ? p1 : sponsor[p]; step++;";

function bonusSource(bonus: ScaledBonusShape, e: Emit, all: ScaledBonusShape[]): string {
  const head = `x = xs${num(bonus.measure)}[i];\n  if (x !== 0) b${num(e.b)}: {\n`;
  switch (bonus.kind) {
    case "level": {
      const skip = bonus.compression ? "    while (p >= 0 && eligible[p] === 0) { p = sponsor[p]; step++; }\n" : "";
      let body = "    p = p1; step = 1;\n";
      bonus.levels.forEach((t, n) => {
        if (n > 0) body += "    p = sponsor[p]; step++;\n";
        body += skip;
        body += `    if (p < 0) { ${unpaidFrom(e, bonus.levels, n, PATH_SHORTER)} break b${num(e.b)}; }\n`;
        body += `    ${tier(e, t, n + 1)}\n`;
      });
      return `${head}${body}  }\n`;
    }
    case "differential": {
      const rates = `DR${num(e.b)}`;
      return (
        `${head}    paid = 0; p = p0; step = 0;\n` +
        `    while (paid < ${num(bonus.topRate)} && p >= 0) {\n` +
        `      if (eligible[p] === 1) { r = rank[p]; rate = r < 0 ? 0 : ${rates}[r];\n` +
        `        if (rate > paid) { ${pay(e, "rate - paid", 0)} paid = rate; } }\n` +
        `      ${UP}\n    }\n` +
        `    if (paid !== ${num(bonus.topRate)}) { ${unpaid(e, `${num(bonus.topRate)} - paid`, TOP_RATE)} }\n  }\n`
      );
    }
    case "generation": {
      let body = `    p = p0; step = 0;\n    while (p >= 0 && manager[p] === 0) { ${UP} }\n`;
      body += `    if (p < 0) { ${unpaidFrom(e, bonus.generations, 0, NO_OWNER)} break b${num(e.b)}; }\n`;
      bonus.generations.forEach((t, g) => {
        body += `    do { ${UP} } while (p >= 0 && manager[p] === 0);\n`;
        body += `    if (p < 0) { ${unpaidFrom(e, bonus.generations, g, FEWER_MANAGERS)} break b${num(e.b)}; }\n`;
        body += `    ${tier(e, t, g + 1)}\n`;
      });
      return `${head}${body}  }\n`;
    }
    case "equalrank": {
      const differential = all[bonus.differential];
      if (differential === undefined || differential.kind !== "differential") throw new Error("equal rank without a differential bonus");
      return (
        `${head}    n = H.differentialEarners(ctx, i, DR${num(bonus.differential)}, ${num(differential.topRate)}, earners);\n` +
        `    for (let k = 0; k < n; k += 4) {\n` +
        `      const er = earners[k + 2]; if (er < ${num(bonus.minRank)}) continue;\n` +
        `      step = earners[k]; p = earners[k + 1];\n` +
        `      for (;;) { ${UP} if (p < 0) break; if (eligible[p] === 0) continue;\n` +
        `        if (rank[p] === er) { ${pay(e, num(bonus.rate), 0)} break; }\n` +
        `        if (rank[p] > er) break; }\n    }\n  }\n`
      );
    }
    case "faststart": {
      let body = `    if (!(ctx.buyerAge(po.order[i]) <= ${num(bonus.withinDays)})) break b${num(e.b)};\n    p = p1;\n`;
      bonus.levels.forEach((t, n) => {
        if (n > 0) body += "    if (p >= 0) p = sponsor[p];\n";
        body += `    step = ${num(n + 1)};\n`;
        const paidTier = tier(e, t, n + 1);
        const missing = t.rate === 0 ? "" : unpaid(e, num(t.rate), PATH_SHORTER);
        body += `    if (p < 0) { ${missing} } else { ${paidTier} }\n`;
      });
      return `${head}${body}  }\n`;
    }
    case "pool":
      return "";
    default: {
      const never: never = bonus;
      throw new Error(`unknown bonus ${JSON.stringify(never)}`);
    }
  }
}

export function bonusKernelSource(bonuses: ScaledBonusShape[], multipliers: number[], divisors: number[], measureCount: number): string {
  const constants = bonuses
    .map((b, i) => (b.kind === "differential" ? `const DR${num(i)} = [${b.rates.map(num).join(", ")}];\n` : ""))
    .join("");
  const xs = Array.from({ length: measureCount }, (_, k) => `const xs${num(k)} = po.x[${num(k)}];`).join(" ");
  const body = bonuses.map((b, i) => bonusSource(b, { b: i, mult: num(multipliers[i]!), div: num(divisors[i]!) }, bonuses)).join("  ");
  return (
    `${constants}const earners = new Float64Array(${num(4 * (Math.max(0, ...bonuses.map((b) => (b.kind === "differential" ? b.rates.length : 0))) + 1))});\n` +
    "return function bonusKernel(ctx, i) {\n" +
    "  const po = ctx.portions, sponsor = ctx.sponsor, eligible = ctx.eligible, rank = ctx.rank, manager = ctx.manager, ledger = ctx.ledger;\n" +
    `  ${xs}\n` +
    "  const p0 = po.p0[i], p1 = po.p1[i];\n" +
    "  let x = 0, p = 0, step = 0, a = 0, paid = 0, r = 0, rate = 0, n = 0;\n" +
    `  ${body}` +
    "};"
  );
}
