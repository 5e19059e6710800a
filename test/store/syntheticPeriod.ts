/**
 * A big closed period without running a big plan: `partners` partners (ids P000001…, in string
 * order), `entriesPerPartner` ledger entries each, realistic field shapes. For the export memory
 * test and bench/storeExport.ts — what is measured there is the store and the writers, not the
 * engine.
 */
import type { LedgerEntry, PeriodResult } from "../../core/result.ts";
import { COMP_VERSION } from "../../store/version.ts";
import type { CloseRecord } from "../../store/types.ts";

export function syntheticPeriod(period: string, partners: number, entriesPerPartner: number): CloseRecord {
  const id = (n: number) => `P${String(n).padStart(6, "0")}`;
  const ranks: PeriodResult["ranks"] = {};
  const active: PeriodResult["active"] = {};
  const volumes: PeriodResult["volumes"] = {};
  const statements: PeriodResult["statements"] = {};
  const ledger: LedgerEntry[] = [];
  const rankNames = ["Consultant", "Junior", "Senior", "Manager", null];
  for (let n = 1; n <= partners; n++) {
    const p = id(n);
    ranks[p] = rankNames[n % rankNames.length]!;
    active[p] = n % 3 !== 0;
    volumes[p] = { PV: { personal: String(n % 200), group: String(n % 5000), open: String(n % 700) }, CV: { personal: `${n % 300}.50`, group: `${n % 9000}.25`, open: `${n % 800}.75` } };
    const amount = `${(n % 10000) * entriesPerPartner}.00`;
    statements[p] = { earned: amount, carriedIn: "0.00", payout: amount, carriedOut: "0.00" };
  }
  const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
  for (let n = 1; n <= partners; n++) {
    for (let k = 0; k < entriesPerPartner; k++) {
      ledger.push({
        id: `${period}#${ledger.length + 1}`, recipient: id(((n + k * 7919) % partners) + 1), bonus: "Ebenenbonus", kind: "level",
        order: `O${n}`, portion: "recruiter", step: k + 1, level: k + 1, base: `${n % 500}.00`, rate: "5%", amount: money((n % 500) * 5),
      });
    }
  }
  const result: PeriodResult = { period, asOf: `${period}-28`, final: true, ranks, active, volumes, ledger, statements, breakage: [], unrecovered: [], flags: [], deferred: [], stock: [] };
  return {
    meta: { period, asOf: result.asOf, planName: "Synthetic", planHash: "0".repeat(64), policy: "exact", splitMode: "volume", engine: "reference", engineVersion: COMP_VERSION, closedAt: "2026-01-01T00:00:00.000Z" },
    planText: 'plan "Synthetic" version "1"\n', result, earnedTotal: "0.00", payoutTotal: "0.00", orders: [], cancellations: [],
  };
}
