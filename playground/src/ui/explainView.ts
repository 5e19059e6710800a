/**
 * "Why was I paid this": one partner in the chosen period — rank, activity, volumes, statement,
 * upline — and every ledger entry traced to its order (and buyer), portion, step on the credit
 * path, base, rate, rule and amount. Ids in the view open their own explanation.
 */
import { el, replaceChildren } from "../dom.ts";
import { CancelledError } from "../client/workerClient.ts";
import type { Explanation } from "../worker/protocol.ts";
import type { ResultView, ViewContext } from "./context.ts";
import { activeMark, amount, count, emptyState, errorBox, loading, partnerLink, rankBadge } from "./widgets.ts";
import { explainFractions, groupDigits, plural, volumeText } from "./format.ts";
import { withScrollCue } from "./scrollCue.ts";
import { titleFigures } from "./figureTitles.ts";

/** Ledger entries shown at a time: a top earner of a large run has more than the page could draw. */
export const ENTRIES_PAGE = 200;

export class ExplainView implements ResultView {
  readonly element = el("section", { className: "view explain-view" });
  private readonly input = el("input", { className: "search", attrs: { type: "search", placeholder: "Partner id, e.g. P1 (any case)", "aria-label": "Partner id", list: "partner-suggestions", autocomplete: "off", id: "explain-partner" } });
  private readonly suggestions = el("datalist", { attrs: { id: "partner-suggestions" } });
  private readonly filters = el("div", { className: "toolbar explain-filters" });
  private readonly bonusFilter = el("select", { attrs: { "aria-label": "Filter by bonus", id: "explain-bonus" } });
  private readonly orderFilter = el("input", { className: "search", attrs: { type: "search", placeholder: "Order id", "aria-label": "Filter by order", list: "order-suggestions", id: "explain-order" } });
  private readonly orderSuggestions = el("datalist", { attrs: { id: "order-suggestions" } });
  private filterKey = "";
  private suggestTicket = 0;
  private readonly body = el("div", { className: "explain-body" });
  private context: ViewContext | null = null;
  private partner = "";
  private offset = 0;
  private shownKey = "";
  private request = 0;

