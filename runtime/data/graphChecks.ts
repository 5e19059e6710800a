/**
 * Step 2a of data validation: people and the sponsor forest (semantics.md §1).
 *
 * Checks duplicate ids (partners and customers share one id space), unknown sponsors, sponsor
 * cycles, partners who joined before their sponsor, `terminated` dates that contradict the
 * status or come before the joining date, and customers attached to an unknown partner.
 * Builds the People index the later checks use: who an id is, and an ancestor test on the
 * sponsor forest.
 */
import type { DataProblem } from "../../core/dataModel.ts";
import type { DataDocument } from "./document.ts";
import { IdPositions } from "./idPositions.ts";

export type Person =
  | { kind: "partner"; index: number; joined: string }
  | { kind: "customer"; index: number; joined: string; partner: string };

/** Who an id is, looked up without keeping a Person object per id (millions at 1M partners). */
export interface PersonLookup {
  get(id: string): Person | undefined;
}

export interface People {
  /** The first record with each id (a later duplicate is a problem, not a second person). */
  byId: PersonLookup;
  /** Partner id -> position in `partners` of its first record. */
  partnerIndex: Map<string, number>;
  /** Customer id -> position in `customers` of its first record (an id no partner has). */
  customerIndex: ReadonlyMap<string, number>;
  /** True when `descendant` is strictly below `ancestor` in the sponsor forest. */
  isInDownline(ancestorId: string, descendantId: string): boolean;
}

function where(person: Person): string {
  return person.kind === "partner" ? `partners[${person.index}]` : `customers[${person.index}]`;
}

/**
 * Ids as two maps of positions (partners first: partners and customers share one id space),
 * Person objects made only when asked for: a million Person objects kept alive cost seconds of
 * garbage collection, and the compiled runtime reuses the partner map (columnar.ts).
 */
class IdIndex implements PersonLookup {
  readonly partners: Map<string, number> = new IdPositions();
  readonly customers: Map<string, number> = new IdPositions();

  constructor(private readonly doc: DataDocument) {}

  get(id: string): Person | undefined {
    const p = this.partners.get(id);
    if (p !== undefined) return { kind: "partner", index: p, joined: (this.doc.partners[p] as { joined: string }).joined };
    const c = this.customers.get(id);
    if (c === undefined) return undefined;
    const customer = (this.doc.customers ?? [])[c] as { joined: string; partner: string };
    return { kind: "customer", index: c, joined: customer.joined, partner: customer.partner };
  }
}

function indexPeople(doc: DataDocument, problems: DataProblem[]): IdIndex {
  const byId = new IdIndex(doc);
  const partners = doc.partners;
  for (let index = 0; index < partners.length; index++) {
    const p = partners[index]!;
    const first = byId.partners.get(p.id);
    if (first !== undefined) {
      const message = `duplicate id \`${p.id}\`: already used by partners[${first}]`;
      problems.push({ path: `partners[${index}].id`, id: p.id, message });
    } else {
      byId.partners.set(p.id, index);
    }
  }
  const customers = doc.customers ?? [];
  for (let index = 0; index < customers.length; index++) {
    const c = customers[index]!;
    const first = byId.get(c.id);
    if (first !== undefined) {
      const message = `duplicate id \`${c.id}\`: already used by ${where(first)}`;
      problems.push({ path: `customers[${index}].id`, id: c.id, message });
    } else {
      byId.customers.set(c.id, index);
    }
  }
  return byId;
}

/**
 * The sponsor forest over partner positions (index in `partners`, first record per id):
 * `parent[i]` is the sponsor's position or -1, children in compressed rows. Plain typed arrays
 * rather than a graph library: at 100k partners, building a graphology graph took 60 times as
 * long as these arrays (seconds instead of milliseconds), and the walks needed here are simple.
 */
interface SponsorForest {
  ids: string[];
  position: Map<string, number>;
  parent: Int32Array;
  childStart: Int32Array;
  children: Int32Array;
}

function buildForest(doc: DataDocument, byId: IdIndex, problems: DataProblem[]): SponsorForest {
  // Positions are partner indices when every partner id is unique (the usual case): the id map
  // is then the position map, and no second map of a million entries is built.
  const unique = byId.partners.size === doc.partners.length;
  const ids: string[] = unique ? doc.partners.map((p) => p.id) : [...byId.partners.keys()];
  const position = unique ? byId.partners : new Map(ids.map((id, i) => [id, i] as const));
  const parent = new Int32Array(ids.length).fill(-1);
  const partners = doc.partners;
  for (let index = 0; index < partners.length; index++) {
    const p = partners[index]!;
    if (p.sponsor === null || byId.partners.get(p.id) !== index) continue;
    const path = `partners[${index}].sponsor`;
    const sponsorIndex = byId.partners.get(p.sponsor);
    if (sponsorIndex === undefined) {
      if (byId.customers.has(p.sponsor)) {
        problems.push({ path, id: p.id, message: `sponsor \`${p.sponsor}\` is a customer; a sponsor must be a partner` });
      } else {
        problems.push({ path, id: p.id, message: `unknown sponsor \`${p.sponsor}\`: no partner has this id` });
      }
      continue;
    }
    parent[position.get(p.id) as number] = position.get(p.sponsor) as number;
    const sponsorJoined = (partners[sponsorIndex] as { joined: string }).joined;
    if (p.joined < sponsorJoined) {
      problems.push({
        path: `partners[${index}].joined`,
        id: p.id,
        message: `\`${p.id}\` joined ${p.joined}, before its sponsor \`${p.sponsor}\` (joined ${sponsorJoined})`,
      });
    }
  }
  // Children in compressed rows: children[childStart[i] .. childStart[i + 1]) are i's children.
  const childStart = new Int32Array(ids.length + 1);
  for (const p of parent) if (p >= 0) childStart[p + 1] = childStart[p + 1]! + 1;
  for (let i = 0; i < ids.length; i++) childStart[i + 1] = childStart[i + 1]! + childStart[i]!;
  const fill = childStart.slice(0, ids.length);
  const children = new Int32Array(Math.max(0, childStart[ids.length] as number));
  parent.forEach((p, child) => {
    if (p < 0) return;
    const at = fill[p]!;
    children[at] = child;
    fill[p] = at + 1;
  });
  return { ids, position, parent, childStart, children };
}

