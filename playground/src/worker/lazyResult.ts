/**
 * A run's result document built from the engine's view (Engine.runThroughView) one period and
 * one part at a time, when a query first needs it. The compiled engine keeps a run in columns;
 * its `runThrough` turns every period into objects at once — at 100k partners over a million
 * ledger entries per period, most of a run's time in the browser, for periods nobody may look
 * at. Here a period's partner figures are built when first read (a few hundred ms at 100k), its
 * ledger only when a view needs the entries (Statements' entry counts, Explain, exports, KPIs).
 * The objects are the ones `runThrough` gives (the view's accessors are the engine's own
 * materialisation), so every answer is unchanged.
 */
import type { LedgerEntry, PeriodResult, PeriodView, ResultDocument, ResultView, Statement, VolumeFigures } from "../../../runtime/surface.ts";

export function lazyResult(view: ResultView): ResultDocument {
  return { plan: view.plan, policy: view.policy, periods: view.periods.map(lazyPeriod) };
}

interface PartnerFigures {
  ranks: Record<string, string | null>;
  active: Record<string, boolean>;
  volumes: Record<string, Record<string, VolumeFigures>>;
  statements: Record<string, Statement>;
}

function partnerFigures(v: PeriodView): PartnerFigures {
  const figures: PartnerFigures = { ranks: {}, active: {}, volumes: {}, statements: {} };
  for (let i = 0; i < v.partnerCount; i++) {
    const id = v.partnerId(i);
    figures.ranks[id] = v.rank(i);
    figures.active[id] = v.active(i);
    figures.volumes[id] = v.volumes(i);
    figures.statements[id] = v.statement(i);
  }
  return figures;
}

function lazyPeriod(v: PeriodView): PeriodResult {
  let partners: PartnerFigures | null = null;
  let ledger: LedgerEntry[] | null = null;
  const people = (): PartnerFigures => (partners ??= partnerFigures(v));
  return {
    period: v.period,
    asOf: v.asOf,
    final: v.final,
    get ranks() {
      return people().ranks;
    },
    get active() {
      return people().active;
    },
    get volumes() {
      return people().volumes;
    },
    get statements() {
      return people().statements;
    },
    get ledger() {
      if (ledger === null) {
        const entries: LedgerEntry[] = new Array<LedgerEntry>(v.ledgerLength);
        for (let i = 0; i < v.ledgerLength; i++) entries[i] = v.ledgerEntry(i);
        ledger = entries;
      }
      return ledger;
    },
    breakage: [...v.breakage],
    unrecovered: [...v.unrecovered],
    flags: [...v.flags],
    deferred: [...v.deferred],
    stock: [...v.stock],
  };
}
