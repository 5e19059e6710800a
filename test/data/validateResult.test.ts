/** validateResult: the result document of data.md is valid; mistakes an evaluator could make are not. */
import { describe, expect, it } from "vitest";
import type { ResultDocument } from "../../core/result.ts";
import { validateResult } from "../../core/validateResult.ts";

/** The example of docs/spec/data.md, plus one of each list entry kind. */
function exampleResult(): ResultDocument {
  return {
    plan: "Vitalis Classic",
    policy: "exact",
    periods: [
      {
        period: "2026-10",
        asOf: "2026-11-21",
        final: true,
        ranks: { P1: "Manager", P2: "Junior", P3: null },
        active: { P1: true, P2: true, P3: false },
        volumes: {
          P1: {
            PV: { personal: "120", group: "5210", open: "1830" },
            CV: { personal: "240.00", group: "9920.50", open: "3100.00" },
          },
        },
        ledger: [
          { id: "2026-10#1", recipient: "P1", bonus: "Ebenenbonus", kind: "level", order: "O1", portion: "recruiter",
            step: 2, level: 2, base: "99.80", rate: "5%", amount: "4.99" },
          { id: "2026-11#7", recipient: "P1", bonus: "Ebenenbonus", kind: "level", order: "O1", cancellation: "S1",
            reverses: "2026-10#1", amount: "-2.50" },
          { id: "2026-10#2", recipient: "P2", bonus: "Weltpool", kind: "pool", rate: "2%", amount: "31.20" },
        ],
        statements: { P1: { earned: "812.40", carriedIn: "0.00", payout: "812.40", carriedOut: "0.00" } },
        breakage: [{ bonus: "Weltpool", amount: "31.20", reason: "no qualifier" }],
        unrecovered: [{ partner: "U", amount: "12.00", reason: "terminated" }],
        flags: [{ buyer: "N", from: "2026-11-25", cancellation: "S1C", order: "O1", reason: "late cancellation",
          hold: { weeks: 8, prepaymentOnly: true } }],
        deferred: [{ order: "O2", countsIn: "2026-11", reason: "paid in 2026-11" }, { order: "O3", countsIn: null, reason: "pending" }],
        stock: [{ cancellation: "S1", order: "O1", sku: "VIT-C", qty: "1" }],
      },
    ],
  };
}

describe("validateResult", () => {
  it("accepts the result document of data.md", () => {
    expect(validateResult(exampleResult())).toEqual([]);
  });

  it("lets ledger entries grow new fields (data.md: field names may grow)", () => {
    const doc = exampleResult() as unknown as { periods: { ledger: Record<string, unknown>[] }[] };
    (doc.periods[0]?.ledger[0] as Record<string, unknown>).leg = "P7";
    expect(validateResult(doc)).toEqual([]);
  });

  it("reports each mistake with its path", () => {
    const doc = exampleResult() as unknown as Record<string, any>;
    const period = doc.periods[0];
    period.final = "yes";
    period.ledger[0].amount = "4,99";
    period.ledger[1].amount = "-0.00";
    period.ledger[2].id = "2026-10#0";
    period.statements.P1.payout = "-5.00";
    delete period.stock;
    period.totals = {};
    period.deferred[1].countsIn = "2026-13";
    doc.policy = "fancy";
    expect(validateResult(doc)).toEqual([
      "policy: must be equal to one of the allowed values, got \"fancy\"",
      "periods[0]: missing field `stock`",
      "periods[0]: unknown field `totals`",
      "periods[0].final: must be boolean, got \"yes\"",
      "periods[0].ledger[0].amount: must match pattern \"^(?!-0+(\\.0+)?$)-?\\d+(\\.\\d+)?$\", got \"4,99\"",
      "periods[0].ledger[1].amount: must match pattern \"^(?!-0+(\\.0+)?$)-?\\d+(\\.\\d+)?$\", got \"-0.00\"",
      "periods[0].ledger[2].id: must match pattern \"^\\d{4}-(0[1-9]|1[0-2])#[1-9]\\d*$\", got \"2026-10#0\"",
      "periods[0].statements.P1.payout: must match pattern \"^\\d+(\\.\\d+)?$\", got \"-5.00\"",
      "periods[0].deferred[1].countsIn: must match format \"period\", got \"2026-13\"",
    ]);
  });

  it("rejects something that is not a result document at all", () => {
    expect(validateResult(null)).toEqual(["(document): must be object, got null"]);
  });
});