  constructor() {
    const form = el(
      "form",
      {
        className: "toolbar",
        on: {
          submit: (event) => {
            event.preventDefault();
            this.open(this.input.value.trim());
            if (this.context) this.show(this.context);
          },
        },
      },
      this.input,
      this.suggestions,
      el("button", { text: "Explain", attrs: { type: "submit" } }),
    );
    this.input.addEventListener("input", () => this.suggest());
    const refilter = (): void => {
      this.offset = 0;
      if (this.context) this.show(this.context);
    };
    this.bonusFilter.addEventListener("change", refilter);
    let timer: ReturnType<typeof setTimeout> | null = null;
    this.orderFilter.addEventListener("input", () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(refilter, 200);
    });
    this.filters.append(el("span", { className: "muted", text: "Entries:" }), this.bonusFilter, this.orderFilter, this.orderSuggestions, el("span", { className: "muted", text: "Period: click one under “earned per period”, or use the Period picker" }));
    this.element.append(form, this.filters, this.body);
    this.reset();
  }

  /** The partner picked ("" when none). */
  current(): string {
    return this.partner;
  }

  /** Pick `partner`; it loads when the view is shown next (the app shows it right away). */
  open(partner: string): void {
    this.partner = partner;
    this.offset = 0;
    this.input.value = partner;
    this.bonusFilter.value = "";
    this.orderFilter.value = "";
    this.shownKey = "";
  }

  show(context: ViewContext): void {
    this.context = context;
    const filter = { bonus: this.bonusFilter.value || null, order: this.orderFilter.value.trim() || null };
    const key = `${context.runNumber}:${context.period}:${this.partner}:${this.offset}:${filter.bonus ?? ""}:${filter.order ?? ""}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    // The entry filters mean nothing before a partner is picked.
    this.filters.hidden = this.partner === "";
    if (this.partner === "") {
      replaceChildren(this.body, emptyState("Pick a partner: click a row in Statements or Genealogy, or type an id above."));
      return;
    }
    const ticket = ++this.request;
    replaceChildren(this.body, loading());
    context.client
      .request({ type: "explain", period: context.period, partner: this.partner, offset: this.offset, limit: ENTRIES_PAGE, filter })
      .then((explanation) => {
        if (ticket === this.request) this.render(explanation, context);
      })
      .catch((error: unknown) => {
        if (ticket === this.request && !(error instanceof CancelledError)) {
          replaceChildren(this.body, errorBox(error instanceof Error ? error.message : String(error)));
        }
      });
  }

  reset(): void {
    this.context = null;
    this.shownKey = "";
    this.request++;
    this.filters.hidden = true;
    replaceChildren(this.body, emptyState("Run a plan, then pick a partner to see why they were paid what they were paid."));
  }

  /** Autocomplete: up to 20 ids matching what is typed, case-insensitively. */
  private suggest(): void {
    const context = this.context;
    const text = this.input.value.trim();
    if (!context || text === "") return;
    const ticket = ++this.suggestTicket;
    context.client.request({ type: "partners", search: text, limit: 20 }).then(
      (matches) => {
        if (ticket !== this.suggestTicket) return;
        this.suggestions.replaceChildren(...matches.ids.map((id) => el("option", { attrs: { value: id } })));
      },
      () => undefined,
    );
  }

  private render(x: Explanation, context: ViewContext): void {
    // The id as the data spells it (typed in another case).
    this.partner = x.partner;
    this.input.value = x.partner;
    const key = `${context.runNumber}:${x.partner}`;
    if (this.filterKey !== key) {
      this.filterKey = key;
      const keep = this.bonusFilter.value;
      this.bonusFilter.replaceChildren(el("option", { text: "every bonus", attrs: { value: "" } }), ...x.byBonus.map((b) => el("option", { text: `${b.bonus} (${count(b.entries)})`, attrs: { value: b.bonus } })));
      this.bonusFilter.value = x.byBonus.some((b) => b.bonus === keep) ? keep : "";
      this.orderSuggestions.replaceChildren(...x.orders.map((o) => el("option", { attrs: { value: o } })));
    }
    if (x.found !== "partner") {
      replaceChildren(
        this.body,
        errorBox(
          x.found === "customer"
            ? `${x.partner} is a customer; customers earn nothing — explain their partner instead.`
            : `There is no partner ${x.partner} in the data.`,
        ),
      );
      return;
    }
    const open = context.openPartner;
    const upline =
      x.upline.length === 0
        ? el("span", { text: "top partner (no sponsor)" })
        : el(
            "span",
            { className: "upline" },
            ...x.upline.slice(0, 12).flatMap((id, i) => [i > 0 ? " › " : "", partnerLink(id, open)]),
            x.upline.length > 12 ? ` › … (${x.upline.length - 12} more)` : "",
          );
    const volumes = titleFigures(el(
      "table",
      { className: "grid compact" },
      el("thead", {}, el("tr", {}, el("th", { text: "Measure" }), el("th", { className: "num", text: "personal" }), el("th", { className: "num", text: "group" }), el("th", { className: "num", text: "open" }))),
      el(
        "tbody",
        {},
        ...x.volumes.map((v) =>
          el("tr", {}, el("td", { text: v.measure }), el("td", { className: "num", text: volumeText(v.figures.personal) }), el("td", { className: "num", text: volumeText(v.figures.group) }), el("td", { className: "num", text: volumeText(v.figures.open) })),
        ),
      ),
    ), `volume (${x.partner}, ${x.period})`);
    const s = x.statement;
    const statement = s
      ? el(
          "div",
          { className: "statement-line" },
          "earned ",
          amount(s.earned, `${x.partner} earned ${groupDigits(s.earned)} ${context.run.currency} in ${x.period}: the sum of the ledger entries below`),
          " + carried in ",
          amount(s.carriedIn, `${x.partner} carried ${groupDigits(s.carriedIn)} ${context.run.currency} into ${x.period} from the period before`),
          " → payout ",
          amount(s.payout, `${x.partner} is paid ${groupDigits(s.payout)} ${context.run.currency} for ${x.period}`),
          ", carried out ",
          amount(s.carriedOut, `${x.partner} carries ${groupDigits(s.carriedOut)} ${context.run.currency} out of ${x.period} (below the minimum payout, or a negative balance)`),
          ` ${context.run.currency}`,
        )
      : el("div", { text: "no statement in this period (joined later)" });
    const head = el(
      "div",
      { className: "explain-head" },
      el("div", { className: "explain-title" }, el("h2", { text: x.partner }), rankBadge(x.rank), activeMark(x.active, x.terminated), el("span", { className: "muted", text: `in ${x.period} · ${plural(x.recruits, "direct recruit")}` })),
      el("div", { className: "muted" }, "upline: ", upline),
      statement,
      el(
        "div",
        { className: "history", attrs: { id: "explain-periods" } },
        "earned per period: ",
        ...x.history.flatMap((h, i) => [
          i > 0 ? " · " : "",
          h.period === x.period
            ? el("strong", { text: h.period, attrs: { "aria-current": "true" } })
            : el("button", { className: "link period-link", text: h.period, title: `show ${x.partner}'s entries in ${h.period}`, dataset: { period: h.period }, on: { click: () => context.showPeriod(h.period) } }),
          // Outside the button: a space at the end of a button's text is not drawn ("2026-10189.16").
          " ",
          amount(h.earned, `${x.partner} earned ${groupDigits(h.earned)} ${context.run.currency} in ${h.period}`),
        ]),
      ),
      volumes,
    );
    replaceChildren(this.body, head, this.entries(x, open, context.revealRule, context.openOrder));
  }

  private entries(x: Explanation, open: (id: string) => void, reveal: ViewContext["revealRule"], openOrder: (order: string) => void): HTMLElement {
    if (x.allEntries === 0) return emptyState("No ledger entries: nothing was earned or clawed back in this period.");
    const headers = ["Entry", "Order (buyer)", "Portion", "Step", "Base", "Rate", "Amount", "Rule"];
    const numeric = new Set(["Step", "Base", "Rate", "Amount"]);
    const rows = x.entries.map((e) =>
      el(
        "tr",
        {},
        el("td", { className: "id", text: e.id }),
        el("td", {}, e.order ? el("button", { className: "link order-link", text: e.order, title: `draw the credit paths of ${e.order}`, on: { click: () => openOrder(e.order!) } }) : "—", e.buyer ? el("span", {}, " (", partnerLink(e.buyer, open), ")") : ""),
        el("td", { text: e.portion ?? "—" }),
        el("td", { className: "num", text: e.step === null ? "—" : String(e.step) }),
        el("td", { className: "num", text: e.base ?? "—" }),
        el("td", { className: "num", text: e.rate ?? "—" }),
        el("td", { className: "num" }, amount(e.amount)),
        el(
          "td",
          { className: "rule" },
          el("button", {
            className: "link rule-link",
            text: "plan ↗",
            title: `show the rule of ${e.bonus} in the plan`,
            on: {
              click: (event) => {
                if (!reveal(e.bonus, e.level, e.generation)) (event.currentTarget as HTMLElement).textContent = "not in the plan now";
              },
            },
          }),
          " ",
          explainFractions(e.rule),
        ),
      ),
    );
    const where = `(${x.partner}, ${x.period})`;
    const byBonus = titleFigures(el(
      "table",
      { className: "grid compact by-bonus" },
      el("thead", {}, el("tr", {}, el("th", { text: "Bonus" }), el("th", { text: "Kind" }), el("th", { className: "num", text: "Entries" }), el("th", { className: "num", text: "Amount" }))),
      el("tbody", {}, ...x.byBonus.map((b) => el("tr", {}, el("td", { text: b.bonus }), el("td", { text: b.kind }), el("td", { className: "num", text: count(b.entries) }), el("td", { className: "num" }, amount(b.amount))))),
    ), where);
    const n = x.entryCount;
    return withScrollCue(el(
      "div",
      { className: "table-wrap" },
      el("div", { className: "section-title", text: `${plural(x.allEntries, "ledger entry", "ledger entries")} in ${x.period}` }),
      byBonus,
      n === x.allEntries ? "" : el("div", { className: "filtered", attrs: { id: "explain-filtered" }, text: `Showing ${plural(n, "entry", "entries")} of ${count(x.allEntries)} (filtered).` }),
      n === 0 ? emptyState("No entry matches the filter.") : "",
      titleFigures(el(
        "table",
        { className: "grid entries" },
        el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { className: numeric.has(h) ? "num" : "", text: h })))),
        el("tbody", {}, ...rows),
      ), where),
      n > ENTRIES_PAGE ? this.pager(x) : "",
    ));
  }

  private pager(x: Explanation): HTMLElement {
    const go = (offset: number) => () => {
      this.offset = offset;
      if (this.context) this.show(this.context);
    };
    const last = Math.min(x.entryOffset + ENTRIES_PAGE, x.entryCount);
    const prev = el("button", { text: "‹ Prev", on: { click: go(Math.max(0, x.entryOffset - ENTRIES_PAGE)) } });
    const next = el("button", { text: "Next ›", on: { click: go(x.entryOffset + ENTRIES_PAGE) } });
    prev.disabled = x.entryOffset === 0;
    next.disabled = last >= x.entryCount;
    return el("div", { className: "pager" }, prev, el("span", { text: `entries ${count(x.entryOffset + 1)}–${count(last)} of ${count(x.entryCount)}` }), next);
  }
}
