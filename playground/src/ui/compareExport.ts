/**
 * The comparison as a file: CSV (one table: figure rows per policy, the bottom line, then the
 * clawbacks per partner) or JSON (the reply as the worker computed it).
 */
import type { CompareReply } from "../worker/protocol.ts";
import { csvText, download } from "./download.ts";
import { slug } from "../worker/exports.ts";

export function downloadComparison(reply: CompareReply, plan: string, format: "csv" | "json"): void {
  const name = `${slug(plan)}-through-${reply.through}-comparison.${format}`;
  if (format === "json") {
    download(name, [JSON.stringify(reply, null, 2), "\n"], "application/json");
    return;
  }
  const rows: (string | number | boolean | null)[][] = [];
  const policies = reply.policies.ok ? reply.policies.comparison.policies : [];
  rows.push(["figure", ...policies.map((p) => p.policy)]);
  const figure = (label: string, values: string[]): void => void rows.push([label, ...values]);
  figure("total clawback", policies.map((p) => p.totalClawback));
  figure("reclaimed from partners originally paid", policies.map((p) => p.reclaimedFromOriginal));
  figure("reclaimed from others", policies.map((p) => p.reclaimedFromOthers));
  figure("unrecovered (company loss)", policies.map((p) => p.unrecovered));
  figure("carried negative", policies.map((p) => p.carriedNegative));
  figure("rank changes", policies.map((p) => String(p.rankChanges.length)));
  figure("total paid out", policies.map((p) => p.totalPayout));
  const b = reply.bottom;
  if (b) {
    figure("still owed to partners", b.bottomLines.map((l) => l.carriedPositive));
    figure("owed back by active partners", b.bottomLines.map((l) => l.owedByActive));
    figure("owed by terminated partners", b.bottomLines.map((l) => l.owedByTerminated));
    figure("net cost to the company", b.bottomLines.map((l) => l.netCost));
    figure(`difference from the plan's policy (${b.planPolicy})`, b.bottomLines.map((l) => l.differenceFromPlan));
    rows.push([]);
    rows.push(["periods covered", b.periods.join(" ")]);
    rows.push([]);
    rows.push(["partner", ...b.bottomLines.map((l) => `paid back under ${l.policy}`), "terminated"]);
    for (const c of b.clawbacks) rows.push([c.partner, ...b.bottomLines.map((l) => c.paidBack[l.policy]), c.terminated]);
  }
  if (reply.splits?.ok) {
    rows.push([]);
    rows.push(["split mode", "recruiter lines earned", "supporter lines earned", "total paid out"]);
    for (const m of reply.splits.comparison.modes) rows.push([m.mode, m.recruiterLinesEarned, m.supporterLinesEarned, m.totalPayout]);
  }
  if (reply.agreementEffects) {
    // Each agreement's own effect: with every agreement minus without this one.
    rows.push([]);
    rows.push(["agreement", "member", "recruiter", "supporter", ...(["volume", "commission"] as const).flatMap((m) => [`${m}: recruiter line change`, `${m}: supporter line change`, `${m}: all partners change`])]);
    for (const e of reply.agreementEffects.effects) {
      rows.push([e.agreement + 1, e.member, e.recruiter, e.supporter, ...(["volume", "commission"] as const).flatMap((m) => [e.byMode[m].recruiterLine, e.byMode[m].supporterLine, e.byMode[m].total])]);
    }
  }
  download(name, [csvText(rows)], "text/csv;charset=utf-8");
}
