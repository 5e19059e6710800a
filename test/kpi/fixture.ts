/**
 * A hand-built two-period result document with figures chosen so every KPI can be worked out
 * by hand (the expected numbers in the tests are those hand calculations).
 */
import type { LedgerEntry, PeriodResult, ResultDocument, Statement, VolumeFigures } from "../../core/result.ts";

function cv(personal: string, group: string): Record<string, VolumeFigures> {
  return { PV: { personal: "0", group: "0", open: "0" }, CV: { personal, group, open: group } };
}

function statement(earned: string, payout: string): Statement {
  return { earned, carriedIn: "0.00", payout, carriedOut: payout === earned ? "0.00" : earned };
}

function entry(period: string, n: number, recipient: string, bonus: string, kind: LedgerEntry["kind"], amount: string): LedgerEntry {
  return { id: `${period}#${n}`, recipient, bonus, kind, amount, ...(kind === "pool" ? {} : { order: `O${n}`, portion: "recruiter", step: 1 }) };
}

function period(p: Omit<PeriodResult, "asOf" | "final" | "active" | "breakage" | "unrecovered" | "flags" | "deferred" | "stock">): PeriodResult {
  const active = Object.fromEntries(Object.keys(p.ranks).map((id) => [id, true]));
  return { ...p, asOf: "2026-12-15", final: true, active, breakage: [], unrecovered: [], flags: [], deferred: [], stock: [] };
}

export const RANK_ORDER = ["Junior", "Senior", "Manager", "Director"] as const;

export const RESULT: ResultDocument = {
  plan: "KPI fixture",
  policy: "exact",
  periods: [
    period({
      period: "2026-10",
      ranks: { A: "Manager", B: "Senior", C: null, D: "Senior", E: "Junior" },
      volumes: {
        A: cv("100.00", "5000.00"),
        B: cv("250.50", "1200.00"),
        C: cv("0", "0"),
        D: cv("49.50", "800.00"),
        E: cv("0", "100.00"),
      },
      ledger: [
        entry("2026-10", 1, "A", "Ebenenbonus", "level", "10.00"),
        entry("2026-10", 2, "B", "Ebenenbonus", "level", "5.00"),
        entry("2026-10", 3, "A", "Differenzbonus", "differential", "30.05"),
        entry("2026-10", 4, "B", "Differenzbonus", "differential", "12.50"),
        entry("2026-10", 5, "A", "Weltpool", "pool", "3.00"),
      ],
      statements: { A: statement("43.05", "43.05"), B: statement("17.50", "17.50") },
    }),
    period({
      period: "2026-11",
      ranks: { A: "Senior", B: "Manager", C: "Junior", D: null, E: null, F: null },
      volumes: {
        A: cv("200.00", "1500.00"),
        B: cv("100.00", "4200.00"),
        C: cv("50.00", "60.00"),
        D: cv("0", "0"),
        E: cv("0", "0"),
        F: cv("50.00", "50.00"),
      },
      ledger: [
        entry("2026-11", 1, "B", "Ebenenbonus", "level", "8.00"),
        entry("2026-11", 2, "A", "Differenzbonus", "differential", "20.00"),
        { ...entry("2026-11", 3, "A", "Ebenenbonus", "level", "-2.50"), cancellation: "S1", reverses: "2026-10#1" },
        entry("2026-11", 4, "C", "Differenzbonus", "differential", "1.25"),
      ],
      // B and C stay under the minimum payout: earned but carried.
      statements: { A: statement("17.50", "17.50"), B: statement("8.00", "0.00"), C: statement("1.25", "0.00") },
    }),
  ],
};
