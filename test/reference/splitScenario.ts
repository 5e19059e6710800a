/**
 * The split scenario shared by the after-run goldens (volume mode), the commission-mode goldens
 * and the comparison tests, so the modes and policies are read side by side on the same data.
 *
 * Plan: split PV and CV (default 50%); level 1 10%, level 2 5% (compression); differential
 * Consultant 5%; one rank; everyone active; withdrawal 0 days.
 * A1 <- A2 <- M (partner member: recruiter A2 = M's sponsor); customer K of A2 (recruiter A2);
 * B1 <- S. Agreements: M -> S PV 50% / CV 30% (always); K -> S PV 40% / CV 20%, October only.
 * October: O1 M 2 x 100.00 / 50 pts = 200.00 / 100; O2 K 100.00 / 100.
 * November: C1 (11-10) returns one unit of O1 (f = 1/2); C2 (11-12) cancels O2 whole.
 */
import type { PlanIR } from "../../core/ir.ts";
import type { Dataset } from "../../core/dataModel.ts";
import { agreement, cancellation, customer, dataset, differentialBonus, levelBonus, order, partner, plan } from "./builders.ts";

export function splitScenarioPlan(mode: "volume" | "commission"): PlanIR {
  return plan({
    bonuses: [levelBonus(["0.1", "0.05"]), differentialBonus(["0.05"])],
    split: { title: null, mode, measures: [0, 1], defaultShare: "0.5" },
  });
}

export const splitScenarioData: Dataset = dataset({
  partners: [partner("A1", null), partner("A2", "A1"), partner("M", "A2"), partner("B1", null), partner("S", "B1")],
  customers: [customer("K", "A2")],
  splits: [
    agreement(0, "M", "S", null, { shareByMeasure: { PV: "0.5", CV: "0.3" } }),
    agreement(1, "K", "S", null, { shareByMeasure: { PV: "0.4", CV: "0.2" }, to: "2026-10" }),
  ],
  orders: [
    { ...order("O1", "M", "2026-10-05", "0", "0"), lines: [{ sku: "SKU", qty: "2", figures: { net: "100.00", points: "50" } }] },
    order("O2", "K", "2026-10-06", "100.00", "100"),
  ],
  cancellations: [cancellation("C1", "O1", "2026-11-10", { lines: [{ line: 0, qty: "1" }] }), cancellation("C2", "O2", "2026-11-12")],
});
