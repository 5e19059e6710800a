/**
 * Help texts: `comp <command> --help` (or `comp help <command>`) prints COMMAND_HELP[command].
 * A command without an entry here still gets help: its lines of the general usage (main.ts's
 * USAGE). To document a new command, add its text below; keep the layout — a usage line, what it
 * does, the options, an example — so `--help` reads the same for every command.
 */
import { COMP_VERSION } from "../store/version.ts";

const EXIT_CODES = "exit codes: 0 ok, 1 errors in the plan or data, 2 wrong command line, 3 run refused, 4 output could not be written";

const POLICY = "  --policy <P>         simple | previous-rank | exact (default: the plan's own `policy`)";

export const COMMAND_HELP: Record<string, string> = {
  check: `usage: comp check <plan> [--json] [--witness <file>]

Checks a plan file and prints every diagnostic (errors and warnings) with its place and, where
possible, the fix, then the payout bound: per measure the most the plan can pay on one order,
bonus by bonus with the reasoning (docs/analysis.md). \`-\` as <plan> reads the plan from
standard input.

options:
  --json               the diagnostics and the bound as a JSON document (for editors and tools)
  --witness <file>     write a small data document on which the plan reaches its bound, checked
                       by running it; the output says when tightness was not shown

example:
  comp check plans/vitalis-classic.plan
`,
  run: `usage: comp run <plan> --data <file> --through <YYYY-MM> [options]

Runs the plan on the data, every period from the first order's month through --through, each as
a final run at its earliest allowed date, and prints the statements of every period.

options:
  --data <file>        the data document (partners, customers, splits, orders, cancellations)
  --through <YYYY-MM>  the last period to run
${POLICY}
  --engine <E>         compiled | reference (default: compiled; reference is the decimal.js oracle)
  --as-of <YYYY-MM-DD> the date the last period is run as of (refused while orders of it can
                       still be withdrawn, naming them and the earliest allowed date)
  --preliminary        with --as-of: make the last run a preliminary one
  --json               the result document (core/result.schema.json), streamed
  --out <dir>          write statements.csv, ledger.csv and ranks.csv into <dir> (all or nothing)

example:
  comp run plans/vitalis-classic.plan --data samples/tiny.data.json --through 2026-11
`,
  explain: `usage: comp explain <plan> --data <file> --period <YYYY-MM> --partner <id> [options]
       comp explain --store <db> --period <YYYY-MM> --partner <id> [--json]
       comp explain --store <db> --order <id> [--period <YYYY-MM>] [--json]

Why a partner was paid what: rank, volumes, statement and every ledger entry of the period with
its order, buyer, portion, step on the credit path, base, rate and the rule that paid it.
With --store, from the stored ledger of closed periods without computing anything; --order
lists every stored entry attributed to an order (who was paid what for it), in every period
or in --period.

options:
  --data <file>        the data document
  --period <YYYY-MM>   the period to explain (earlier periods are run first)
  --partner <id>       the partner
${POLICY}
  --engine <E>         compiled | reference (default: compiled; reference is the decimal.js oracle)
  --json               the explanation as a JSON document
  --store <db>         read a closed period from a store instead (no plan or data file)
  --order <id>         with --store: every stored entry attributed to this order

examples:
  comp explain plans/vitalis-classic.plan --data samples/tiny.data.json --period 2026-10 --partner P1
  comp explain --store comp.db --order O1
`,
  diff: `usage: comp diff <A.plan> <B.plan> --data <file> --through <YYYY-MM> [--policy P] [--json]

What changing plan A into plan B costs on the same data: total payout and % of volume under
both, the difference per bonus, who moves up or down a rank, the partners who gain and lose
most, and how the per-partner changes are distributed (docs/analysis.md).

options:
  --data <file>        the data document (it must suit both plans)
  --through <YYYY-MM>  the last period to run
${POLICY}
  --json               the diff as a JSON document

example:
  comp diff plans/vitalis-classic.plan plans/stairstep-breakaway.plan --data samples/small.data.json --through 2026-11
`,
  disclose: `usage: comp disclose <plan> --data <file> --through <YYYY-MM> [--policy P] [--json] [--out <file.csv>]

The income disclosure per paid-as rank: number and share of partners, their earnings over the
periods (mean, median, 10th and 90th percentile, lowest, highest), the share who earned nothing
and the time at rank. Every figure is defined in docs/analysis.md.

options:
  --data <file>        the data document
  --through <YYYY-MM>  the last period to run
${POLICY}
  --json               the disclosure as a JSON document
  --out <file.csv>     also write the table as CSV (all or nothing)

example:
  comp disclose plans/vitalis-classic.plan --data samples/small.data.json --through 2026-11 --out disclosure.csv
`,
  compare: `usage: comp compare <plan> --data <file> --through <YYYY-MM> [--splits] [--json]

The three cancellation policies side by side on the same data: clawbacks, from whom, what the
company loses, negative balances, rank changes, the partners affected most. With --splits, the
two split modes (volume and commission) instead.

options:
  --data <file>        the data document
  --through <YYYY-MM>  the last period to run
  --splits             compare the split modes instead of the policies
  --engine <E>         compiled | reference (default: compiled; reference is the decimal.js oracle)
  --json               the comparison as a JSON document

example:
  comp compare plans/vitalis-classic.plan --data samples/stage-speaker.data.json --through 2026-11
`,
  close: `usage: comp close <plan> --data <file> --period <YYYY-MM> --store <db> [options]

Finalises the next period on the stored history and stores it in one transaction: ranks,
activity, volumes, the full ledger with attribution, statements, balances, flags and deferred
orders, with the plan text it ran under (docs/STORE.md). Earlier periods come from the store,
not from the data file; a period already closed is refused (exit 3, saying how to look at it),
and so is data that contradicts what was stored (an order changed after its period was closed).

options:
  --data <file>        the data document (every order so far, as for comp run)
  --period <YYYY-MM>   the period to close: the first one, or the one after the last closed
  --store <db>         a SQLite file (created on the first close) or postgres://user@host:port/db
  --as-of <YYYY-MM-DD> the date of the final run (default: the earliest allowed; refused while
                       orders of the period can still be withdrawn)
${POLICY}
  --engine <E>         compiled | reference (default: compiled; reference is the decimal.js oracle)

example:
  comp close plans/vitalis-classic.plan --data samples/tiny.data.json --period 2026-10 --store comp.db
`,
  history: `usage: comp history --store <db> [--json] [--plan <YYYY-MM>]

The closed periods of a store: as-of date, plan name and hash, policy, partners, ledger entries,
earned and paid-out totals, engine and when each was closed.

options:
  --store <db>         a SQLite file or postgres://user@host:port/db
  --json               the list as a JSON document
  --plan <YYYY-MM>     print the plan text that period was closed under instead

example:
  comp history --store comp.db
`,
  export: `usage: comp export --store <db> --period <YYYY-MM> --out <dir>

A closed period as statements.csv, ledger.csv and ranks.csv (the columns of comp run --out),
read from the store as a stream: a month of a million partners is never in memory whole. The
three files appear together or not at all.

options:
  --store <db>         a SQLite file or postgres://user@host:port/db
  --period <YYYY-MM>   the closed period
  --out <dir>          the folder to write the three files into

example:
  comp export --store comp.db --period 2026-10 --out /tmp/2026-10
`,
  generate: `usage: comp generate --partners <n> [options]

A seeded sample genealogy as a data document: the same options give the same bytes.

options:
  --partners <n>       how many partners (1 to 1,000,000)
  --seed <n>           the random seed (default 1)
  --months <n>         how many months of orders (1 to 36, default 3)
  --first-month <YYYY-MM>  the month of the first orders
  --splits <n>         how many split agreements (default 0)
  --cancellations <n>  how many cancellations (default 0)
  --out <file>         write to a file instead of standard output

example:
  comp generate --partners 10000 --seed 7 --months 3 --out /tmp/10k.data.json
`,
  demo: `usage: comp demo

Runs the bundled plans on the bundled sample genealogies (what \`npm start\` does): statements of
the tiny sample, then plan KPIs for the larger ones. No options.
`,
};

/** Help for one command: its own text, else its lines of the general usage; null if unknown. */
export function commandHelp(command: string, usage: string): string | null {
  const own = COMMAND_HELP[command];
  if (own !== undefined) return `${own}\n${EXIT_CODES}\n`;
  const lines = usage.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^\\s*comp ${escapeRegExp(command)}(\\s|$)`).test(l));
  if (start < 0) return null;
  let end = start + 1;
  // continuation lines are indented deeper than `comp`
  while (end < lines.length && /^\s{8,}\S/.test(lines[end]!) && !/^\s*comp /.test(lines[end]!)) end++;
  return `usage:\n${lines.slice(start, end).join("\n")}\n\n${EXIT_CODES}\n`;
}

/** The first line of a command's help, shown after a usage error. */
export function usageLine(command: string, usage: string): string {
  const help = commandHelp(command, usage);
  const first = help?.split("\n").find((l) => /comp /.test(l))?.trim() ?? "";
  return first.replace(/^usage:\s*/, "");
}

/**
 * The package's version, from the constant a test keeps equal to package.json's: reading
 * package.json beside the source would miss in the installed package, whose compiled CLI sits one
 * folder deeper (lib/cli/).
 */
export function version(): string {
  return COMP_VERSION;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
