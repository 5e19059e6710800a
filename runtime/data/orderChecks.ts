/**
 * Step 2c of data validation: orders (semantics.md §2) and references to people.
 *
 * Besides unknown buyers and duplicate ids, dates must be in order: an order cannot be paid or
 * delivered before it was placed (the commissionable date is the latest of the three, so an
 * earlier `paid` would be silently ignored and almost certainly is a typo), and it cannot be
 * placed before its buyer joined — or, for a customer, before the customer's partner joined —
 * because the partner it credits would not yet be in the structure of that period.
 */
import type { DataDocument, OrderRecord } from "./document.ts";
import type { People } from "./graphChecks.ts";
import type { DataProblem } from "../../core/dataModel.ts";
import { IdPositions } from "./idPositions.ts";

/**
 * The first order with each id, by id: a map of positions (the compiled runtime reuses it,
 * columnar.ts), the `{ index, order }` pair made only when asked for — two million pairs kept
 * alive cost seconds of garbage collection.
 */
export class OrderIndex {
  readonly positions: Map<string, number> = new IdPositions();

  constructor(private readonly list: readonly OrderRecord[]) {}

  get(id: string): { index: number; order: OrderRecord } | undefined {
    const index = this.positions.get(id);
    return index === undefined ? undefined : { index, order: this.list[index] as OrderRecord };
  }
}

type Joined = readonly { joined: string }[];

/**
 * True when the buyer is known and the order comes after its joining (and, for a customer, after
 * its partner's): nothing to report. Map lookups and compares only, no Person object — two
 * million orders at 1M partners. The full check below words the problems.
 */
function buyerFits(order: OrderRecord, people: People, partners: Joined, customers: readonly { joined: string; partner: string }[]): boolean {
  const own = people.partnerIndex.get(order.buyer);
  if (own !== undefined) return order.date >= (partners[own] as { joined: string }).joined;
  const c = people.customerIndex.get(order.buyer);
  if (c === undefined) return false;
  const customer = customers[c] as { joined: string; partner: string };
  if (order.date < customer.joined) return false;
  // Only a partner's joining date can be too late (the full check ignores any other kind).
  const partner = people.partnerIndex.get(customer.partner);
  return partner === undefined || order.date >= (partners[partner] as { joined: string }).joined;
}

function checkBuyer(order: OrderRecord, index: number, people: People, problems: DataProblem[]): void {
  const buyer = people.byId.get(order.buyer);
  if (buyer === undefined) {
    problems.push({
      path: `orders[${index}].buyer`,
      id: order.id,
      message: `unknown buyer \`${order.buyer}\`: no partner or customer has this id`,
    });
    return;
  }
  const path = `orders[${index}].date`;
  if (order.date < buyer.joined) {
    problems.push({
      path,
      id: order.id,
      message: `order date ${order.date} is before its buyer \`${order.buyer}\` joined (${buyer.joined})`,
    });
    return;
  }
  if (buyer.kind === "customer") {
    const partner = people.byId.get(buyer.partner);
    if (partner?.kind === "partner" && order.date < partner.joined) {
      problems.push({
        path,
        id: order.id,
        message:
          `order date ${order.date} is before \`${buyer.partner}\`, the partner of customer ` +
          `\`${order.buyer}\`, joined (${partner.joined})`,
      });
    }
  }
}

function checkReleaseDates(order: OrderRecord, index: number, problems: DataProblem[]): void {
  for (const field of ["paid", "delivered"] as const) {
    const date = order[field] ?? null;
    if (date !== null && date < order.date) {
      problems.push({
        path: `orders[${index}].${field}`,
        id: order.id,
        message: `\`${field}\` ${date} is before the order date ${order.date}`,
      });
    }
  }
}

/** Order problems, and the index of orders by id that the cancellation checks use. */
export function checkOrders(doc: DataDocument, people: People): { problems: DataProblem[]; orders: OrderIndex } {
  const problems: DataProblem[] = [];
  const orders = new OrderIndex(doc.orders);
  const list = doc.orders;
  const customers = doc.customers ?? [];
  for (let index = 0; index < list.length; index++) {
    const order = list[index]!;
    const first = orders.positions.get(order.id);
    if (first !== undefined) {
      problems.push({
        path: `orders[${index}].id`,
        id: order.id,
        message: `duplicate order id \`${order.id}\`: already used by orders[${first}]`,
      });
    } else {
      orders.positions.set(order.id, index);
    }
    if (!buyerFits(order, people, doc.partners, customers)) checkBuyer(order, index, people, problems);
    checkReleaseDates(order, index, problems);
  }
  return { problems, orders };
}
