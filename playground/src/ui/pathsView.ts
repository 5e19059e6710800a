/**
 * Credit paths as a picture: pick an order (or a partner, then one of their orders) and see how
 * its volume travels up the genealogy — each portion (recruiter, and supporter when the order is
 * split) as its own branch, each partner on it with rank and what it received, the shares nobody
 * received (breakage) — and for a cancelled order what simple, previous-rank and exact take back
 * and from whom, side by side. The layout is d3-hierarchy's tidy tree (pathsLayout.ts); only the
 * chosen order's paths are drawn (a few dozen boxes), so the genealogy's size does not matter.
 */
import { el, replaceChildren } from "../dom.ts";
import { CancelledError } from "../client/workerClient.ts";
import type { CompareReply, CreditPaths } from "../worker/protocol.ts";
import type { ResultView, ViewContext } from "./context.ts";
import { POLICY_TITLES } from "./compareText.ts";
import { groupDigits, plural } from "./format.ts";
import { amount, emptyState, errorBox, loading } from "./widgets.ts";
import { BOX_H, BOX_W, layoutPaths, pathsShape } from "./pathsLayout.ts";

const SVG = "http://www.w3.org/2000/svg";
export interface PathsHooks {
  /** The last comparison of the shown run, if one was made. */
  comparison(): CompareReply | null;
  /** Runs the comparison (through the compare view), resolving with it. */
  compare(context: ViewContext): Promise<CompareReply | null>;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Width of a character of the picture's 11 px monospace text, with some room (measured in Chromium: 6.6 px). */
const CHAR_W = 6.7;

/** A text line of a box: squeezed to the box when it is longer (a long id), never running out of it. */
function boxText(x: number, y: number, className: string, text: string): SVGTextElement {
  const room = BOX_W - 2 * x;
  const squeeze: Record<string, string | number> = text.length * CHAR_W > room ? { textLength: room, lengthAdjust: "spacingAndGlyphs" } : {};
  return svg("text", { x, y, class: className, ...squeeze }, text);
}

export class PathsView implements ResultView {
  readonly element = el("section", { className: "view paths-view" });
  private readonly order = el("input", { className: "search", attrs: { type: "search", placeholder: "Order id, e.g. O6", "aria-label": "Order", id: "paths-order", list: "paths-orders" } });
  private readonly orders = el("datalist", { attrs: { id: "paths-orders" } });
  private readonly partner = el("input", { className: "search", attrs: { type: "search", placeholder: "…or a partner id", "aria-label": "Partner", id: "paths-partner", list: "partner-suggestions" } });
  private readonly picks = el("div", { className: "order-picks", attrs: { id: "paths-picks" } });
  private readonly body = el("div", { className: "paths-body" });
  private context: ViewContext | null = null;
  private wanted = "";
  private shownKey = "";
  private ticket = 0;

  constructor(private readonly hooks: PathsHooks) {
    const orderForm = el("form", { className: "toolbar", on: { submit: (e) => { e.preventDefault(); this.open(this.order.value.trim()); if (this.context) this.show(this.context); } } }, this.order, this.orders, el("button", { text: "Show paths", attrs: { type: "submit", id: "paths-show" } }));
    const partnerForm = el("form", { className: "toolbar", on: { submit: (e) => { e.preventDefault(); void this.pickFor(this.partner.value.trim()); } } }, this.partner, el("button", { text: "Orders of this partner", attrs: { type: "submit", id: "paths-partner-orders" } }));
    this.element.append(el("div", { className: "paths-pickers" }, orderForm, partnerForm), this.picks, this.body);
    this.reset();
  }

  open(order: string): void {
    this.wanted = order;
    this.order.value = order;
    this.shownKey = "";
  }

