/**
 * The compare view's per-agreement table: what each split agreement itself changes (the run with
 * every agreement minus the run without that one, worker/agreementEffects.ts), in each split
 * mode, the plan's own mode marked. A row opens to the partners it changes most.
 */
import { el } from "../dom.ts";
import type { AgreementEffects, ModeEffect, SplitModeName } from "../worker/protocol.ts";
import { plural } from "./format.ts";
import { amount, count, partnerLink } from "./widgets.ts";

const MODES: readonly SplitModeName[] = ["volume", "commission"];
const MODE_LABEL: Record<SplitModeName, string> = { volume: "volume split", commission: "commission transfer" };

const NOTES = {
  recruiterLine: "change of what the recruiter and its upline earn over the compared periods, with this agreement against without it",
  supporterLine: "change of what the supporter and its upline earn over the compared periods, with this agreement against without it",
  total: "change of what all partners earn together: what this agreement costs (positive) or saves (negative)",
};

export function agreementEffectsTable(effects: AgreementEffects, planMode: SplitModeName | null, openPartner: (partner: string) => void): HTMLElement {
  const head = el(
    "thead",
    {},
    el(
      "tr",
      {},
      el("th", { attrs: { rowspan: "2" }, text: "#" }),
      ...["Member", "Recruiter", "Supporter"].map((h) => el("th", { attrs: { rowspan: "2" }, text: h })),
      ...MODES.map((m) => el("th", { className: `group${m === planMode ? " plan-mode" : ""}`, attrs: { colspan: "3" }, text: m === planMode ? `${MODE_LABEL[m]} (the plan's mode)` : MODE_LABEL[m] })),
    ),
    el("tr", {}, ...MODES.flatMap(() => [el("th", { className: "num", text: "Recruiter line", title: NOTES.recruiterLine }), el("th", { className: "num", text: "Supporter line", title: NOTES.supporterLine }), el("th", { className: "num", text: "All partners", title: NOTES.total })])),
  );
  const body = el("tbody");
  for (const e of effects.effects) {
    const cells = (m: ModeEffect) => [
      el("td", { className: "num" }, amount(m.recruiterLine, NOTES.recruiterLine)),
      el("td", { className: "num" }, amount(m.supporterLine, NOTES.supporterLine)),
      el("td", { className: "num" }, amount(m.total, NOTES.total)),
    ];
    const details = el("tr", { className: "effect-partners" }, el("td", { attrs: { colspan: "10" } }, ...MODES.map((m) => partnerList(m, e.byMode[m], openPartner))));
    details.hidden = true;
    const toggle = el("button", {
      className: "link",
      text: `${e.agreement + 1}`,
      title: "show the partners this agreement changes most",
      attrs: { "aria-expanded": "false" },
      on: {
        click: () => {
          details.hidden = !details.hidden;
          toggle.setAttribute("aria-expanded", String(!details.hidden));
        },
      },
    });
    body.append(
      el(
        "tr",
        { dataset: { agreement: String(e.agreement) } },
        el("td", {}, toggle),
        el("td", {}, partnerLink(e.member, openPartner)),
        el("td", {}, e.recruiter === null ? "—" : partnerLink(e.recruiter, openPartner)),
        el("td", {}, partnerLink(e.supporter, openPartner)),
        ...MODES.flatMap((m) => cells(e.byMode[m])),
      ),
      details,
    );
  }
  const note =
    effects.leftOut > 0
      ? `Effects of the first ${count(effects.effects.length)} of ${plural(effects.inForce, "agreement")} in force (each one needs two more runs); ${count(effects.leftOut)} left out.`
      : `Each agreement's own effect: the run with every agreement minus the run without this one (${plural(effects.inForce, "agreement")} in force). A partner on both lines counts in both, so the lines need not add up to all partners. Click # for the partners it changes most.`;
  return el("div", { className: "agreement-effects" }, el("p", { className: "caption", text: note }), el("div", { className: "table-wrap" }, el("table", { className: "grid compact agreements", attrs: { id: "agreement-effects" } }, head, body)));
}

function partnerList(mode: SplitModeName, effect: ModeEffect, openPartner: (partner: string) => void): HTMLElement {
  return el(
    "div",
    { className: "effect-list", dataset: { mode } },
    el("strong", { text: `${MODE_LABEL[mode]}: ${plural(effect.partnersChanged, "partner")} changed` }),
    el("ul", {}, ...effect.partners.map((p) => el("li", {}, partnerLink(p.partner, openPartner), " ", amount(p.change, `what this agreement changes in ${p.partner}'s earnings over the compared periods`)))),
  );
}
