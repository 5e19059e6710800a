/** Small shared pieces of the result views: badges, amounts, empty states, errors. */
import { el } from "../dom.ts";
import { groupDigits } from "./format.ts";

export function rankBadge(rank: string | null): HTMLElement {
  return el("span", { className: rank === null ? "badge badge-none" : "badge", text: rank ?? "no rank" });
}

export function activeMark(active: boolean, terminated: boolean): HTMLElement {
  if (terminated) return el("span", { className: "state state-terminated", text: "terminated", title: "terminated: receives nothing" });
  return active
    ? el("span", { className: "state state-active", text: "active" })
    : el("span", { className: "state state-inactive", text: "inactive", title: "does not meet the activity rule: receives nothing" });
}

/** An amount with thousands separators, red when negative; `note` becomes its tooltip. */
export function amount(text: string, note?: string): HTMLElement {
  return el("span", { className: text.startsWith("-") ? "amount negative" : "amount", text: groupDigits(text), ...(note ? { title: note } : {}) });
}

export function count(n: number): string {
  return n.toLocaleString("en");
}

export function emptyState(text: string): HTMLElement {
  return el("div", { className: "empty", text });
}

export function errorBox(text: string): HTMLElement {
  return el("div", { className: "error-box", text });
}

/** A link-looking button that opens a partner. */
export function partnerLink(partner: string, open: (partner: string) => void): HTMLElement {
  return el("button", { className: "link", text: partner, title: `explain ${partner}`, on: { click: () => open(partner) } });
}

/** "Loading…" while a query waits behind a run in the worker. */
export function loading(text = "Loading…"): HTMLElement {
  return el("div", { className: "empty", text });
}
