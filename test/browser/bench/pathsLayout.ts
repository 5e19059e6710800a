/**
 * Which library lays out the credit-path picture (issue 14 item 11: "d3-hierarchy, elkjs, or
 * graphology with a renderer — choose by measuring"). On the generated 100k genealogy (the
 * playground's "100k partners", seed 7) it runs the plan over the first month, builds the credit
 * paths of a sample of that month's orders exactly as the playground's worker does
 * (worker/creditPaths.ts), and times each candidate laying out
 *
 * - a typical path set: the sampled order whose picture has the median number of boxes;
 * - the largest path set of the sample: the order with the most boxes;
 * - a whole upline: the deepest partner's path to the top, untrimmed (the picture trims a path to
 *   three partners above the last one paid; this is the worst case without that trimming).
 *
 * Candidates: d3-hierarchy's tidy tree (what ui/pathsLayout.ts uses), elkjs (ELK's layered and
 * mrtree algorithms, the bundled build that runs in the calling thread), graphology with
 * graphology-layout-forceatlas2 (its force layout; graphology has no tree layout) and with
 * graphology-dag's topological generations as layers. Each layout is timed in CPU time over
 * repeated runs after a warm-up; the bundle size each adds is measured by building a one-import
 * entry with vite (minified, and gzipped) in test-output/bench-paths-layout/.
 *
 *   npx tsx test/browser/bench/pathsLayout.ts [--partners 100000] [--sample 2000]
 */
import { gzipSync } from "node:zlib";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { build, type Rollup } from "vite";
import { compilePlan, compiledEngine, tryGenerateData, validateData, type Dataset, type PeriodResult } from "../../../runtime/surface.ts";
import { creditPaths } from "../../../playground/src/worker/creditPaths.ts";
import { generatedOptions } from "../../../playground/src/worker/dataSources.ts";
import { BOX_H, BOX_W, GAP_X, GAP_Y, layoutPaths, pathsShape, type PathShape } from "../../../playground/src/ui/pathsLayout.ts";
import type { CreditPaths } from "../../../playground/src/worker/protocol.ts";


/**
 * The candidates that are not the choice are devDependencies for this bench only. They are loaded
 * by a name held in a variable, with the little typing used here, so that the project's type
 * check does not need them installed (a worktree whose node_modules predates them still checks).
 */
const load = (name: string): Promise<unknown> => import(name);
interface ElkNode { id: string; width?: number; height?: number; layoutOptions?: Record<string, string>; children?: ElkNode[]; edges?: { id: string; sources: string[]; targets: string[] }[] }
interface GraphLike {
  order: number;
  addNode(id: string, attributes: Record<string, number>): void;
  addEdge(from: string, to: string): void;
  mergeNodeAttributes(id: string, attributes: Record<string, number>): void;
}
const ELK = ((await load("elkjs/lib/elk.bundled.js")) as { default: new () => { layout(graph: ElkNode): Promise<ElkNode> } }).default;
const Graph = ((await load("graphology")) as { default: new (options: { type: string }) => GraphLike }).default;
const forceAtlas2 = ((await load("graphology-layout-forceatlas2")) as { default: { assign(graph: GraphLike, options: { iterations: number; settings: unknown }): void; inferSettings(graph: GraphLike): unknown } }).default;
const { topologicalGenerations } = (await load("graphology-dag")) as { topologicalGenerations(graph: GraphLike): string[][] };

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const PARTNERS = option("--partners", 100_000);
const SAMPLE = option("--sample", 2000);
/** The bundle entries live under the repository (gitignored test-output/) so that vite resolves the packages. */
const OUT = new URL("../../../test-output/bench-paths-layout", import.meta.url).pathname;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The picture's boxes and links as a flat list (what the graph libraries take). */
function flatten(shape: PathShape): { ids: string[]; edges: [number, number][] } {
  const ids: string[] = [];
  const edges: [number, number][] = [];
  const walk = (s: PathShape, parent: number | null): void => {
    const me = ids.length;
    ids.push(`${s.portion ?? "order"}:${s.label}:${me}`);
    if (parent !== null) edges.push([parent, me]);
    for (const c of s.children) walk(c, me);
  };
  walk(shape, null);
  return { ids, edges };
}

type Layout = (shape: PathShape) => Promise<number> | number;

