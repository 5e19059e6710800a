/**
 * A sponsor chain `n` deep in which every partner orders (P0 at the top, P(n-1) at the bottom):
 * the worst case for upline walks. test/robustness/deepChain.test.ts pins its amounts;
 * bench/timings.ts times the reference run over it.
 */
export function chainDocument(n: number): unknown {
  const partners = [];
  const orders = [];
  for (let i = 0; i < n; i++) {
    partners.push({ id: `P${i}`, sponsor: i === 0 ? null : `P${i - 1}`, joined: "2026-01-01" });
    orders.push({
      id: `O${i}`, buyer: `P${i}`, date: "2026-10-05", paid: "2026-10-05", delivered: "2026-10-06",
      lines: [{ sku: "X", qty: 1, net: i % 7 === 0 ? "1000.00" : "100.00", points: i % 3 === 0 ? "200" : "20" }],
    });
  }
  return { partners, customers: [], splits: [], orders, cancellations: [] };
}
