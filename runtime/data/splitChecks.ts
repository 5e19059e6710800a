/**
 * Step 2b of data validation: split agreements (semantics.md §3, "Bad input").
 *
 * Member and supporter must exist; the supporter must be a partner (its upline receives the
 * supporter portion), must not be the member, and for a partner member must not sit in the
 * member's downline (the supporter portion's path m, S, S's upline would pass m again). A
 * customer member has no downline, so any partner may support it. Shares lie in 0–100%, `from`
 * is not after `to`, and one member has at most one agreement in force in any period.
 */
import { percentOf } from "./decimalText.ts";
import type { DataDocument, SplitRecord } from "./document.ts";
import type { People } from "./graphChecks.ts";
import type { DataProblem } from "../../core/dataModel.ts";
import { formatPath } from "../../core/problemPath.ts";

function checkParties(split: SplitRecord, index: number, people: People, problems: DataProblem[]): void {
  const member = people.byId.get(split.member);
  const supporter = people.byId.get(split.supporter);
  if (member === undefined) {
    problems.push({
      path: `splits[${index}].member`,
      message: `unknown member \`${split.member}\`: no partner or customer has this id`,
    });
  }
  const path = `splits[${index}].supporter`;
  if (supporter === undefined) {
    problems.push({ path, message: `unknown supporter \`${split.supporter}\`: no partner has this id` });
  } else if (supporter.kind === "customer") {
    problems.push({ path, message: `supporter \`${split.supporter}\` is a customer; a supporter must be a partner` });
  } else if (split.supporter === split.member) {
    problems.push({ path, message: `\`${split.member}\` cannot be its own supporter` });
  } else if (member?.kind === "partner" && people.isInDownline(split.member, split.supporter)) {
    problems.push({
      path,
      message:
        `supporter \`${split.supporter}\` is in the downline of member \`${split.member}\`; ` +
        `the supporter's upline would lead back through the member`,
    });
  }
}

function checkShares(split: SplitRecord, index: number, problems: DataProblem[]): void {
  const share = split.share;
  if (share === undefined) return;
  const entries: [string, string][] =
    typeof share === "string"
      ? [[`splits[${index}].share`, share]]
      : Object.keys(share)
          .sort()
          .map((measure) => [formatPath(["splits", index, "share", measure]), share[measure] as string]);
  for (const [path, text] of entries) {
    const percent = percentOf(text);
    if (percent.isNegative() || percent.greaterThan(100)) {
      problems.push({ path, message: `share ${text} is outside 0–100%` });
    }
  }
}

/** An agreement's periods in force; null bounds are open. */
interface InForce {
  index: number;
  from: string | null;
  to: string | null;
}

function describeOverlap(a: InForce, b: InForce): string {
  const from = a.from === null ? b.from : b.from === null ? a.from : a.from > b.from ? a.from : b.from;
  const to = a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to;
  if (from === null && to === null) return "in every period";
  if (from === null) return `in every period through ${to}`;
  if (to === null) return `from ${from} on`;
  return from === to ? `in ${from}` : `from ${from} through ${to}`;
}

function overlaps(a: InForce, b: InForce): boolean {
  const aStartsAfterB = a.from !== null && b.to !== null && a.from > b.to;
  const bStartsAfterA = b.from !== null && a.to !== null && b.from > a.to;
  return !aStartsAfterB && !bStartsAfterA;
}

/** Periods compare as strings (`YYYY-MM`), so no date arithmetic is needed here. */
function checkPeriods(splits: readonly SplitRecord[], problems: DataProblem[]): void {
  const byMember = new Map<string, InForce[]>();
  splits.forEach((split, index) => {
    const from = split.from ?? null;
    const to = split.to ?? null;
    if (from !== null && to !== null && from > to) {
      problems.push({ path: `splits[${index}].to`, message: `\`from\` ${from} is after \`to\` ${to}` });
      return;
    }
    const earlier = byMember.get(split.member) ?? [];
    for (const other of earlier) {
      const current = { index, from, to };
      if (!overlaps(other, current)) continue;
      problems.push({
        path: `splits[${index}]`,
        message:
          `member \`${split.member}\` already has an agreement in force in the same periods ` +
          `(splits[${other.index}]): both apply ${describeOverlap(other, current)}`,
      });
    }
    earlier.push({ index, from, to });
    byMember.set(split.member, earlier);
  });
}

export function checkSplits(doc: DataDocument, people: People): DataProblem[] {
  const problems: DataProblem[] = [];
  const splits = doc.splits ?? [];
  splits.forEach((split, index) => {
    checkParties(split, index, people, problems);
    checkShares(split, index, problems);
  });
  checkPeriods(splits, problems);
  return problems;
}
