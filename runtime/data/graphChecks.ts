/**
 * Step 2a of data validation: people and the sponsor forest (semantics.md §1).
 *
 * Checks duplicate ids (partners and customers share one id space), unknown sponsors, sponsor
 * cycles, partners who joined before their sponsor, `terminated` dates that contradict the
 * status, and customers attached to an unknown partner. Builds the People index the later
 * checks use: who an id is, and an ancestor test on the sponsor forest.
 */
import Graph from "graphology";
import type { DataProblem } from "./model.ts";
import type { DataDocument } from "./document.ts";

export type Person =
  | { kind: "partner"; index: number; joined: string }
  | { kind: "customer"; index: number; joined: string; partner: string };

export interface People {
  /** The first record with each id (a later duplicate is a problem, not a second person). */
  byId: Map<string, Person>;
  /** True when `descendant` is strictly below `ancestor` in the sponsor forest. */
  isInDownline(ancestor: string, descendant: string): boolean;
}

function where(person: Person): string {
  return person.kind === "partner" ? `partners[${person.index}]` : `customers[${person.index}]`;
}

function indexPeople(doc: DataDocument, problems: DataProblem[]): Map<string, Person> {
  const byId = new Map<string, Person>();
  doc.partners.forEach((p, index) => {
    const first = byId.get(p.id);
    if (first !== undefined) {
      const message = `duplicate id \`${p.id}\`: already used by ${where(first)}`;
      problems.push({ path: `partners[${index}].id`, id: p.id, message });
    } else {
      byId.set(p.id, { kind: "partner", index, joined: p.joined });
    }
  });
  (doc.customers ?? []).forEach((c, index) => {
    const first = byId.get(c.id);
    if (first !== undefined) {
      const message = `duplicate id \`${c.id}\`: already used by ${where(first)}`;
      problems.push({ path: `customers[${index}].id`, id: c.id, message });
    } else {
      byId.set(c.id, { kind: "customer", index, joined: c.joined, partner: c.partner });
    }
  });
  return byId;
}

/** The sponsor forest as a graphology graph, edges sponsor -> partner (first record per id). */
function buildForest(doc: DataDocument, byId: Map<string, Person>, problems: DataProblem[]): Graph {
  const forest = new Graph({ type: "directed", multi: false, allowSelfLoops: true });
  for (const [id, person] of byId) if (person.kind === "partner") forest.addNode(id);
  doc.partners.forEach((p, index) => {
    const self = byId.get(p.id);
    if (self?.kind !== "partner" || self.index !== index || p.sponsor === null) return;
    const sponsor = byId.get(p.sponsor);
    const path = `partners[${index}].sponsor`;
    if (sponsor === undefined) {
      problems.push({ path, id: p.id, message: `unknown sponsor \`${p.sponsor}\`: no partner has this id` });
    } else if (sponsor.kind === "customer") {
      problems.push({ path, id: p.id, message: `sponsor \`${p.sponsor}\` is a customer; a sponsor must be a partner` });
    } else {
      forest.addDirectedEdge(p.sponsor, p.id);
      if (p.joined < sponsor.joined) {
        problems.push({
          path: `partners[${index}].joined`,
          id: p.id,
          message: `\`${p.id}\` joined ${p.joined}, before its sponsor \`${p.sponsor}\` (joined ${sponsor.joined})`,
        });
      }
    }
  });
  return forest;
}

function sponsorOf(forest: Graph, id: string): string | undefined {
  return forest.inNeighbors(id)[0];
}

/**
 * Every partner has at most one sponsor, so a cycle is found by walking up. Each cycle is
 * reported once, on the partner of the cycle that comes first in the document.
 */
