/**
 * In-app help, shipped with the static site (no network): the keyboard shortcuts, the language
 * reference — every keyword with the sentence the editor's hover shows, from the lexer's token
 * table, so it never drifts from the language — and the data format of a data file.
 */
import { KEYWORDS, TOKEN_INFO } from "../../../runtime/surface.ts";
import { el } from "../dom.ts";

const SHORTCUTS: [string, string][] = [
  ["Ctrl+Enter", "Run (anywhere on the page)"],
  ["Ctrl+S", "Download the plan as a .plan file"],
  ["Ctrl+Z", "Undo in the editor — also brings back a plan replaced by the Plan picker, a dropped file or a link"],
  ["Ctrl+M", "In the editor: let Tab move the focus out of the editor (and back to indenting)"],
  ["Ctrl+.", "In the editor: quick fixes (did-you-mean) for the problem under the cursor"],
  ["← → Home End", "Move between the result tabs when a tab has the focus"],
  ["↑ ↓ ← →", "Move in the genealogy tree; → expands, ← collapses or goes to the parent"],
  ["Escape", "Close the share link or this help"],
];

const DATA_FORMAT: [string, string][] = [
  ["partners", "id, sponsor (null for a top partner), joined (YYYY-MM-DD), status active | terminated, terminated (date, optional)"],
  ["customers", "id, partner (who they buy through), joined"],
  ["orders", "id, buyer (partner or customer), date, paid, delivered, lines: sku, qty and the figures the plan's volumes use (net, points…) as decimal strings"],
  ["cancellations", "id, order, date, goods, lines (optional: line index and qty; without lines the whole rest of the order)"],
  ["splits", "member, supporter, share (one percentage or one per measure), from / to (periods, optional)"],
];

export function helpDialog(close: () => void): HTMLElement {
  // In the language's own order: plan items first, then clauses, then conditions.
  const keywords = KEYWORDS.flatMap((word) => TOKEN_INFO.filter((t) => t.category === "keyword" && t.pattern === word && t.hover !== undefined));
  return el(
    "div",
    { className: "popover help", attrs: { role: "dialog", "aria-label": "Help", id: "help-dialog" }, dataset: { opener: "help" } },
    el("div", { className: "popover-title", text: "Help" }),
    el("div", { className: "help-body" },
      el("h3", { text: "Keyboard" }),
      el("table", { className: "grid compact" }, el("tbody", {}, ...SHORTCUTS.map(([k, what]) => el("tr", {}, el("td", {}, el("kbd", { text: k })), el("td", { text: what }))))),
      el("h3", { text: "Language reference", attrs: { id: "help-language" } }),
      el("p", { className: "muted", text: "A plan reads like the plan brochure. Every keyword, as the editor's hover explains it (the bundled plans in the Plan picker show them in use):" }),
      el("dl", { className: "keywords" }, ...keywords.flatMap((t) => [el("dt", {}, el("code", { text: t.pattern })), el("dd", { text: t.hover ?? "" })])),
      el("h3", { text: "Data format", attrs: { id: "help-data" } }),
      el("p", { className: "muted", text: "One JSON document (Open… or drop it on the page). Money and volume figures are decimal strings; dates YYYY-MM-DD; periods YYYY-MM; ids unique across partners and customers. Every problem is listed with its JSON path." }),
      el("table", { className: "grid compact" }, el("tbody", {}, ...DATA_FORMAT.map(([key, what]) => el("tr", {}, el("td", {}, el("code", { text: key })), el("td", { className: "wrap", text: what }))))),
    ),
    el("button", { text: "Close", attrs: { id: "help-close" }, on: { click: close } }),
  );
}
