/**
 * The Share button's result: the link in a read-only field (selected, and copied to the
 * clipboard when the browser allows it), with a note when the data is the user's own file.
 */
import { el } from "../dom.ts";

export function sharePopover(url: string, copied: boolean, fileNote: string | null, close: () => void): HTMLElement {
  const field = el("input", { className: "share-url", attrs: { type: "text", readonly: "", "aria-label": "Share link", id: "share-url" } });
  field.value = url;
  const box = el(
    "div",
    { className: "popover", attrs: { role: "dialog", "aria-label": "Share" } },
    el("div", { className: "popover-title", text: copied ? "Link copied to the clipboard" : "Copy this link" }),
    field,
    el("div", { className: "muted", text: "It holds the plan text, the data choice, the through period and the policy, and the tab, partner and period you are looking at. Escape closes this." }),
    fileNote ? el("div", { className: "warning-text", text: fileNote }) : "",
    el("button", { text: "Close", on: { click: close } }),
  );
  queueMicrotask(() => field.select());
  return box;
}
