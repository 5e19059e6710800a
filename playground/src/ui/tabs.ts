/**
 * The result tabs: a tab strip over panels, one visible at a time (ARIA tabs pattern: the
 * selected tab is the strip's one Tab stop; Left/Right, Home/End move between tabs). The strip
 * wraps at every width (styles.css), so every tab is always in view: no tab hides off-screen.
 */
import { el } from "../dom.ts";

export interface Tab<Id extends string> {
  id: Id;
  label: string;
  panel: HTMLElement;
}

export interface Tabs<Id extends string> {
  strip: HTMLElement;
  panels: HTMLElement;
  current(): Id;
  select(id: Id): void;
}

export function buildTabs<Id extends string>(tabs: Tab<Id>[], onSelect: (id: Id) => void): Tabs<Id> {
  let current = tabs[0]!.id;
  const buttons = new Map<Id, HTMLButtonElement>();
  const strip = el("nav", { className: "tabs", attrs: { role: "tablist" } });
  const panels = el("div", { className: "tab-panels" });
  for (const tab of tabs) {
    const button = el("button", {
      className: "tab",
      text: tab.label,
      attrs: { role: "tab", id: `tab-${tab.id}`, "aria-controls": `panel-${tab.id}` },
      on: { click: () => select(tab.id), keydown: (event) => move(event, tab.id) },
    });
    buttons.set(tab.id, button);
    strip.append(button);
    tab.panel.id = `panel-${tab.id}`;
    tab.panel.setAttribute("role", "tabpanel");
    panels.append(tab.panel);
  }
  function mark(): void {
    for (const tab of tabs) {
      const on = tab.id === current;
      const button = buttons.get(tab.id);
      button?.setAttribute("aria-selected", String(on));
      button?.setAttribute("tabindex", on ? "0" : "-1");
      tab.panel.hidden = !on;
    }
  }
  function select(id: Id): void {
    current = id;
    mark();
    onSelect(id);
  }
  function move(event: KeyboardEvent, from: Id): void {
    const index = tabs.findIndex((t) => t.id === from);
    const target =
      event.key === "ArrowRight" ? (index + 1) % tabs.length
      : event.key === "ArrowLeft" ? (index - 1 + tabs.length) % tabs.length
      : event.key === "Home" ? 0
      : event.key === "End" ? tabs.length - 1
      : -1;
    if (target < 0) return;
    event.preventDefault();
    const id = tabs[target]!.id;
    select(id);
    buttons.get(id)?.focus();
  }
  mark();
  return { strip, panels, current: () => current, select };
}
