/**
 * Split agreements around "stage speakers": recruiters who bring in many people at events and
 * hand most of them to supporters (Betreuer) in other teams. The recruiters with the most
 * recruits and customers become speakers in turn; each hands over 80% of their recruits and
 * customers to 2–3 supporters outside the speaker's own organisation.
 *
 * Why outside the speaker's subtree: a member is a direct recruit (or customer) of the speaker,
 * so a supporter outside that subtree can never be the member or in the member's downline —
 * the agreement is valid by construction (semantics.md §3).
 */
import { addMonths, periodName, type Month } from "./calendar.ts";
import type { RawShare, RawSplit } from "./document.ts";
import type { Genealogy } from "./genealogy.ts";
import { customerId, partnerId } from "./ids.ts";
import { TerminationKind, type Customers, type Terminations } from "./people.ts";
import type { Rng } from "./rng.ts";

const HANDED_OVER_PERCENT = 80;
const SUPPORTER_SEARCH_ATTEMPTS = 400;

export interface SplitInputs {
  genealogy: Genealogy;
  terminations: Terminations;
  customers: Customers;
  firstMonth: Month;
  months: number;
  /** How many agreements to write (fewer when the structure has too few candidates). */
  count: number;
  /** Names for per-measure shares (qualifying first); null = single shares only. */
  shareMeasures: [qualifying: string, money: string] | null;
}

function isInSubtree(genealogy: Genealogy, partner: number, top: number): boolean {
  for (let p = partner; p >= 0; p = genealogy.sponsor[p] ?? -1) {
    if (p === top) return true;
  }
  return false;
}

function rankSpeakers(inputs: SplitInputs): number[] {
  const { genealogy, terminations, customers } = inputs;
  const reach = Int32Array.from(genealogy.frontline);
  for (const partner of customers.partner) reach[partner] = (reach[partner] ?? 0) + 1;
  const candidates: number[] = [];
  for (let i = 0; i < genealogy.count; i++) {
    if (terminations.kind[i] === TerminationKind.None && (reach[i] ?? 0) >= 2) candidates.push(i);
  }
  return candidates.sort((a, b) => (reach[b] ?? 0) - (reach[a] ?? 0) || a - b);
}

/** Ids of every partner's direct recruits and customers, built once (O(n)) for all speakers. */
function indexMembers(inputs: SplitInputs): string[][] {
  const { genealogy, customers } = inputs;
  const members: string[][] = Array.from({ length: genealogy.count }, () => []);
  for (let i = 0; i < genealogy.count; i++) {
    const sponsor = genealogy.sponsor[i] ?? -1;
    if (sponsor >= 0) members[sponsor]?.push(partnerId(i));
  }
  for (let c = 0; c < customers.partner.length; c++) {
    members[customers.partner[c] ?? 0]?.push(customerId(c));
  }
  return members;
}

/** Active partners with a team of their own, outside the speaker's organisation. */
function findSupporters(inputs: SplitInputs, speaker: number, rng: Rng): number[] {
  const { genealogy, terminations } = inputs;
  const wanted = rng.between(2, 3);
  const found: number[] = [];
  for (let attempt = 0; attempt < SUPPORTER_SEARCH_ATTEMPTS && found.length < wanted; attempt++) {
    const p = rng.below(genealogy.count);
    if (found.includes(p) || terminations.kind[p] !== TerminationKind.None) continue;
    if ((genealogy.frontline[p] ?? 0) === 0 && attempt < SUPPORTER_SEARCH_ATTEMPTS / 2) continue;
    if (!isInSubtree(genealogy, p, speaker)) found.push(p);
  }
  return found;
}

function drawShare(measures: SplitInputs["shareMeasures"], rng: Rng): RawShare {
  if (measures !== null && rng.chance(250)) {
    // Per measure: supporters usually get more of the qualifying volume than of the money.
    const [qualifying, money] = measures;
    const higher = rng.pick([40, 45, 50]);
    return { [qualifying]: `${higher}%`, [money]: `${higher - rng.pick([10, 20])}%` };
  }
  return `${rng.pick([30, 35, 40, 45, 50])}%`;
}

function drawTerm(inputs: SplitInputs, rng: Rng): Pick<RawSplit, "from" | "to"> {
  if (inputs.months < 2) return {};
  const roll = rng.below(100);
  if (roll < 20) return { from: periodName(addMonths(inputs.firstMonth, 1)) };
  if (roll < 30) return { to: periodName(inputs.firstMonth) };
  return {};
}

export function drawSplits(inputs: SplitInputs, rng: Rng): RawSplit[] {
  const splits: RawSplit[] = [];
  if (inputs.count <= 0) return splits;
  const membersByPartner = indexMembers(inputs);
  for (const speaker of rankSpeakers(inputs)) {
    // Which recruits a speaker hands over is the speaker's choice: a random 80%, partners and customers alike.
    const members = rng.shuffled(membersByPartner[speaker] ?? []);
    const handedOver = members.slice(0, Math.ceil((members.length * HANDED_OVER_PERCENT) / 100));
    const supporters = findSupporters(inputs, speaker, rng);
    if (supporters.length === 0) continue;
    for (const member of handedOver) {
      if (splits.length >= inputs.count) return splits;
      const supporter = rng.pick(supporters);
      splits.push({ member, supporter: partnerId(supporter), share: drawShare(inputs.shareMeasures, rng), ...drawTerm(inputs, rng) });
    }
  }
  return splits;
}
