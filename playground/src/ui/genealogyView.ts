/**
 * The genealogy as a collapsible tree: rank badge, activity, volumes and earnings per partner in
 * the chosen period. Lazy: a level is fetched from the worker and rendered only when its parent
 * is expanded, and wide frontlines come in slices of 200 with a "show more" button, so the tree
 * stays quick at any size. Find opens the path down to a partner (any case); Expand all opens
 * every loaded level up to a cap; the arrow keys move through the tree (ARIA tree pattern).
 */
import { el, replaceChildren } from "../dom.ts";
import { CancelledError } from "../client/workerClient.ts";
import type { GenealogyNode } from "../worker/protocol.ts";
import type { ResultView, ViewContext } from "./context.ts";
import { activeMark, amount, count, emptyState, errorBox, loading, partnerLink, rankBadge } from "./widgets.ts";
import { groupDigits, plural, volumeText } from "./format.ts";

const SLICE = 200;
/** Expand all stops opening levels once this many partners are shown. */
export const EXPAND_ALL_CAP = 2000;

interface Row {
  item: HTMLElement;
  row: HTMLElement;
  node: GenealogyNode;
  /** Opens the row (loading its recruits when needed); resolves when they are shown. */
  expand(): Promise<void>;
  collapse(): void;
  expanded(): boolean;
}

export class GenealogyView implements ResultView {
  readonly element = el("section", { className: "view genealogy-view" });
  private readonly legend = el("div", { className: "muted legend" });
  private readonly find = el("input", { className: "search", attrs: { type: "search", placeholder: "Find partner id (any case)", "aria-label": "Find partner in the genealogy", id: "genealogy-find", list: "genealogy-suggestions", autocomplete: "off" } });
  private readonly suggestions = el("datalist", { attrs: { id: "genealogy-suggestions" } });
  private readonly message = el("span", { className: "muted", attrs: { id: "genealogy-message" } });
  private readonly tree = el("div", { className: "tree", attrs: { role: "tree", "aria-label": "Genealogy" } });
  private readonly rows = new Map<string, Row>();
  private roots: HTMLElement | null = null;
  private rootsLoaded: Promise<void> = Promise.resolve();
  private context: ViewContext | null = null;
  private shownKey = "";

  constructor() {
    const form = el(
      "form",
      { className: "toolbar", on: { submit: (e) => { e.preventDefault(); void this.findPartner(this.find.value.trim()); } } },
      this.find,
      this.suggestions,
      el("button", { text: "Find", attrs: { type: "submit" } }),
      el("button", { text: "Expand all", attrs: { type: "button", id: "expand-all", title: `Open every level, up to ${count(EXPAND_ALL_CAP)} partners` }, on: { click: () => void this.expandAll() } }),
      el("button", { text: "Collapse all", attrs: { type: "button", id: "collapse-all" }, on: { click: () => this.collapseAll() } }),
      this.message,
    );
    this.find.addEventListener("input", () => this.suggest());
    this.tree.addEventListener("keydown", (event) => this.key(event));
    this.element.append(form, this.legend, this.tree);
    this.reset();
  }

  show(context: ViewContext): void {
    this.context = context;
    const key = `${context.runNumber}:${context.period}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.rows.clear();
    const measure = context.run.measures[0] ?? "";
    this.legend.textContent = `${context.period} · ▸ expands a partner's direct recruits · click an id to explain it · ↑↓ move, → expands, ← collapses, Enter explains`;
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
    this.roots = el("ul", { className: "tree-level", attrs: { role: "group" } });
    this.tree.append(this.roots);
    this.rootsLoaded = this.loadLevel(this.roots, null, 0, context);
  }

  reset(): void {
    this.context = null;
    this.shownKey = "";
    this.rows.clear();
    this.legend.textContent = "";
    this.message.textContent = "";
    replaceChildren(this.tree, emptyState("Run a plan to browse its genealogy."));
  }

