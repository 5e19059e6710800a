/**
 * The user's own data: a file opened with the picker is validated with every problem listed
 * (path, id, message — the same list validateData gives), and files dropped on the page go to
 * the right place (a .plan into the editor, a .json as data).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateData } from "../../runtime/data/validate.ts";
import type { BrowserSession } from "./support/browser.ts";
import { openPlayground, run, screenshot, showStatements, statementRows, waitIdle } from "./support/playground.ts";

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

function brokenDocument(): string {
  const doc = JSON.parse(read("samples/late-cancel.data.json"));
  // Consistency problems only: the validator lists every one of them (a document that fails
  // the schema gets only its schema problems, as data.md says).
  doc.partners[1].sponsor = "NOBODY";
  doc.partners[2].id = doc.partners[3].id;
  doc.orders[3].buyer = "<b>GHOST</b>";
  doc.orders[5].buyer = "GHOST2";
  doc.cancellations[0].order = "O999";
  return JSON.stringify(doc, null, 2);
}

async function drop(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content!], fileName!, { type: "application/octet-stream" }));
      return data;
    },
    [name, text],
  );
  await page.dispatchEvent("body", "dragenter", { dataTransfer: transfer });
  await page.dispatchEvent("body", "drop", { dataTransfer: transfer });
}

describe("the user's own data", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("lists every problem of an opened data file", async () => {
    const { page } = session;
    const text = brokenDocument();
    const chooser = page.waitForEvent("filechooser");
    await page.click("#open-file-button");
    await (await chooser).setFiles({ name: "broken.data.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.waitForSelector(".data-problems");
    await waitIdle(page);
    await screenshot(page, "12-data-problems");
    const validation = validateData(JSON.parse(text));
    if (validation.ok) throw new Error("the broken document validates");
    expect(validation.problems.length).toBeGreaterThanOrEqual(5);
    expect(validation.problems.some((p) => p.message.includes("<b>GHOST</b>"))).toBe(true);
    const rows = await page.$$eval(".data-problems tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    // Each row: line, path, id, message, then the record at fault as the file has it.
    expect(rows.map((r) => r.slice(1, 4))).toEqual(validation.problems.map((p) => [p.path || "(document)", p.id ?? "", p.message]));
    expect(rows[0]![0]).toBe("8");
    expect(rows[0]![4]).toContain('"id": "U"');
    expect(await page.textContent(".data-problems .notice-title")).toBe(`The data (broken.data.json) has ${validation.problems.length} problems, all listed below. Nothing was computed.`);
    expect(await page.inputValue("#data-select")).toBe("file");
    expect(await page.locator("#data-select option[value=file]").textContent()).toBe("file: broken.data.json");
    expect(await page.locator(".data-problems b").count()).toBe(0);
  });

  it("lists a key given twice and a record that is not JSON beside the other problems, messages whole at 1024 px", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1024, height: 700 });
    const doc = JSON.parse(read("samples/late-cancel.data.json"));
    doc.partners[1].sponsor = "NOBODY";
    const text = JSON.stringify(doc, null, 2).replace('"id": "O2",', '"id": "O2",\n      "buyer": "D1",').replace('"id": "O5",', '"id": "O5" "x": 1,');
    const chooser = page.waitForEvent("filechooser");
    await page.click("#open-file-button");
    await (await chooser).setFiles({ name: "twice.data.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.querySelector(".data-problems .notice-title")?.textContent?.includes("twice.data.json"));
    await waitIdle(page);
    await screenshot(page, "12b-data-problems-1024");
    const rows = await page.$$eval(".data-problems tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["8", "partners[1].sponsor", "unknown sponsor `NOBODY`: no partner has this id"],
      ["57", "orders[1]", 'duplicate key "buyer" in one object (the second would silently replace the first) at line 57, column 7'],
      ["107", "orders[4]", "not valid JSON: expected `,` or `}` after a value in an object, found `\"` at line 107, column 18"],
    ]);
    expect(rows[1]![4]).toContain('"buyer": "D1",\n  "buyer": "U"');
    // Messages wrap inside the pane: no message cell is wider than its box or runs past the pane.
    const clipped = await page.$$eval(".data-problems td.message", (cells) => {
      const pane = document.querySelector(".results-pane")!.getBoundingClientRect();
      return cells.filter((c) => c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > pane.right + 1).map((c) => c.textContent);
    });
    expect(clipped).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("takes a dropped data file and runs it", async () => {
    const { page } = session;
    await drop(page, "late-cancel-copy.json", read("samples/late-cancel.data.json"));
    await page.waitForFunction(() => document.querySelector("#data-select option[value=file]")?.textContent === "file: late-cancel-copy.json");
    await waitIdle(page);
    expect(await page.textContent("#notices")).toContain("file late-cancel-copy.json — 6 partners");
    await run(page);
    await showStatements(page);
    expect((await statementRows(page)).map(([p]) => p)).toEqual(["D1", "D2", "L", "N", "T", "U"]);
  });

  it("puts a dropped .plan file into the editor", async () => {
    const { page } = session;
    const plan = read("plans/unilevel-essentials.plan");
    await drop(page, "unilevel-essentials.plan", plan);
    await page.waitForFunction(() => (document.querySelector("#plan-select") as HTMLSelectElement).value === "unilevel-essentials.plan");
    const text = await page.evaluate(() => (window as unknown as { compPlayground: { getText(): string } }).compPlayground.getText());
    expect(text).toBe(plan);
    expect(session.problems).toEqual([]);
  });
});
