/**
 * Issue 11, items 6, 7, 9, 15, 18: the command line on odd input — help and version, periods at
 * the ends of the calendar, a closed pipe, a full disk, a plan on standard input.
 */
import { closeSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_HELP } from "../../cli/help.ts";
import { runCli } from "../../cli/main.ts";
import { ROOT, runComp, STACK_TRACE } from "./childProcess.ts";

const PLAN = `${ROOT}plans/vitalis-classic.plan`;
const TINY = `${ROOT}samples/tiny.data.json`;
const dir = mkdtempSync(join(tmpdir(), "comp-cli-"));

function oneOrderData(orderDate: string, joined: string): string {
  const file = join(dir, `order-${orderDate}.json`);
  const order = { id: "O1", buyer: "P1", date: orderDate, paid: orderDate, delivered: orderDate, lines: [{ sku: "X", qty: 1, net: "19.90", points: "15" }] };
  const early = { ...order, id: "O0", date: "2026-10-01", paid: "2026-10-01", delivered: "2026-10-02" };
  writeFileSync(file, JSON.stringify({ partners: [{ id: "P1", sponsor: null, joined }], customers: [], splits: [], orders: [early, order], cancellations: [] }));
  return file;
}

describe("help and version (item 18)", () => {
  it.each(Object.keys(COMMAND_HELP))("`comp %s --help` prints the command's help and exit codes, exit 0", (command) => {
    const out = runCli([command, "--help"]);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe("");
    expect(out.stdout).toMatch(new RegExp(`^usage: comp ${command}`));
    expect(out.stdout).toContain("4 output could not be written");
    expect(runCli(["help", command]).stdout).toBe(out.stdout);
  });

  it("`-h` anywhere in a command's arguments is help too; after `--` it is not", () => {
    expect(runCli(["run", PLAN, "-h"]).stdout).toBe(runCli(["run", "--help"]).stdout);
    expect(runCli(["check", "--", "-h"]).exitCode).toBe(2);
  });

  it("`comp --help` and `comp --version`", () => {
    expect(runCli(["--help"]).stdout).toMatch(/^comp — compensation plans/);
    expect(runCli(["--version"])).toEqual({ stdout: "comp 0.1.0\n", stderr: "", exitCode: 0 });
  });

  it("a usage error names the command's usage and its help, not the whole manual", () => {
    const out = runCli(["run", PLAN, "--hlp"]);
    expect(out.exitCode).toBe(2);
    const lines = out.stderr.split("\n");
    expect(lines[0]).toMatch(/^comp: `comp run` has no option `--hlp` \(options: --data, --through, /);
    expect(lines.slice(1)).toEqual(["usage: comp run <plan> --data <file> --through <YYYY-MM> [options]", "`comp run --help` explains its options", ""]);
  });

  it("names of Object's prototype are unknown commands, not functions", () => {
    for (const name of ["constructor", "toString", "__proto__"]) {
      expect(runCli([name]).stderr).toMatch(new RegExp(`^comp: unknown command \`${name}\``));
      expect(runCli(["help", name]).exitCode).toBe(2);
    }
  });
});

describe("periods at the ends of the calendar (items 6, 7, 15)", () => {
  it("`--through 0000-01` is a usage error", () => {
    const out = runCli(["run", PLAN, "--data", TINY, "--through", "0000-01"]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/^comp: `--through` must be a period like 2026-10, got `0000-01` \(years 0001 to 9999\)\n/);
  });

  it("an order dated 9999-12-31 is bad data naming the latest date the plan can take, not an internal error", () => {
    const out = runCli(["run", PLAN, "--data", oneOrderData("9999-12-31", "2023-10-01"), "--through", "2026-11"]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain(
      "orders[1].date (O1): 9999-12-31 is too late: comp counts dates up to 9999-12-31, and this plan needs 87 days after an order's dates " +
        "(withdrawal period, hold, the run after the period); the latest date it can take is 9999-10-05",
    );
    expect(out.stderr).toMatch(/3 problems in the data; nothing was computed\n$/);
    expect(out.stderr).not.toMatch(/internal/);
  });

  it("an order in the year 0001 is refused before any period is run, naming the order and the bound", () => {
    // It used to compute 24k periods (about 400 s); the refusal now comes from counting the
    // periods first. How long that takes is a figure of `npm run bench:timings`, not asserted here.
    const out = runCli(["run", PLAN, "--data", oneOrderData("0001-10-05", "0001-01-01"), "--through", "2026-11"]);
    expect(out.exitCode).toBe(3);
    expect(out.stderr).toBe(
      "run refused (too-many-periods): 0001-10 through 2026-11 is 24,302 periods; one run covers at most 1,200 (100 years of months)\n" +
        "  the earliest order is O1, dated 0001-10-05: is its year right?\n" +
        "  or run through an earlier period (at most 1200 periods from 0001-10)\n",
    );
  });

  it("`--through 9999-12` is refused: its run would be dated in the year 10000", () => {
    const out = runCli(["run", PLAN, "--data", oneOrderData("9999-01-05", "2023-10-01"), "--through", "9999-12"]);
    expect(out.exitCode).toBe(3);
    expect(out.stderr).toMatch(/^run refused \(period-out-of-range\): comp runs periods up to 9999-11 /);
  });
});

describe("standard streams (items 9, 15)", () => {
  it("`comp check -` reads the plan from standard input", async () => {
    const out = await runComp(["check", "-"], { input: "plan \"P\" version \"1\"\ncurrency EUR\nvolume PV = points\nranks { A: PV >= 1e3 }\n" });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("<stdin>:4:18: error E006: `1e3` is not a number in the plan language");
    expect(out.stderr).not.toMatch(STACK_TRACE);
  });

  it("a reader that closes the pipe early (`| head -c 100`) ends comp quietly with its own exit code", async () => {
    const out = await runComp(["generate", "--partners", "20000", "--seed", "3"], { closeStdoutAfter: 100 });
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
  });

  it("a full disk (`> /dev/full`) is one line on standard error and exit code 4", async () => {
    const fd = openSync("/dev/full", "w");
    try {
      const out = await runComp(["run", PLAN, "--data", TINY, "--through", "2026-11", "--json"], { stdout: fd });
      expect(out.stderr).toBe("comp: cannot write to standard output: no space left on the device (ENOSPC); the output is incomplete\n");
      expect(out.code).toBe(4);
    } finally {
      closeSync(fd);
    }
  });
});