  private suggest(): void {
    const context = this.context;
    const text = this.find.value.trim();
    if (!context || text === "") return;
    context.client.request({ type: "partners", search: text, limit: 20 }).then(
      (m) => this.suggestions.replaceChildren(...m.ids.map((id) => el("option", { attrs: { value: id } }))),
      () => undefined,
    );
  }

  /** Opens every ancestor of `partner` and puts the focus on its row. */
  private async findPartner(text: string): Promise<void> {
    const context = this.context;
    if (!context || text === "") return;
    const reply = await context.client.request({ type: "upline", partner: text });
    if (reply.partner === null) {
      this.message.textContent = `No partner ${text} in the data.`;
      return;
    }
    this.message.textContent = "";
    await this.rootsLoaded;
    for (const id of [...reply.path, reply.partner]) {
      const row = await this.rowOf(id, context);
      if (!row) {
        this.message.textContent = `${reply.partner} had not joined by the end of ${context.period}.`;
        return;
      }
      if (id !== reply.partner) await row.expand();
      else {
        for (const r of this.rows.values()) r.row.classList.remove("found");
        row.row.classList.add("found");
        this.focusRow(row.row);
        row.row.scrollIntoView({ block: "center" });
      }
    }
  }

  /** The row of `id`, loading further slices of its level while it is not shown yet. */
  private async rowOf(id: string, context: ViewContext): Promise<Row | null> {
    for (let guard = 0; guard < 1000; guard++) {
      const row = this.rows.get(id);
      if (row) return row;
      const more = this.tree.querySelector<HTMLButtonElement>("button.more");
      if (!more || this.context !== context) return null;
      more.click();
      await new Promise((resolve) => setTimeout(resolve, 30));
      await this.pending;
    }
    return null;
  }

  private pending: Promise<void> = Promise.resolve();

  private async expandAll(): Promise<void> {
    await this.rootsLoaded;
    for (;;) {
      if (this.rows.size >= EXPAND_ALL_CAP) {
        this.message.textContent = `Stopped at ${plural(this.rows.size, "partner")}: use Find for a partner deeper down.`;
        return;
      }
      const closed = [...this.rows.values()].filter((r) => r.node.children > 0 && !r.expanded());
      if (closed.length === 0) {
        this.message.textContent = `${plural(this.rows.size, "partner")} shown.`;
        return;
      }
      for (const row of closed) {
        if (this.rows.size >= EXPAND_ALL_CAP) break;
        await row.expand();
      }
    }
  }

  private collapseAll(): void {
    for (const row of this.rows.values()) row.collapse();
  }

  private visibleRows(): HTMLElement[] {
    return [...this.tree.querySelectorAll<HTMLElement>(".tree-row")].filter((r) => r.offsetParent !== null);
  }

  private focusRow(row: HTMLElement): void {
    for (const r of this.tree.querySelectorAll<HTMLElement>(".tree-row[tabindex='0']")) r.tabIndex = -1;
    row.tabIndex = 0;
    row.focus();
  }

