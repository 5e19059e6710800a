/**
 * Lowering: a checked AST (no errors) to the typed IR of core/ir.ts. Names become indices,
 * numbers canonical decimal strings, percentages fractions, and everything the plan leaves out
 * takes the default language.md gives it: rounding half-up to 0.01, monthly periods, withdrawal
 * 0 days, policy `exact`, split mode `volume`, payout minimum 0, no activity condition.
 *
 * Only call this when the checker found no error: it relies on every name resolving and every
 * required part being there, and throws (an internal error) otherwise.
 */
import type { CancellationItem, Item, PlanAst, SplitItem } from "../grammar/ast.ts";
import { IR_VERSION, type CancellationIR, type PlanIR, type Policy, type RoundingMode, type SplitIR } from "../core/ir.ts";
import { lowerBonuses } from "./lowerBonuses.ts";
import { lowerCondition, type NameTables } from "./lowerCondition.ts";
import { canonicalNumber, percentToFraction } from "../core/numbers.ts";

export function lowerPlan(ast: PlanAst): PlanIR {
  const items = ast.items;
  const first = <K extends Item["kind"]>(kind: K) =>
    items.find((i): i is Extract<Item, { kind: K }> => i.kind === kind);
  const all = <K extends Item["kind"]>(kind: K) => items.filter((i): i is Extract<Item, { kind: K }> => i.kind === kind);

  const header = required(first("PlanHeader"), "plan header");
  const ranksItem = required(first("Ranks"), "ranks block");
  const volumes = all("Volume");
  const names = nameTables(
    ranksItem.ranks.map((r) => r.name.text),
    volumes.map((v) => v.name.text),
  );
  const rounding = first("Rounding");
  const active = first("Active");
  const breakaway = first("Breakaway");
  const split = first("Split");
  const payout = first("Payout");
  const target = first("PayoutTarget");

  return {
    irVersion: IR_VERSION,
    name: header.title.value,
    version: header.version ? header.version.value : null,
    currency: required(first("Currency"), "currency").code.text,
    rounding: {
      mode: rounding ? (rounding.mode.text as RoundingMode) : "half-up",
      unit: rounding?.unit ? canonicalNumber(rounding.unit.text) : "0.01",
    },
    period: "monthly",
    measures: volumes.map((v) => ({ name: v.name.text, figure: v.figure.text })),
    activity: active ? lowerCondition(active.condition, names) : null,
    ranks: ranksItem.ranks.map((r) => ({
      name: r.name.text,
      condition: r.condition ? lowerCondition(r.condition, names) : null,
    })),
    breakaway: breakaway ? names.rank(breakaway.rank.text) : null,
    bonuses: lowerBonuses(all("Bonus"), names, ranksItem.ranks.length),
    split: split ? lowerSplit(split, names) : null,
    cancellation: lowerCancellation(first("Cancellation")),
    payoutMinimum: payout ? canonicalNumber(payout.minimum.text) : "0",
    ...(target ? { payoutTarget: percentToFraction(target.target.text) } : {}),
  };
}

function lowerSplit(split: SplitItem, names: NameTables): SplitIR {
  let mode: SplitIR["mode"] = "volume";
  let measures: number[] = [];
  let defaultShare: string | undefined;
  for (const clause of split.clauses) {
    switch (clause.kind) {
      case "SplitMode":
        mode = clause.mode.text as SplitIR["mode"];
        break;
      case "SplitMeasures":
        // Ascending index: the set of split measures has one canonical order.
        measures = clause.measures.map((m) => names.measure(m.text)).sort((a, b) => a - b);
        break;
      case "SplitDefaultShare":
        defaultShare = percentToFraction(clause.share.text);
        break;
      default: {
        const never: never = clause;
        throw new Error(`unhandled split clause ${JSON.stringify(never)}`);
      }
    }
  }
  return { title: split.title ? split.title.value : null, mode, measures, defaultShare: required(defaultShare, "default share") };
}

function lowerCancellation(item: CancellationItem | undefined): CancellationIR {
  const result: CancellationIR = { withdrawalDays: 0, policy: "exact", lateCanceller: null };
  for (const clause of item?.clauses ?? []) {
    switch (clause.kind) {
      case "Withdrawal":
        result.withdrawalDays = Number(canonicalNumber(clause.days.text));
        break;
      case "Policy":
        result.policy = clause.policy.text as Policy;
        break;
      case "LateCanceller":
        result.lateCanceller = {
          holdWeeks: clause.holdWeeks ? Number(canonicalNumber(clause.holdWeeks.text)) : null,
          prepaymentOnly: clause.prepaymentOnly,
        };
        break;
      default: {
        const never: never = clause;
        throw new Error(`unhandled cancellation clause ${JSON.stringify(never)}`);
      }
    }
  }
  return result;
}

function nameTables(ranks: readonly string[], measures: readonly string[]): NameTables {
  const rankIndex = new Map(ranks.map((name, i) => [name, i] as const));
  const measureIndex = new Map(measures.map((name, i) => [name, i] as const));
  return {
    rank: (name) => required(rankIndex.get(name), `rank ${name}`),
    measure: (name) => required(measureIndex.get(name), `measure ${name}`),
  };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`lowering a plan without ${what}: the checker should have reported it`);
  return value;
}