const elk = new ELK();
function elkLayout(algorithm: "layered" | "mrtree"): Layout {
  return async (shape) => {
    const { ids, edges } = flatten(shape);
    const graph = await elk.layout({
      id: "root",
      layoutOptions: { "elk.algorithm": algorithm, "elk.direction": "UP", "elk.spacing.nodeNode": String(GAP_X), "elk.layered.spacing.nodeNodeBetweenLayers": String(GAP_Y) },
      children: ids.map((id) => ({ id, width: BOX_W, height: BOX_H })),
      edges: edges.map(([a, b], i) => ({ id: `e${i}`, sources: [ids[a]!], targets: [ids[b]!] })),
    });
    return graph.children?.length ?? 0;
  };
}

function graphologyGraph(shape: PathShape): GraphLike {
  const { ids, edges } = flatten(shape);
  const graph = new Graph({ type: "directed" });
  // forceatlas2 needs a starting position: the index on the path, spread by portion.
  ids.forEach((id, i) => graph.addNode(id, { x: id.startsWith("supporter") ? 1 : 0, y: i }));
  for (const [a, b] of edges) graph.addEdge(ids[a]!, ids[b]!);
  return graph;
}

const layouts: Record<string, Layout> = {
  "d3-hierarchy tree": (shape) => layoutPaths(shape).boxes.length,
  "elkjs layered": elkLayout("layered"),
  "elkjs mrtree": elkLayout("mrtree"),
  "graphology + forceatlas2 (100 iterations)": (shape) => {
    const graph = graphologyGraph(shape);
    forceAtlas2.assign(graph, { iterations: 100, settings: forceAtlas2.inferSettings(graph) });
    return graph.order;
  },
  "graphology + dag generations": (shape) => {
    const graph = graphologyGraph(shape);
    let boxes = 0;
    topologicalGenerations(graph).forEach((layer, depth) =>
      layer.forEach((id, i) => {
        graph.mergeNodeAttributes(id, { x: i * (BOX_W + GAP_X), y: depth * (BOX_H + GAP_Y) });
        boxes++;
      }),
    );
    return boxes;
  },
};

/** Milliseconds of CPU per layout: a warm-up, then enough runs to fill about half a second. */
async function time(layout: Layout, shape: PathShape): Promise<{ ms: number; runs: number }> {
  for (let i = 0; i < 3; i++) await layout(shape);
  let runs = 0;
  const start = cpuMs();
  while (cpuMs() - start < 500 || runs < 3) {
    await layout(shape);
    runs++;
  }
  return { ms: (cpuMs() - start) / runs, runs };
}

const BUNDLE_ENTRIES: Record<string, string> = {
  "d3-hierarchy": `import { hierarchy, tree } from "d3-hierarchy"; export const f = (s) => tree().nodeSize([200, 76])(hierarchy(s));`,
  elkjs: `import ELK from "elkjs/lib/elk.bundled.js"; export const f = (g) => new ELK().layout(g);`,
  "graphology + forceatlas2": `import Graph from "graphology"; import fa2 from "graphology-layout-forceatlas2"; export const f = () => { const g = new Graph(); fa2.assign(g, { iterations: 10 }); return g; };`,
  "graphology + graphology-dag": `import Graph from "graphology"; import { topologicalGenerations } from "graphology-dag"; export const f = () => topologicalGenerations(new Graph());`,
};

