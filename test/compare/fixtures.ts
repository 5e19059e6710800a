/** Data sets shared by the comparison tests. */
import type { PlanIR } from "../../compiler/ir.ts";
import type { Dataset } from "../../runtime/data/model.ts";
import { agreement, cancellation, customer, dataset, differentialBonus, levelBonus, order, partner, plan } from "../reference/builders.ts";

// A1 <- A2 <- M (member, recruiter A2); customer K of A2; B1 <- S. M -> S PV 50% / CV 30%;
// K -> S PV 40% / CV 20% in October only. Level 10% / 5% (compression), differential 5%.
// October: O1 M 200.00 / 100; O2 K 100.00 / 100. November: C1 half of O1, C2 all of O2 (exact).
export const splitPlan: PlanIR = plan({
  bonuses: [levelBonus(["0.1", "0.05"]), differentialBonus(["0.05"])],
  split: { title: null, mode: "volume", measures: [0, 1], defaultShare: "0.5" },
});
export const splitData: Dataset = dataset({
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

