/**
 * The sample company's product catalogue. Figures are per unit, in integer cents and whole
 * points; `net` becomes the CV measure and `points` the PV measure of the bundled plans.
 */

export interface Product {
  sku: string;
  netCents: number;
  points: number;
}

/** Everyday products, bought in monthly orders. */
export const PRODUCTS: readonly Product[] = [
  { sku: "VIT-C", netCents: 2495, points: 20 },
  { sku: "VIT-D3", netCents: 1990, points: 15 },
  { sku: "OMEGA-3", netCents: 3490, points: 30 },
  { sku: "MAGNESIUM", netCents: 1750, points: 12 },
  { sku: "PROTEIN-SHAKE", netCents: 4990, points: 40 },
  { sku: "GREEN-TEA", netCents: 1290, points: 10 },
  { sku: "SKIN-CREAM", netCents: 3950, points: 25 },
  { sku: "BODY-LOTION", netCents: 2290, points: 15 },
];

/** The business kit a new partner buys on the day they join (a typical fast-start order). */
export const STARTER_KIT: Product = { sku: "STARTER-KIT", netCents: 14900, points: 100 };