/**
 * Every partner has at most one sponsor, so a cycle is found by walking up. Each cycle is
 * reported once, on the partner of the cycle that comes first in the document (the lowest
 * position, since positions follow document order).
 */
function findCycles(forest: SponsorForest, byId: PersonLookup, problems: DataProblem[]): void {
  const { ids, parent } = forest;
  const WALKING = 1;
  const DONE = 2;
  const state = new Uint8Array(ids.length);
  const walk: number[] = [];
  for (let start = 0; start < ids.length; start++) {
    walk.length = 0;
    let node = start;
    while (node >= 0 && state[node] === 0) {
      state[node] = WALKING;
      walk.push(node);
      node = parent[node] as number;
    }
    if (node >= 0 && state[node] === WALKING) {
      // The cycle is the tail of the walk from `node`; it is named from its lowest position.
      let first = node;
      for (let k = walk.indexOf(node); k < walk.length; k++) first = Math.min(first, walk[k] as number);
      reportCycle(forest, first, byId, problems);
    }
    for (const visited of walk) state[visited] = DONE;
  }
}

const MAX_CYCLE_NAMES = 12;

function reportCycle(forest: SponsorForest, first: number, byId: PersonLookup, problems: DataProblem[]): void {
  const id = forest.ids[first] as string;
  const path = `partners[${byId.get(id)?.index ?? 0}].sponsor`;
  if (forest.parent[first] === first) {
    problems.push({ path, id, message: `\`${id}\` is its own sponsor` });
    return;
  }
  // Name the cycle from its first partner along the sponsor links: A -> A's sponsor -> ... -> A.
  const names: string[] = [id];
  for (let n = forest.parent[first] as number; n !== first; n = forest.parent[n] as number) {
    names.push(forest.ids[n] as string);
  }
  const quoted = names.map((n) => `\`${n}\``);
  // A cycle through thousands of partners (a broken import) is named by its ends, not in full.
  const hidden = quoted.length - (MAX_CYCLE_NAMES - 1);
  const shown =
    hidden <= 1
      ? quoted
      : [...quoted.slice(0, MAX_CYCLE_NAMES - 2), `... ${hidden} more ...`, quoted[quoted.length - 1] as string];
  problems.push({
    path,
    id,
    message:
      `sponsor cycle of ${names.length} partners: ${[...shown, quoted[0]].join(" -> ")} ` +
      `(each is sponsored by the next)`,
  });
}

/**
 * Entry/exit numbers of a depth-first walk from every top partner, so "is S below M" is two
 * integer comparisons instead of a walk up (100k partners, thousands of split agreements).
 * Partners on or below a cycle are never reached and keep -1; isInDownline walks up for them.
 */
function tourNumbers(forest: SponsorForest): { enter: Int32Array; exit: Int32Array } {
  const { parent, childStart, children } = forest;
  const n = parent.length;
  const enter = new Int32Array(n).fill(-1);
  const exit = new Int32Array(n).fill(-1);
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n);
  let clock = 0;
  for (let root = 0; root < n; root++) {
    if (parent[root] !== -1) continue;
    let depth = 0;
    stackNode[0] = root;
    stackNext[0] = childStart[root] as number;
    enter[root] = clock++;
    while (depth >= 0) {
      const node = stackNode[depth] as number;
      const next = stackNext[depth] as number;
      if (next < (childStart[node + 1] as number)) {
        stackNext[depth] = next + 1;
        const child = children[next] as number;
        enter[child] = clock++;
        depth++;
        stackNode[depth] = child;
        stackNext[depth] = childStart[child] as number;
      } else {
        exit[node] = clock++;
        depth--;
      }
    }
  }
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
      const message = `\`${p.id}\` is terminated on ${terminated}, before it joined (${p.joined})`;
      problems.push({ path, id: p.id, message });
    }
  });
}

function checkCustomers(doc: DataDocument, byId: IdIndex, problems: DataProblem[]): void {
  (doc.customers ?? []).forEach((c, index) => {
    // Attached to a partner (the usual case): nothing to say, no Person object made.
    if (byId.partners.has(c.partner)) return;
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

  const isInDownline = (ancestorId: string, descendantId: string): boolean => {
    const ancestor = forest.position.get(ancestorId);
    const descendant = forest.position.get(descendantId);
    if (ancestor === undefined || descendant === undefined || ancestor === descendant) return false;
    const a = enter[ancestor] as number;
    const d = enter[descendant] as number;
    if (a >= 0 && d >= 0) return a < d && (exit[descendant] as number) < (exit[ancestor] as number);
    // Below a cycle: walk up until the walk comes round again.
    const seen = new Set<number>([descendant]);
    for (let n = forest.parent[descendant] as number; n >= 0 && !seen.has(n); n = forest.parent[n] as number) {
      if (n === ancestor) return true;
      seen.add(n);
    }
    return false;
  };
  return { problems, people: { byId, partnerIndex: byId.partners, customerIndex: byId.customers, isInDownline } };
}