  private key(event: KeyboardEvent): void {
    const current = (event.target as HTMLElement).closest<HTMLElement>(".tree-row");
    if (!current) return;
    const id = current.dataset.partner ?? "";
    const row = this.rows.get(id);
    const visible = this.visibleRows();
    const at = visible.indexOf(current);
    const go = (target: HTMLElement | undefined): void => {
      if (target) this.focusRow(target);
    };
    switch (event.key) {
      case "ArrowDown":
        go(visible[at + 1]);
        break;
      case "ArrowUp":
        go(visible[at - 1]);
        break;
      case "ArrowRight":
        if (row && row.node.children > 0 && !row.expanded()) void row.expand();
        else go(visible[at + 1]);
        break;
      case "ArrowLeft":
        if (row?.expanded()) row.collapse();
        else go(current.parentElement?.parentElement?.closest("li")?.querySelector<HTMLElement>(":scope > .tree-row") ?? undefined);
        break;
      case "Home":
        go(visible[0]);
        break;
      case "End":
        go(visible[visible.length - 1]);
        break;
      case "Enter":
        if (event.target === current) this.context?.openPartner(id);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  /** Fetch and append one slice of the children of `parent` to `list`. */
  private loadLevel(list: HTMLElement, parent: string | null, offset: number, context: ViewContext): Promise<void> {
    const placeholder = el("li", {}, loading());
    list.append(placeholder);
    const done = context.client
      .request({ type: "children", period: context.period, parent, offset, limit: SLICE })
      .then((page) => {
        placeholder.remove();
        if (this.context !== context) return;
        if (page.total === 0 && parent === null) list.append(el("li", {}, emptyState("No partners joined by the end of this period.")));
        for (const node of page.nodes) list.append(this.row(node, context));
        const first = this.tree.querySelector<HTMLElement>(".tree-row");
        if (first && !this.tree.querySelector(".tree-row[tabindex='0']")) first.tabIndex = 0;
        const shown = page.offset + page.nodes.length;
        if (shown < page.total) {
          const more = el("button", {
            className: "link more",
            text: `show ${count(Math.min(SLICE, page.total - shown))} more of ${count(page.total - shown)} remaining`,
          });
          const item = el("li", {}, more);
          more.addEventListener("click", () => {
            item.remove();
            this.pending = this.loadLevel(list, parent, shown, context);
          });
          list.append(item);
        }
      })
      .catch((error: unknown) => {
        placeholder.remove();
        if (!(error instanceof CancelledError)) list.append(el("li", {}, errorBox(error instanceof Error ? error.message : String(error))));
      });
    this.pending = done;
    return done;
  }

  private row(node: GenealogyNode, context: ViewContext): HTMLElement {
    const item = el("li", { attrs: { role: "treeitem" }, dataset: { partner: node.id } });
    let children: HTMLElement | null = null;
    let loaded: Promise<void> = Promise.resolve();
    const toggle = el("button", {
      className: node.children > 0 ? "toggle" : "toggle leaf",
      text: node.children > 0 ? "▸" : "·",
      attrs: { "aria-label": node.children > 0 ? `expand ${node.id}` : `${node.id} has no recruits`, tabindex: "-1" },
    });
    const mark = (): void => {
      const expanded = children !== null && !children.hidden;
      toggle.textContent = expanded ? "▾" : "▸";
      item.setAttribute("aria-expanded", String(expanded));
    };
    const expand = (): Promise<void> => {
      if (node.children === 0) return Promise.resolve();
      if (children === null) {
        children = el("ul", { className: "tree-level", attrs: { role: "group" } });
        item.append(children);
        loaded = this.loadLevel(children, node.id, 0, context);
      } else children.hidden = false;
      mark();
      return loaded;
    };
    const collapse = (): void => {
      if (children) children.hidden = true;
      mark();
    };
    if (node.children > 0) {
      item.setAttribute("aria-expanded", "false");
      toggle.addEventListener("click", () => (children !== null && !children.hidden ? collapse() : void expand()));
    }
    const row = el(
      "div",
      { className: "tree-row", attrs: { tabindex: "-1" }, dataset: { partner: node.id } },
      toggle,
      partnerLink(node.id, context.openPartner),
      rankBadge(node.rank),
      activeMark(node.active, node.terminated),
      el("span", { className: "vol", text: `${volumeText(node.personal)} / ${volumeText(node.group)}` }),
      amount(node.earned, `${node.id} earned ${groupDigits(node.earned)} ${context.run.currency} in ${context.period}`),
      el("span", { className: "muted", text: node.children > 0 ? count(node.children) : "", title: node.children > 0 ? `${node.id} has ${plural(node.children, "direct recruit")}` : "" }),
    );
    row.addEventListener("click", () => this.focusRow(row));
    item.append(row);
    this.rows.set(node.id, { item, row, node, expand, collapse, expanded: () => children !== null && !children.hidden });
    return item;
  }
}
