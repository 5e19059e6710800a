/** The result tabs: a tab strip over panels, one visible at a time (ARIA tabs pattern). */
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
      on: { click: () => select(tab.id) },
    });
    buttons.set(tab.id, button);
    strip.append(button);
    tab.panel.id = `panel-${tab.id}`;
    tab.panel.setAttribute("role", "tabpanel");
    panels.append(tab.panel);
  }
  function select(id: Id): void {
    current = id;
    for (const tab of tabs) {
      const on = tab.id === id;
      buttons.get(tab.id)?.setAttribute("aria-selected", String(on));
      tab.panel.hidden = !on;
    }
    onSelect(id);
  }
  for (const tab of tabs) {
    const on = tab.id === current;
    buttons.get(tab.id)?.setAttribute("aria-selected", String(on));
    tab.panel.hidden = !on;
  }
  return { strip, panels, current: () => current, select };
}
