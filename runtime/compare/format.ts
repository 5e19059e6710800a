/**
 * The comparisons as readable terminal text (`comp compare`): one column per policy or split
 * mode side by side, amounts right-aligned, then the detail lists.
 */
import { compareIds } from "./amounts.ts";
import type { PolicyComparison, SplitComparison } from "./types.ts";
import { textTable, type Align } from "../explain/textTable.ts";
import { visible } from "../explain/visibleText.ts";

const rightAfterFirst = (columns: number): Align[] => ["left", ...Array.from({ length: columns - 1 }, (): Align => "right")];

export function formatPolicyComparison(c: PolicyComparison): string {
  const names = c.policies.map((p) => p.policy);
  let out = `Cancellation policies compared: ${c.plan}, all periods through ${c.through}\n\n`;
  const row = (label: string, value: (p: PolicyComparison["policies"][number]) => string) => [label, ...c.policies.map(value)];
  out += textTable(
    ["figure", ...names],
    [
      row("total clawback", (p) => p.totalClawback),
      row("  from partners paid on the order", (p) => p.reclaimedFromOriginal),
      row("  from other partners", (p) => p.reclaimedFromOthers),
      row("unrecovered (company loss)", (p) => p.unrecovered),
      row("negative balances carried", (p) => p.carriedNegative),
      row("partners carrying a negative", (p) => String(p.negativeBalances.length)),
      row("rank changes", (p) => String(p.rankChanges.length)),
      row("total payout", (p) => p.totalPayout),
    ],
    rightAfterFirst(names.length + 1),
  );

  out += "\nRank changes against a run without the after-run cancellations\n";
  for (const p of c.policies) {
    if (p.rankChanges.length === 0) {
      out += `  ${p.policy}: none\n`;
      continue;
    }
    out += `  ${p.policy}:\n`;
    out += textTable(
      ["period", "partner", "without", "with"],
      p.rankChanges.map((r) => [r.period, r.partner, r.without ?? "(no rank)", r.with ?? "(no rank)"]),
      ["left", "left", "left", "left"],
      "    ",
    );
  }

  const debtors = [...new Set(c.policies.flatMap((p) => p.negativeBalances.map((b) => b.partner)))].sort(compareIds);
  out += `\nNegative balances carried out of ${c.through}\n`;
  if (debtors.length === 0) out += "  none\n";
  else {
    const balanceOf = (p: PolicyComparison["policies"][number], partner: string) => p.negativeBalances.find((b) => b.partner === partner)?.amount ?? "-";
    out += textTable(["partner", ...names], debtors.map((d) => [d, ...c.policies.map((p) => balanceOf(p, d))]), rightAfterFirst(names.length + 1));
  }

  out += "\nLargest differences in total earned per partner\n";
  if (c.differences.length === 0) out += "  none: every partner earns the same under every policy\n";
  else {
    out += textTable(
      ["partner", ...names, "spread"],
      c.differences.map((d) => [d.partner, ...c.policies.map((p) => d.earned[p.policy]), d.spread]),
      rightAfterFirst(names.length + 2),
    );
  }
  return out;
}

export function formatSplitComparison(c: SplitComparison): string {
  const names = c.modes.map((m) => m.mode);
  let out = `Split modes compared: ${c.plan}, all periods through ${c.through}\n\n`;
  out += textTable(
    ["figure", ...names],
    [
      ["recruiter lines earned", ...c.modes.map((m) => m.recruiterLinesEarned)],
      ["supporter lines earned", ...c.modes.map((m) => m.supporterLinesEarned)],
      ["total payout", ...c.modes.map((m) => m.totalPayout)],
    ],
    rightAfterFirst(names.length + 1),
  );
  const first = c.modes[0];
  if (first === undefined || first.agreements.length === 0) return out + "\nNo split agreement is in force in these periods.\n";
  // Agreements of one recruiter with one supporter share both lines: one table for all of them.
  const groups = new Map<string, number[]>();
  first.agreements.forEach((a, i) => {
    const key = `${a.recruiter}\u0000${a.supporter}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const indices of groups.values()) {
    const a = first.agreements[indices[0]!]!;
    const agreements = indices.map((i) => `splits[${first.agreements[i]!.agreement}]`).join(", ");
    const members = indices.map((i) => visible(first.agreements[i]!.member)).join(", ");
    out += `\nRecruiter ${visible(a.recruiter)}, supporter ${visible(a.supporter)} (${agreements}: member${indices.length === 1 ? "" : "s"} ${members})\n`;
    const rows: string[][] = [];
    for (const side of ["recruiterLine", "supporterLine"] as const) {
      a[side].partners.forEach((row, k) => {
        const perMode = c.modes.flatMap((m) => {
          const figures = m.agreements[indices[0]!]![side].partners[k]!;
          return [figures.rank ?? "(no rank)", figures.earned];
        });
        rows.push([k === 0 ? (side === "recruiterLine" ? "recruiter" : "supporter") : "", row.partner, ...perMode]);
      });
      rows.push(["", "line total", ...c.modes.flatMap((m) => ["", m.agreements[indices[0]!]![side].earned])]);
    }
    out += textTable(
      ["line", "partner", ...names.flatMap((n) => [`rank (${n})`, `earned (${n})`])],
      rows,
      ["left", "left", ...names.flatMap((): Align[] => ["left", "right"])],
    );
  }
  return out;
}
