/**
 * Building DOM without HTML strings. Everything the playground shows — plan text, ids and
 * amounts from a data file, a shared link — goes in through textContent and attributes here,
 * never as markup, so a partner called `<img onerror=...>` is just a strange name.
 */

type Child = Node | string | number | null | undefined | false;

export interface ElementOptions {
  className?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string>;
  dataset?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.title !== undefined) node.title = options.title;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const [name, value] of Object.entries(options.dataset ?? {})) node.dataset[name] = value;
  for (const [type, handler] of Object.entries(options.on ?? {})) {
    node.addEventListener(type, handler as EventListener);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Replace every child of `parent` with `children`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const node = el("option", { text: label });
  node.value = value;
  node.selected = selected;
  return node;
}

/** A `<select>` whose options are replaced while keeping the current value when it still exists. */
export function setOptions(select: HTMLSelectElement, options: { value: string; label: string }[], preferred?: string): void {
  const keep = preferred ?? select.value;
  select.replaceChildren(...options.map((o) => option(o.value, o.label)));
  if (options.some((o) => o.value === keep)) select.value = keep;
}
