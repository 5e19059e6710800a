/**
 * The genealogy as a collapsible tree: rank badge, activity, volumes and earnings per partner in
 * the chosen period. Lazy: a level is fetched from the worker and rendered only when its parent
 * is expanded, and wide frontlines come in slices of 200 with a "show more" button, so the tree
 * stays quick at any size.
 */
import { el, replaceChildren } from "../dom.ts";
import { CancelledError } from "../client/workerClient.ts";
import type { GenealogyNode } from "../worker/protocol.ts";
import type { ResultView, ViewContext } from "./context.ts";
import { activeMark, amount, count, emptyState, errorBox, loading, partnerLink, rankBadge } from "./widgets.ts";
import { volumeText } from "./format.ts";

const SLICE = 200;

export class GenealogyView implements ResultView {
  readonly element = el("section", { className: "view genealogy-view" });
  private readonly legend = el("div", { className: "toolbar muted" });
  private readonly tree = el("div", { className: "tree", attrs: { role: "tree" } });
  private context: ViewContext | null = null;
  private shownKey = "";

  constructor() {
    this.element.append(this.legend, this.tree);
    this.reset();
  }

  show(context: ViewContext): void {
    this.context = context;
    const key = `${context.runNumber}:${context.period}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    const measure = context.run.measures[0] ?? "";
    this.legend.textContent = `${context.period} · ▸ expands a partner's direct recruits · click an id to explain it`;
    replaceChildren(
      this.tree,
      el(
        "div",
        { className: "tree-header" },
        el("span"),
        el("span", { text: "Partner" }),
        el("span", { text: "Rank" }),
        el("span", { text: "Activity" }),
        el("span", { text: `${measure} personal / group` }),
        el("span", { text: `Earned (${context.run.currency})` }),
        el("span", { text: "Recruits" }),
      ),
    );
    const roots = el("ul", { className: "tree-level", attrs: { role: "group" } });
    this.tree.append(roots);
    this.loadLevel(roots, null, 0, context);
  }

  reset(): void {
    this.context = null;
    this.shownKey = "";
    this.legend.textContent = "";
    replaceChildren(this.tree, emptyState("Run a plan to browse its genealogy."));
  }

  /** Fetch and append one slice of the children of `parent` to `list`. */
  private loadLevel(list: HTMLElement, parent: string | null, offset: number, context: ViewContext): void {
    const placeholder = el("li", {}, loading());
    list.append(placeholder);
    context.client
      .request({ type: "children", period: context.period, parent, offset, limit: SLICE })
      .then((page) => {
        placeholder.remove();
        if (this.context !== context) return;
        if (page.total === 0 && parent === null) list.append(el("li", {}, emptyState("No partners joined by the end of this period.")));
        for (const node of page.nodes) list.append(this.row(node, context));
        const shown = page.offset + page.nodes.length;
        if (shown < page.total) {
          const more = el("button", {
            className: "link more",
            text: `show ${count(Math.min(SLICE, page.total - shown))} more of ${count(page.total - shown)} remaining`,
          });
          const item = el("li", {}, more);
          more.addEventListener("click", () => {
            item.remove();
            this.loadLevel(list, parent, shown, context);
          });
          list.append(item);
        }
      })
      .catch((error: unknown) => {
        placeholder.remove();
        if (!(error instanceof CancelledError)) list.append(el("li", {}, errorBox(error instanceof Error ? error.message : String(error))));
      });
  }

  private row(node: GenealogyNode, context: ViewContext): HTMLElement {
    const item = el("li", { attrs: { role: "treeitem" }, dataset: { partner: node.id } });
    let children: HTMLElement | null = null;
    const toggle = el("button", {
      className: node.children > 0 ? "toggle" : "toggle leaf",
      text: node.children > 0 ? "▸" : "·",
      attrs: { "aria-label": node.children > 0 ? `expand ${node.id}` : `${node.id} has no recruits` },
    });
    if (node.children > 0) {
      item.setAttribute("aria-expanded", "false");
      toggle.addEventListener("click", () => {
        if (children === null) {
          children = el("ul", { className: "tree-level", attrs: { role: "group" } });
          item.append(children);
          this.loadLevel(children, node.id, 0, context);
        } else {
          children.hidden = !children.hidden;
        }
        const expanded = !children.hidden;
        toggle.textContent = expanded ? "▾" : "▸";
        item.setAttribute("aria-expanded", String(expanded));
      });
    }
    item.append(
      el(
        "div",
        { className: "tree-row" },
        toggle,
        partnerLink(node.id, context.openPartner),
        rankBadge(node.rank),
        activeMark(node.active, node.terminated),
        el("span", { className: "vol", text: `${volumeText(node.personal)} / ${volumeText(node.group)}` }),
        amount(node.earned),
        el("span", { className: "muted", text: node.children > 0 ? count(node.children) : "" }),
      ),
    );
    return item;
  }
}
