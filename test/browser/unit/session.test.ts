/**
 * The run worker's session, driven in Node exactly as the page drives it in the browser:
 * load, run, then the queries behind each view. Expected values come from the reference
 * runtime called directly on the same files.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { compilePlan } from "../../../compiler/compile.ts";
import type { PlanIR } from "../../../core/ir.ts";
import { comparePolicies } from "../../../runtime/compare/index.ts";
import type { Dataset } from "../../../core/dataModel.ts";
import { validateData } from "../../../runtime/data/validate.ts";
import { computeKpis } from "../../../runtime/kpi/index.ts";
import { runThrough } from "../../../runtime/reference/runThrough.ts";
import type { ResultDocument } from "../../../core/result.ts";
import { Decimal } from "../../../core/decimal.ts";
import { generatedOptions, rawData, sourceKey } from "../../../playground/src/worker/dataSources.ts";
import type { DataSource, RunReply } from "../../../playground/src/worker/protocol.ts";
import { Session } from "../../../playground/src/worker/session.ts";
import { lazyResult } from "../../../playground/src/worker/lazyResult.ts";
import { defaultEngine } from "../../../runtime/defaultEngine.ts";

const root = new URL("../../../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), "utf8");
const vitalis = read("plans/vitalis-classic.plan");
const tinySource: DataSource = { kind: "generated", size: "tiny", seed: 192 };

function reference(planText: string, dataFile: string, through: string): { ir: PlanIR; data: Dataset; result: ResultDocument } {
  const ir = compilePlan(planText).ir!;
  const validation = validateData(JSON.parse(read(dataFile)));
  if (!validation.ok) throw new Error("sample data invalid");
  const outcome = runThrough(ir, validation.data, { through });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return { ir, data: validation.data, result: outcome.result };
}

function done(reply: RunReply) {
  if (reply.kind !== "done") throw new Error(`expected a finished run, got ${JSON.stringify(reply).slice(0, 300)}`);
  return reply.run;
}

describe("data sources", () => {
  it("generate tiny with seed 192 as the bundled samples/tiny.data.json", async () => {
    const raw = await rawData(tinySource);
    expect(raw.ok && raw.document).toEqual(JSON.parse(read("samples/tiny.data.json")));
  });

  it("read the bundled scenarios", async () => {
    const raw = await rawData({ kind: "scenario", name: "stage-speaker" });
    expect(raw.ok && raw.document).toEqual(JSON.parse(read("samples/stage-speaker.data.json")));
  });

  it("scale cancellations with the generated size and keep splits out", () => {
    expect(generatedOptions("100k", 3)).toMatchObject({ partners: 100_000, seed: 3, splits: 0, cancellations: 3000 });
    expect(generatedOptions("1k", 1)).toMatchObject({ partners: 1000, cancellations: 30 });
  });

  it("report a file that is not JSON as a problem", async () => {
    const raw = await rawData({ kind: "file", name: "x.json", text: "{ partners: [" });
    expect(raw).toEqual({ ok: false, problems: [{ path: "", message: expect.stringMatching(/^the file x\.json is not JSON: /) }] });
  });
});

describe("the run's result built lazily from the engine's view (lazyResult.ts)", () => {
  it("equals runThrough's document, and the statements' earned adds up to the ledger, on every bundled scenario", () => {
    for (const file of ["late-cancel", "stage-speaker", "small", "tiny"]) {
      const ir = compilePlan(vitalis).ir!;
      const validation = validateData(JSON.parse(read(`samples/${file}.data.json`)));
      if (!validation.ok) throw new Error(file);
      const whole = defaultEngine.runThrough(ir, validation.data, { through: "2026-11" });
      const view = defaultEngine.runThroughView(ir, validation.data, { through: "2026-11" });
      if (!whole.ok || !view.ok) throw new Error(`${file} does not run`);
      const lazy = lazyResult(view.view);
      expect(JSON.parse(JSON.stringify(lazy))).toEqual(JSON.parse(JSON.stringify(whole.result)));
      for (const p of whole.result.periods) {
        const fromLedger = p.ledger.reduce((t, e) => t.plus(e.amount), new Decimal(0));
        const fromStatements = Object.values(p.statements).reduce((t, st) => t.plus(st.earned), new Decimal(0));
        expect(fromStatements.toFixed(2), `${file} ${p.period}`).toBe(fromLedger.toFixed(2));
      }
    }
  });
});

describe("a run of vitalis-classic on the tiny sample", () => {
  const session = new Session();
  const expected = reference(vitalis, "samples/tiny.data.json", "2026-11");
  const stages: string[] = [];
  let reply: RunReply;

  beforeAll(async () => {
    reply = await session.run(vitalis, tinySource, null, null, (s) => stages.push(s));
  });

  it("runs through the last order month under the plan's policy", () => {
    const run = done(reply);
    expect(run).toMatchObject({ plan: "Vitalis Classic", through: "2026-11", policy: "exact", planPolicy: "exact", cvMeasure: "CV", currency: "EUR" });
    expect(run.periods.map((p) => [p.period, p.asOf, p.ledgerEntries])).toEqual(
      expected.result.periods.map((p) => [p.period, p.asOf, p.ledger.length]),
    );
    expect(run.periods.map((p) => p.totalEarned)).toEqual(["211.73", "277.94"]);
    expect(stages).toEqual(expect.arrayContaining(["checking the plan…", "generating tiny partners (seed 192)…", "validating the data…"]));
  });

  it("pages statements with the reference amounts", () => {
    const page = session.finished().statements("2026-11", "partner", false, "", 0, 100);
    const period = expected.result.periods[1]!;
    expect(page.total).toBe(12);
    expect(page.rows.map((r) => r.partner)).toEqual(["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11", "P12"]);
    for (const row of page.rows) {
      expect(row.statement).toEqual(period.statements[row.partner]);
      expect(row.rank).toBe(period.ranks[row.partner]);
      expect(row.personal).toBe(period.volumes[row.partner]!.PV!.personal);
    }
    expect(page.rows.find((r) => r.partner === "P7")?.statement.earned).toBe("68.95");
  });

  it("sorts by any column and searches by id", () => {
    const state = session.finished();
    const byEarned = state.statements("2026-11", "earned", true, "", 0, 3).rows.map((r) => [r.partner, r.statement.earned]);
    expect(byEarned).toEqual([["P9", "77.39"], ["P7", "68.95"], ["P12", "49.53"]]);
    const byRank = state.statements("2026-11", "rank", false, "", 0, 100).rows.map((r) => r.rank);
    expect(byRank.indexOf("Junior")).toBeGreaterThan(byRank.lastIndexOf("Consultant"));
    expect(state.statements("2026-11", "partner", false, " p1", 0, 100).rows.map((r) => r.partner)).toEqual(["P1", "P10", "P11", "P12"]);
    const second = state.statements("2026-11", "partner", false, "", 5, 5);
    expect([second.offset, second.rows.map((r) => r.partner)]).toEqual([5, ["P6", "P7", "P8", "P9", "P10"]]);
    expect(state.statements("2026-09", "partner", false, "", 0, 5).total).toBe(0);
  });

  it("explains a partner entry by entry", () => {
    const x = session.finished().explain("2026-11", "P1", 0, 200);
    const ledger = expected.result.periods[1]!.ledger.filter((e) => e.recipient === "P1");
    expect(x).toMatchObject({ found: "partner", sponsor: null, upline: [], rank: "Junior", active: true, recruits: 4 });
    expect(x.entries.map((e) => [e.id, e.order, e.amount, e.base, e.rate, e.step])).toEqual(
      ledger.map((e) => [e.id, e.order, e.amount, e.base, e.rate, e.step]),
    );
    expect(x.entries[0]).toMatchObject({ buyer: "P5", rule: "Ebenenbonus level 1, compressed" });
    expect(x.entries.find((e) => e.order === "O13")).toMatchObject({ buyer: "C1", rule: "Differenzbonus: rank rate minus what the downline already took" });
    expect(x.byBonus).toEqual([
      { bonus: "Ebenenbonus", kind: "level", entries: 4, amount: "17.59" },
      { bonus: "Differenzbonus", kind: "differential", entries: 1, amount: "7.90" },
    ]);
    const page = session.finished().explain("2026-11", "P1", 2, 2);
    expect([page.entryCount, page.entryOffset, page.entries.map((e) => e.id)]).toEqual([5, 2, ledger.slice(2, 4).map((e) => e.id)]);
    expect(x.history).toEqual([{ period: "2026-10", earned: "47.53" }, { period: "2026-11", earned: "25.49" }]);
    expect(session.finished().explain("2026-11", "C1", 0, 200).found).toBe("customer");
    expect(session.finished().explain("2026-11", "Nobody", 0, 200).found).toBe("unknown");
  });

  it("walks the genealogy one level at a time", () => {
    const state = session.finished();
    const roots = state.genealogy("2026-11", null, 0, 200);
    expect(roots.nodes.map((n) => n.id)).toEqual(["P1"]);
    const children = expected.data.partners.filter((p) => p.sponsor === "P1").map((p) => p.id);
    expect(state.genealogy("2026-11", "P1", 0, 200).nodes.map((n) => n.id)).toEqual(children);
    expect(roots.nodes[0]).toMatchObject({ rank: "Junior", earned: "25.49", children: children.length, personal: "50", group: "825" });
    const slice = state.genealogy("2026-11", "P1", 1, 2);
    expect([slice.total, slice.offset, slice.nodes.length]).toEqual([children.length, 1, 2]);
  });

  it("computes the KPIs of a period and of the whole run", () => {
    const ranks = expected.ir.ranks.map((r) => r.name);
    const bonuses = expected.ir.bonuses;
    expect(session.kpis("2026-10").kpis).toEqual(computeKpis(expected.result, "CV", "2026-10", ranks, bonuses));
    expect(session.kpis(null).kpis).toEqual(computeKpis(expected.result, "CV", undefined, ranks, bonuses));
    // every declared bonus has a row, paid or not
    expect(session.kpis(null).kpis.perBonus).toHaveLength(bonuses.length);
  });

  it("reuses the generated data for the next run", async () => {
    stages.length = 0;
    done(await session.run(vitalis, tinySource, "2026-10", "simple", (s) => stages.push(s)));
    expect(stages.some((s) => s.startsWith("generating"))).toBe(false);
    expect(session.finished().result.policy).toBe("simple");
  });
});

describe("runs that stop with a reason", () => {
  const session = new Session();
  const progress = (): void => {};

  it("list the plan's errors", async () => {
    const reply = await session.run(vitalis.replace("requires Senior", "requires Senoir"), tinySource, null, null, progress);
    expect(reply.kind).toBe("plan-errors");
    if (reply.kind === "plan-errors") expect(reply.diagnostics.map((d) => d.code)).toEqual(["E100"]);
    expect(() => session.finished()).toThrow("no finished run");
  });

  it("list every data problem of a file", async () => {
    const doc = JSON.parse(read("samples/late-cancel.data.json"));
    doc.partners[1].sponsor = "NOBODY";
    doc.orders[0].lines[0].qty = -1;
    doc.orders[2].buyer = "GHOST";
    const text = JSON.stringify(doc);
    const reply = await session.run(vitalis, { kind: "file", name: "bad.json", text }, null, null, progress);
    const validation = validateData(JSON.parse(text));
    expect(validation.ok).toBe(false);
    // Every problem, each with the line and the text of the record it is about (one line here).
    const records = (validation.ok ? [] : validation.problems).map((p) => ({ ...p, line: 1, record: JSON.stringify(doc[p.path.split("[")[0]!][Number(/\[(\d+)\]/.exec(p.path)![1])]) }));
    expect(reply).toEqual({ kind: "data-problems", problems: records, againstPlan: false, data: null });
  });

  it("list a record that is not JSON and a key given twice beside the other problems, with their lines (JSON and JSON Lines)", async () => {
    const doc = JSON.parse(read("samples/late-cancel.data.json"));
    doc.partners[1].sponsor = "NOBODY";
    let text = JSON.stringify(doc, null, 2);
    text = text.replace('"id": "O2",', '"id": "O2",\n      "buyer": "D1",').replace('"id": "O5",', '"id": "O5" "x": 1,');
    const reply = await session.load({ kind: "file", name: "broken.json", text }, progress);
    if (reply.kind !== "data-problems") throw new Error("the broken file loads");
    expect(reply.problems.map((p) => [p.line, p.path, p.message])).toEqual([
      [8, "partners[1].sponsor", "unknown sponsor `NOBODY`: no partner has this id"],
      [57, "orders[1]", 'duplicate key "buyer" in one object (the second would silently replace the first) at line 57, column 7'],
      [107, "orders[4]", "not valid JSON: expected `,` or `}` after a value in an object, found `\"` at line 107, column 18"],
    ]);
    expect(reply.problems[1]!.record).toContain('"buyer": "D1",\n  "buyer": "U"');
    const lines = [
      '{"type":"partner","id":"A","sponsor":null,"joined":"2026-01-01","status":"active"}',
      '{"type":"partner","id":"B","sponsor":"A","sponsor":"Z","joined":"2026-01-01","status":"active"}',
      '{"type":"partner","id":"C","sponsor":"NOBODY","joined":"2026-01-01","status":"active"}',
      '{"type":"thing"}',
    ].join("\n");
    const jsonl = await session.load({ kind: "file", name: "people.jsonl", text: lines }, progress);
    if (jsonl.kind !== "data-problems") throw new Error("the broken file loads");
    expect(jsonl.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'duplicate key "sponsor" in one object (the second would silently replace the first) at column 42'],
      [3, "unknown sponsor `NOBODY`: no partner has this id"],
      [4, '`type` is "thing"; each line is one record with a `type` of "partner", "customer", "split", "order", "cancellation"'],
    ]);
  });

  it("run data whose split agreements the plan cannot apply: they are ignored (semantics §3), not refused", async () => {
    const unilevel = read("plans/unilevel-essentials.plan");
    const reply = await session.run(unilevel, { kind: "scenario", name: "stage-speaker" }, null, null, progress);
    expect(reply.kind).toBe("done");
  });

  it("pass on a refused run", async () => {
    const reply = await session.run(vitalis, tinySource, "2026-01", null, progress);
    expect(reply).toMatchObject({ kind: "run-error", error: { code: "through-before-first-period" } });
  });
});

describe("the comparison job", () => {
  it("compares the policies on late-cancel like runtime/compare", async () => {
    const session = new Session();
    const stages: string[] = [];
    const reply = await session.compare(vitalis, { kind: "scenario", name: "late-cancel" }, "2026-11", (stage) => stages.push(stage));
    const { ir, data } = reference(vitalis, "samples/late-cancel.data.json", "2026-11");
    expect(reply.policies).toEqual(comparePolicies(ir, data, "2026-11"));
    expect(reply.policies.ok && reply.policies.comparison.policies.map((p) => [p.policy, p.totalClawback, p.unrecovered])).toEqual([
      ["simple", "229.40", "0.00"],
      ["previous-rank", "344.10", "57.35"],
      ["exact", "381.35", "64.80"],
    ]);
    expect([reply.splits, reply.splitsSkipped]).toEqual([null, "the data has no split agreements"]);
    // Progress names the replay and the period.
    expect(stages).toContain("comparing: exact (replay 4 of 4) · period 2026-11 (2 of 2)");
    // The bottom line: the terminated partner's 64.80 under exact is both unrecovered and owed by
    // a terminated partner, and nothing else: it adds up.
    const exact = reply.bottom?.bottomLines.find((b) => b.policy === "exact");
    expect([exact?.unrecovered, exact?.owedByTerminated, exact?.terminatedOtherBalance]).toEqual(["64.80", "64.80", "0.00"]);
  });

  it("refuses a comparison of a plan with errors, with a message", async () => {
    await expect(new Session().compare("plan", tinySource, "2026-11", () => {})).rejects.toThrow(/plan has errors/);
  });

  it("compares the split modes when the data has agreements", async () => {
    const session = new Session();
    const reply = await session.compare(vitalis, { kind: "scenario", name: "stage-speaker" }, "2026-11", () => {});
    expect(reply.splits?.ok && reply.splits.comparison.modes.map((m) => m.mode)).toEqual(["volume", "commission"]);
  });

  it("gives each split agreement its own effect: the run with every agreement minus the run without it", async () => {
    const session = new Session();
    const reply = await session.compare(vitalis, { kind: "scenario", name: "stage-speaker" }, "2026-11", () => {});
    const effects = reply.agreementEffects!;
    expect([effects.inForce, effects.leftOut, effects.effects.map((e) => e.member)]).toEqual([8, 0, ["N1", "N2", "N3", "N4", "N5", "K1", "K2", "K3"]]);
    // Independently, with the reference evaluator: earned over both periods, with and without each agreement.
    const { ir, data } = reference(vitalis, "samples/stage-speaker.data.json", "2026-11");
    const earned = (splits: Dataset["splits"], mode: "volume" | "commission"): Map<string, Decimal> => {
      const outcome = runThrough(ir, { ...data, splits }, { through: "2026-11", splitMode: mode });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const sums = new Map<string, Decimal>();
      for (const p of outcome.result.periods) for (const [id, s] of Object.entries(p.statements)) sums.set(id, (sums.get(id) ?? new Decimal(0)).plus(s.earned));
      return sums;
    };
    for (const mode of ["volume", "commission"] as const) {
      const all = earned(data.splits, mode);
      for (const effect of effects.effects) {
        const without = earned(data.splits.filter((a) => a.index !== effect.agreement), mode);
        const change = (ids: Iterable<string>) => [...ids].reduce((t, id) => t.plus(all.get(id) ?? 0).minus(without.get(id) ?? 0), new Decimal(0)).toFixed(2);
        expect([effect.byMode[mode].total, effect.byMode[mode].recruiterLine, effect.byMode[mode].supporterLine]).toEqual([
          change(all.keys()),
          change(["SPK", "A2", "A1"]), // every member here is recruited by SPK (under A2, under A1)
          change(effect.supporter === "B2" ? ["B2", "B1"] : ["C3", "C2", "C1"]),
        ]);
      }
    }
    // Pinned (hand-checkable: a commission transfer only moves money from SPK to the supporter).
    const n1 = effects.effects[0]!.byMode;
    expect([n1.volume.recruiterLine, n1.volume.supporterLine, n1.volume.total]).toEqual(["-46.59", "44.79", "-1.81"]);
    expect(n1.commission.partners).toEqual([{ partner: "B2", change: "31.72" }, { partner: "SPK", change: "-31.72" }]);
    expect(n1.commission.total).toBe("0.00");
  });
});

describe("the data browser before a run", () => {
  it("pages the loaded data's records by its key, and says why when the data is not loaded or has problems", async () => {
    const session = new Session();
    const noProgress = () => {};
    const loaded = await session.load(tinySource, noProgress);
    expect(loaded.kind).toBe("loaded");
    const doc = JSON.parse(read("samples/tiny.data.json")) as { partners: { id: string }[]; orders: { id: string; buyer: string }[] };
    const page = session.records("generated:tiny:192", "partners", "", 0, 5);
    expect(page.all).toBe(doc.partners.length);
    expect(page.rows.map((r) => r.keys[0])).toEqual(doc.partners.slice(0, 5).map((p) => p.id));
    const buyer = doc.orders[0]!.buyer;
    const orders = session.records("generated:tiny:192", "orders", buyer.toUpperCase(), 0, 500);
    expect(orders.rows.length).toBe(doc.orders.filter((o) => o.buyer.toLowerCase().includes(buyer.toLowerCase()) || o.id.toLowerCase().includes(buyer.toLowerCase())).length);
    expect(() => session.records("generated:tiny:193", "partners", "", 0, 5)).toThrow(/not loaded .*choose it again/);
    const bad: DataSource = { kind: "file", name: "bad.json", text: '{"partners":[{"id":"A","sponsor":"B","joined":"2026-01-01"}],"orders":[]}' };
    expect((await session.load(bad, noProgress)).kind).toBe("data-problems");
    expect(() => session.records(sourceKey(bad), "partners", "", 0, 5)).toThrow(/problem.*listed above with the record at fault/);
  });
});