  show(context: ViewContext): void {
    this.context = context;
    const key = `${context.runNumber}:${context.period}:${this.wanted}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    if (this.wanted === "") {
      replaceChildren(this.body, emptyState("Pick an order (type its id, or click an order in Explain) or a partner to see the order's credit paths drawn on the genealogy."));
      return;
    }
    const ticket = ++this.ticket;
    replaceChildren(this.body, loading());
    context.client.request({ type: "creditPaths", period: context.period, order: this.wanted }).then(
      (paths) => {
        if (ticket !== this.ticket) return;
        if (paths === null) replaceChildren(this.body, errorBox(`There is no order ${this.wanted} in the data.`));
        else this.render(paths, context);
      },
      (error: unknown) => {
        if (ticket === this.ticket && !(error instanceof CancelledError)) replaceChildren(this.body, errorBox(error instanceof Error ? error.message : String(error)));
      },
    );
  }

  reset(): void {
    this.context = null;
    this.shownKey = "";
    this.ticket++;
    replaceChildren(this.picks);
    replaceChildren(this.body, emptyState("Run a plan, then pick an order to see its credit paths."));
  }

  private async pickFor(partner: string): Promise<void> {
    const context = this.context;
    if (!context || partner === "") return;
    const reply = await context.client.request({ type: "ordersOf", period: context.period, partner });
    if (reply.partner === null) {
      replaceChildren(this.picks, errorBox(`There is no partner ${partner} in the data.`));
      return;
    }
    this.partner.value = reply.partner;
    const button = (order: string) => el("button", { className: "link", text: order, on: { click: () => { this.open(order); this.show(context); } } });
    this.orders.replaceChildren(...[...reply.bought, ...reply.paidOn].map((o) => el("option", { attrs: { value: o } })));
    replaceChildren(
      this.picks,
      el("div", {}, `${reply.partner} in ${context.period} — bought (they or their customers): `, ...(reply.bought.length ? reply.bought.flatMap((o, i) => [i ? ", " : "", button(o)]) : ["none"])),
      el("div", {}, "paid on: ", ...(reply.paidOn.length ? reply.paidOn.flatMap((o, i) => [i ? ", " : "", button(o)]) : ["none"])),
    );
  }

  private render(paths: CreditPaths, context: ViewContext): void {
    const layout = layoutPaths(pathsShape(paths));
    const { minX, width, height } = layout;
    const picture = svg("svg", { viewBox: `${minX} 0 ${width} ${height}`, width, height, role: "img", "aria-label": `credit paths of ${paths.order}`, class: "paths-svg", id: "paths-svg" });
    for (const { from, to } of layout.links) {
      const portion = to.shape.portion ?? "recruiter";
      picture.append(svg("line", { x1: from.x, y1: from.y, x2: to.x, y2: to.y + BOX_H, class: `edge ${portion}` }));
    }
    for (const box of layout.boxes) {
      const shape = box.shape;
      const g = svg("g", { transform: `translate(${box.x - BOX_W / 2},${box.y})`, class: `path-node ${shape.portion ?? "order"}${shape.node && shape.node.received !== "0.00" && !/^-?0(\.0+)?$/.test(shape.node.received) ? " paid" : ""}` });
      g.append(svg("rect", { width: BOX_W, height: BOX_H, rx: 5 }));
      const p = shape.node;
      if (p) {
        g.dataset.partner = p.partner;
        const who = `${p.partner}  ${p.rank ?? "no rank"}${p.active ? "" : " (inactive)"}`;
        g.append(boxText(8, 17, "id", who));
        g.append(boxText(8, 35, "amount-text", `step ${p.step} · +${groupDigits(p.received)} ${context.run.currency}`));
        g.append(svg("title", {}, `${who}\n${p.entries.length ? p.entries.join("\n") : "received nothing on this order"}`));
      } else {
        g.append(boxText(8, 19, "id", shape.label));
        g.append(boxText(8, 36, "amount-text", paths.date));
        g.append(svg("title", {}, `${shape.label}, dated ${paths.date}`));
      }
      picture.append(g);
    }
    const legend = paths.portions.map((p) =>
      el(
        "div",
        { className: `portion-summary ${p.portion}`, dataset: { portion: p.portion } },
        el("strong", { text: p.portion === "recruiter" ? "Recruiter portion" : `Supporter portion (via ${paths.supporter ?? "?"})` }),
        " paid ",
        amount(p.total, `the ${p.portion} portion of ${paths.order} paid ${groupDigits(p.total)} ${context.run.currency} in ${paths.period}, to everyone on its path`),
        ` ${context.run.currency} on ${paths.period}`,
        p.hidden > 0 ? ` · ${plural(p.hidden, "more partner", "more partners")} above, paid nothing` : "",
        p.breakage.length ? el("ul", { className: "breakage" }, ...p.breakage.map((b) => el("li", { text: b })))
        : p.nodes.every((n) => n.entries.length === 0) ? ""
        : el("div", { className: "muted", text: "No breakage: every share of the level and differential bonuses was paid." }),
      ),
    );
    replaceChildren(this.body, this.nothingPaid(paths, context), el("div", { className: "paths-scroll" }, picture), ...legend, this.cancelled(paths.order, context));
  }

  /**
   * An order paid nothing in the shown period most often because it counts in another one (its
   * own month, or later when it was held): say so, and offer its month, rather than leave a
   * picture of zeros to be read as "nobody qualified".
   */
  private nothingPaid(paths: CreditPaths, context: ViewContext): HTMLElement | string {
    if (paths.portions.some((p) => !/^-?0(\.0+)?$/.test(p.total))) return "";
    const month = paths.date.slice(0, 7);
    const offered = month !== paths.period && context.run.periods.some((p) => p.period === month);
    return el(
      "div",
      { className: "notice notice-info", attrs: { id: "paths-nothing" } },
      `Nothing was paid on ${paths.order} in ${paths.period}. It is dated ${paths.date}; an order counts in its own month, or later when it is held or paid late. `,
      offered ? el("button", { text: `Show ${month}`, attrs: { id: "paths-show-month" }, on: { click: () => context.showPeriod(month) } }) : "",
    );
  }

  /** What each policy takes back for this order, from whom: from the comparison. */
  private cancelled(order: string, context: ViewContext): HTMLElement {
    const box = el("div", { className: "clawback-sides", attrs: { id: "paths-clawbacks" } });
    const fill = (reply: CompareReply | null): void => {
      const found = reply?.clawbacksByOrder.find((c) => c.order === order);
      if (!reply) {
        replaceChildren(box, el("button", { text: "Compare the policies to see what a cancellation of this order takes back", on: { click: () => void this.hooks.compare(context).then(fill, () => undefined) } }));
        return;
      }
      if (!found) {
        replaceChildren(box, el("p", { className: "muted", text: `${order} has no cancellation processed after its run through ${reply.through}: nothing is taken back.` }));
        return;
      }
      replaceChildren(
        box,
        el("div", { className: "section-title", text: `${order} was cancelled after its run: what each policy takes back, and from whom` }),
        el(
          "div",
          { className: "policy-columns" },
          ...(["simple", "previous-rank", "exact"] as const).map((policy) =>
            el(
              "div",
              { className: "policy-column", dataset: { policy } },
              el("h3", { text: POLICY_TITLES[policy] }),
              ...(found.byPolicy[policy].length
                ? found.byPolicy[policy].map((c) => el("div", { className: "figure" }, el("span", { className: "figure-label", text: c.partner }), el("span", { className: "figure-value" }, amount(c.amount))))
                : [el("div", { className: "muted", text: "nobody is charged" })]),
            ),
          ),
        ),
      );
    };
    fill(this.hooks.comparison());
    return box;
  }
}
