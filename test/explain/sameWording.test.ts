/**
 * One home for explain wording (issue 12, item 5; runtime/explain/): `comp explain --json` and
 * the playground's explain view word every ledger entry's rule the same, because both call
 * describeRule through runtime/surface.ts. A front end that rewords a rule after the call fails
 * here. vitalis-classic on the tiny sample, November: level (compressed), differential and
 * fast-start entries, for every partner paid.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.ts";
import { Session } from "../../playground/src/worker/session.ts";

const root = new URL("../../", import.meta.url);
const plan = fileURLToPath(new URL("plans/vitalis-classic.plan", root));
const data = fileURLToPath(new URL("samples/tiny.data.json", root));
const PERIOD = "2026-11";

describe("the CLI and the playground word each rule the same", () => {
  const session = new Session();
  beforeAll(async () => {
    // The generated tiny data set with seed 192 is samples/tiny.data.json (test/browser/unit/session.test.ts).
    const reply = await session.run(readFileSync(plan, "utf8"), { kind: "generated", size: "tiny", seed: 192 }, null, null, () => {});
    if (reply.kind !== "done") throw new Error(`the playground run did not finish: ${reply.kind}`);
  });

  it("for every partner paid in the period", () => {
    const paid = new Set<string>();
    let compared = 0;
    const kinds = new Set<string>();
    for (const line of (runCli(["run", plan, "--data", data, "--through", PERIOD, "--json"]).stdout.match(/"recipient": "[^"]+"/g) ?? [])) paid.add(line.slice(14, -1));
    expect(paid.size).toBeGreaterThan(3);
    for (const partner of paid) {
      const cli = runCli(["explain", plan, "--data", data, "--period", PERIOD, "--partner", partner, "--json"]);
      expect(cli.exitCode, cli.stderr).toBe(0);
      const fromCli = (JSON.parse(cli.stdout) as { entries: { id: string; kind: string; rule: string }[] }).entries;
      const fromPage = session.finished().explain(PERIOD, partner, 0, 10_000).entries;
      expect(fromPage.map((e) => [e.id, e.rule]), partner).toEqual(fromCli.map((e) => [e.id, e.rule]));
      for (const e of fromCli) kinds.add(e.kind);
      compared += fromCli.length;
    }
    expect(compared).toBeGreaterThan(10);
    expect([...kinds].sort()).toEqual(["differential", "faststart", "level"]);
  });
});
