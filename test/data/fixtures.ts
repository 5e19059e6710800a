/** A small valid data document for tests to vary: P1 > P2 > P3, customer K1 of P3, two orders. */
import type { DataDocument } from "../../runtime/data/document.ts";

export function smallDocument(): DataDocument {
  return {
    partners: [
      { id: "P1", sponsor: null, joined: "2025-01-01" },
      { id: "P2", sponsor: "P1", joined: "2025-02-01" },
      { id: "P3", sponsor: "P2", joined: "2025-03-01" },
    ],
    customers: [{ id: "K1", partner: "P3", joined: "2026-01-15" }],
    orders: [
      {
        id: "O1", buyer: "P3", date: "2026-10-05", paid: "2026-10-05", delivered: "2026-10-07",
        lines: [
          { sku: "VIT-C", qty: 2, net: "49.90", points: "40" },
          { sku: "OMEGA", qty: "1", net: "20", points: "10" },
        ],
      },
      {
        id: "O2", buyer: "K1", date: "2026-10-12", paid: "2026-10-12", delivered: "2026-10-14",
        lines: [{ sku: "VIT-C", qty: 1, net: "49.90", points: "40" }],
      },
    ],
  };
}
