/**
 * Where the boxes of a credit-path picture go (ui/pathsView.ts draws them): the order at the
 * bottom, each portion a branch above it, each partner one level above the one before, placed
 * by d3-hierarchy's tidy tree. Kept apart from the drawing so that the layout can be measured
 * against the other candidates (test/browser/bench/pathsLayout.ts; the figures and the choice
 * are in docs/playground-decisions.md, "The credit-path layout library").
 */
import { hierarchy, tree } from "d3-hierarchy";
import type { CreditPaths, PathNode } from "../worker/protocol.ts";

export const BOX_W = 176;
export const BOX_H = 46;
/** Room between two boxes side by side, and between two levels. */
export const GAP_X = 24;
export const GAP_Y = 30;

export interface PathShape {
  label: string;
  node: PathNode | null;
  portion: "recruiter" | "supporter" | null;
  children: PathShape[];
}

export interface PlacedBox {
  shape: PathShape;
  /** Centre of the box. */
  x: number;
  /** Top of the box. */
  y: number;
}

export interface PathsLayout {
  boxes: PlacedBox[];
  /** From a box to the box above it on its path (the link's portion is the upper box's). */
  links: { from: PlacedBox; to: PlacedBox }[];
  minX: number;
  width: number;
  height: number;
}

/** The picture's tree: the order as root, each portion's path as a chain of single children. */
export function pathsShape(paths: CreditPaths): PathShape {
  return {
    label: `${paths.order} · ${paths.buyerIsCustomer ? "customer" : "partner"} ${paths.buyer}`,
    node: null,
    portion: null,
    children: paths.portions.map((p) => chain(p.nodes, p.portion)),
  };
}

export function layoutPaths(shape: PathShape): PathsLayout {
  const root = tree<PathShape>().nodeSize([BOX_W + GAP_X, BOX_H + GAP_Y])(hierarchy(shape));
  const nodes = root.descendants();
  let lowX = Infinity;
  let highX = -Infinity;
  let depth = 0;
  for (const n of nodes) {
    lowX = Math.min(lowX, n.x ?? 0);
    highX = Math.max(highX, n.x ?? 0);
    depth = Math.max(depth, n.depth);
  }
  const height = (depth + 1) * (BOX_H + GAP_Y) + 10;
  // The order at the bottom, the top of the genealogy at the top: volume flows upwards.
  const top = (d: number) => height - 10 - BOX_H - d * (BOX_H + GAP_Y);
  const placed = new Map<(typeof nodes)[number], PlacedBox>();
  const boxes = nodes.map((n) => {
    const box = { shape: n.data, x: n.x ?? 0, y: top(n.depth) };
    placed.set(n, box);
    return box;
  });
  const links = root.links().map((l) => ({ from: placed.get(l.source)!, to: placed.get(l.target)! }));
  return { boxes, links, minX: lowX - BOX_W / 2 - 10, width: highX - lowX + BOX_W + 20, height };
}

/** A path as a chain of nested shapes: each partner's only child is the next partner up. */
function chain(nodes: PathNode[], portion: "recruiter" | "supporter"): PathShape {
  let top: PathShape | null = null;
  for (let i = nodes.length - 1; i >= 0; i--) top = { label: nodes[i]!.partner, node: nodes[i]!, portion, children: top ? [top] : [] };
  return top ?? { label: "(empty)", node: null, portion, children: [] };
}