async function bundleSize(name: string, source: string): Promise<{ bytes: number; gzip: number }> {
  const dir = `${OUT}/bundle-${name.replace(/\W+/g, "-")}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/entry.js`, source);
  const output = (await build({
    configFile: false,
    logLevel: "silent",
    root: OUT,
    build: { write: false, minify: true, lib: { entry: `${dir}/entry.js`, formats: ["es"], fileName: "entry" }, rollupOptions: { external: [] } },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
  const code = chunks.map((c) => c.code).join("");
  return { bytes: Buffer.byteLength(code), gzip: gzipSync(code).length };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const plan = compilePlan(readFileSync(new URL("../../../plans/vitalis-classic.plan", import.meta.url), "utf8"));
  if (!plan.ir) throw new Error("vitalis-classic does not compile");
  const generated = tryGenerateData({ ...generatedOptions("100k", 7), partners: PARTNERS });
  if (!generated.ok) throw new Error("the data does not generate");
  const checked = validateData(generated.document);
  if (!checked.ok) throw new Error("the generated data does not validate");
  const data: Dataset = checked.data;
  const period = "2026-10";
  const outcome = compiledEngine.runThrough(plan.ir, data, { through: period });
  if (!outcome.ok) throw new Error("the run failed");
  const result = outcome.result.periods.find((p: PeriodResult) => p.period === period)!;
  const sponsor = new Map(data.partners.map((p) => [p.id, p.sponsor] as const));
  const sponsorOf = (id: string) => sponsor.get(id) ?? null;
  // The paths of a sample of the month's orders, each from its own entries (as the worker's
  // creditPaths filters the period's ledger by order).
  const byOrder = new Map<string, PeriodResult["ledger"]>();
  for (const e of result.ledger) if (e.order !== undefined) (byOrder.get(e.order) ?? byOrder.set(e.order, []).get(e.order)!).push(e);
  const customers = new Map(data.customers.map((c) => [c.id, c] as const));
  const monthOrders = data.orders.filter((o) => o.date.startsWith(period));
  const step = Math.max(1, Math.floor(monthOrders.length / SAMPLE));
  const sets: { paths: CreditPaths; boxes: number }[] = [];
  for (let i = 0; i < monthOrders.length; i += step) {
    const order = monthOrders[i]!;
    const customer = customers.get(order.buyer);
    const own: Dataset = { ...data, orders: [order], customers: customer ? [customer] : [], splits: data.splits.filter((s) => s.member === order.buyer) };
    const paths = creditPaths(plan.ir, own, { ...result, ledger: byOrder.get(order.id) ?? [] }, period, order.id, sponsorOf);
    if (paths) sets.push({ paths, boxes: 1 + paths.portions.reduce((n, p) => n + p.nodes.length, 0) });
  }
  sets.sort((a, b) => a.boxes - b.boxes);
  const typical = sets[Math.floor(sets.length / 2)]!;
  const largest = sets[sets.length - 1]!;
  // The deepest partner's whole upline, untrimmed.
  const depthOf = new Map<string, number>();
  const depth = (id: string): number => {
    const known = depthOf.get(id);
    if (known !== undefined) return known;
    const up = sponsorOf(id);
    const d = up === null ? 0 : depth(up) + 1;
    depthOf.set(id, d);
    return d;
  };
  let deepest = data.partners[0]!.id;
  for (const p of data.partners) if (depth(p.id) > depth(deepest)) deepest = p.id;
  const upline: string[] = [];
  for (let id: string | null = deepest; id !== null; id = sponsorOf(id)) upline.push(id);
  const whole: CreditPaths = {
    ...largest.paths,
    portions: [{ portion: "recruiter", nodes: upline.map((partner, s) => ({ partner, step: s, rank: null, active: true, received: "0.00", entries: [] })), hidden: 0, total: "0.00", breakage: [] }],
  };
  const cases = [
    { name: `typical (${typical.paths.order}, median of ${sets.length} orders)`, shape: pathsShape(typical.paths), boxes: typical.boxes },
    { name: `largest of the sample (${largest.paths.order})`, shape: pathsShape(largest.paths), boxes: largest.boxes },
    { name: `whole upline of ${deepest}, untrimmed`, shape: pathsShape(whole), boxes: upline.length + 1 },
  ];
  console.log(`${PARTNERS.toLocaleString("en")} partners, ${monthOrders.length.toLocaleString("en")} orders in ${period}, ${sets.length} sampled; boxes per picture: median ${typical.boxes}, max ${largest.boxes}; deepest upline ${upline.length}`);
  console.log(`layout CPU time per picture (ms), Node ${process.version}:`);
  console.log(["case", "boxes", ...Object.keys(layouts)].join(" | "));
  for (const c of cases) {
    const cells: string[] = [];
    for (const layout of Object.values(layouts)) {
      const { ms } = await time(layout, c.shape);
      cells.push(ms < 1 ? ms.toFixed(3) : ms.toFixed(1));
    }
    console.log([c.name, String(c.boxes), ...cells].join(" | "));
  }
  console.log("bundle size added (minified / gzipped bytes):");
  for (const [name, source] of Object.entries(BUNDLE_ENTRIES)) {
    const size = await bundleSize(name, source);
    console.log(`${name} | ${size.bytes.toLocaleString("en")} | ${size.gzip.toLocaleString("en")}`);
  }
}

await main();