function findCycles(forest: Graph, byId: Map<string, Person>, problems: DataProblem[]): void {
  const state = new Map<string, "walking" | "done">();
  const cycles: string[][] = [];
  forest.forEachNode((start) => {
    const walk: string[] = [];
    let node: string | undefined = start;
    while (node !== undefined && state.get(node) === undefined) {
      state.set(node, "walking");
      walk.push(node);
      node = sponsorOf(forest, node);
    }
    if (node !== undefined && state.get(node) === "walking") cycles.push(walk.slice(walk.indexOf(node)));
    for (const visited of walk) state.set(visited, "done");
  });
  for (const cycle of cycles) {
    const first = cycle.reduce((a, b) => ((byId.get(a)?.index ?? 0) <= (byId.get(b)?.index ?? 0) ? a : b));
    const index = byId.get(first)?.index ?? 0;
    const path = `partners[${index}].sponsor`;
    if (cycle.length === 1) {
      problems.push({ path, id: first, message: `\`${first}\` is its own sponsor` });
      continue;
    }
    // Name the cycle from the first partner downwards the sponsor links: A -> its sponsor -> ...
    const names: string[] = [first];
    for (let n = sponsorOf(forest, first); n !== undefined && n !== first; n = sponsorOf(forest, n)) names.push(n);
    names.push(first);
    problems.push({
      path,
      id: first,
      message: `sponsor cycle: ${names.map((n) => `\`${n}\``).join(" -> ")} (each is sponsored by the next)`,
    });
  }
}

/**
 * Entry/exit numbers of a depth-first walk from every root, so "is S below M" is two integer
 * comparisons instead of a walk up (100k partners, thousands of split agreements).
 * Partners on or below a cycle have no numbers; isInDownline walks up for them instead.
 */
function tourNumbers(forest: Graph): { enter: Map<string, number>; exit: Map<string, number> } {
  const enter = new Map<string, number>();
  const exit = new Map<string, number>();
  let clock = 0;
  forest.forEachNode((root) => {
    if (forest.inDegree(root) !== 0) return;
    const stack: { node: string; children: string[]; next: number }[] = [];
    enter.set(root, clock++);
    stack.push({ node: root, children: forest.outNeighbors(root), next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; children: string[]; next: number };
      const child = top.children[top.next++];
      if (child === undefined) {
        exit.set(top.node, clock++);
        stack.pop();
      } else {
        enter.set(child, clock++);
        stack.push({ node: child, children: forest.outNeighbors(child), next: 0 });
      }
    }
  });
  return { enter, exit };
}

function checkTermination(doc: DataDocument, problems: DataProblem[]): void {
  doc.partners.forEach((p, index) => {
    const terminated = p.terminated ?? null;
    if (terminated === null) return;
    const path = `partners[${index}].terminated`;
    if ((p.status ?? "active") === "active") {
      const message =
        `\`${p.id}\` has a \`terminated\` date but its status is active; ` +
        `set "status": "terminated" or remove the date`;
      problems.push({ path, id: p.id, message });
    } else if (terminated < p.joined) {
      problems.push({ path, id: p.id, message: `\`${p.id}\` is terminated on ${terminated}, before it joined (${p.joined})` });
    }
  });
}

function checkCustomers(doc: DataDocument, byId: Map<string, Person>, problems: DataProblem[]): void {
  (doc.customers ?? []).forEach((c, index) => {
    const partner = byId.get(c.partner);
    const path = `customers[${index}].partner`;
    if (partner === undefined) {
      problems.push({ path, id: c.id, message: `unknown partner \`${c.partner}\`: no partner has this id` });
    } else if (partner.kind === "customer") {
      const message = `\`${c.partner}\` is a customer; a customer must be attached to a partner`;
      problems.push({ path, id: c.id, message });
    }
  });
}

/** Problems with people and the genealogy, plus the index the other checks need. */
export function checkPeople(doc: DataDocument): { problems: DataProblem[]; people: People } {
  const problems: DataProblem[] = [];
  const byId = indexPeople(doc, problems);
  const forest = buildForest(doc, byId, problems);
  findCycles(forest, byId, problems);
  checkTermination(doc, problems);
  checkCustomers(doc, byId, problems);
  const { enter, exit } = tourNumbers(forest);

  const isInDownline = (ancestor: string, descendant: string): boolean => {
    if (!forest.hasNode(ancestor) || !forest.hasNode(descendant) || ancestor === descendant) return false;
    const a = enter.get(ancestor);
    const d = enter.get(descendant);
    if (a !== undefined && d !== undefined) {
      return a < d && (exit.get(descendant) as number) < (exit.get(ancestor) as number);
    }
    const seen = new Set<string>([descendant]);
    for (let n = sponsorOf(forest, descendant); n !== undefined && !seen.has(n); n = sponsorOf(forest, n)) {
      if (n === ancestor) return true;
      seen.add(n);
    }
    return false;
  };
  return { problems, people: { byId, isInDownline } };
}
