/**
 * The data browser (issue 14 item 5): the chosen data's records as soon as it is loaded, before
 * any run, section by section, searchable by id, in a virtualised list (only the rows in view
 * exist in the page); once a run of that data is shown, a partner opens in Explain. Expected
 * records come from the generator run in this process with the same options.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tryGenerateData } from "../../runtime/surface.ts";
import { generatedOptions } from "../../playground/src/worker/dataSources.ts";
import type { BrowserSession } from "./support/browser.ts";
import { chooseData, openPlayground, run, screenshot, waitIdle } from "./support/playground.ts";

const generated = tryGenerateData(generatedOptions("1k", 1000));
if (!generated.ok) throw new Error("the 1k data does not generate");
const doc = generated.document as { partners: { id: string; sponsor: string | null }[]; orders: { id: string; buyer: string }[] };

const shownRows = (session: BrowserSession) =>
  session.page.$$eval("#record-list .record-row", (rows) => rows.map((r) => [Number((r as HTMLElement).dataset.index), [...r.querySelectorAll(".record-key")].map((k) => k.textContent)] as const));

describe("the data browser", () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlayground();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("browses data before any run: a file with problems says where they are, picked data lists its records without links", async () => {
    const { page } = session;
    await page.click("#tab-data");
    const chooser = page.waitForEvent("filechooser");
    await page.click("#open-file-button");
    await (await chooser).setFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"partners":[{"id":"A","sponsor":"B","joined":"2026-01-01"}],"orders":[]}') });
    await page.waitForSelector("#record-list .error-box");
    await page.waitForSelector(".data-problems");
    expect(await page.textContent("#record-list .error-box")).toMatch(/^This data has (a problem|problems), listed above with the record at fault: fix (it|them) to browse the records\.$/);
    await chooseData(page, "gen:1k");
    await page.waitForFunction(() => document.querySelector("#data-summary")?.textContent === "1,000 partners");
    expect(await page.textContent("#run-info")).toContain("Press Run");
    expect(await page.textContent("#data-caption")).toBe("Records of generated 1k (seed 1000), as loaded. Run the plan to open a partner in Explain.");
    const rows = await shownRows(session);
    expect(rows[0]).toEqual([0, [doc.partners[0]!.id, ...(doc.partners[0]!.sponsor ? [doc.partners[0]!.sponsor] : [])]]);
    expect(await page.$$("#record-list button.record-key")).toEqual([]);
    const wanted = doc.partners[640]!.id;
    await page.fill("#data-search", wanted.toLowerCase());
    await page.waitForFunction((id) => document.querySelector("#record-list .record-row .record-key")?.textContent === id, wanted);
    expect(await page.textContent("#record-list .record-row .record-text")).toContain(`"id":"${wanted}"`);
    await screenshot(page, "33-data-browser-before-run");
    // On a phone the record's text is cut at the list's edge and no tooltip can be hovered: a
    // click shows the record whole above the list.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click("#show-results");
    expect(await page.isHidden("#record-whole")).toBe(true);
    await page.click("#record-list .record-row .record-text");
    await page.waitForSelector("#record-whole:not([hidden]) pre");
    expect(JSON.parse((await page.textContent("#record-whole pre"))!)).toMatchObject({ id: wanted, sponsor: doc.partners[640]!.sponsor });
    expect(await page.textContent("#record-whole strong")).toBe("Partner 641 of the data");
    const box = await page.locator("#record-whole").boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, "33-data-browser-record-390x844");
    await page.click("#record-whole-close");
    expect(await page.isHidden("#record-whole")).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.fill("#data-search", "");
    expect(session.problems).toEqual([]);
  });

  it("after a run of that data, lists the partners, only the rows in view, and scrolls to the last", async () => {
    const { page } = session;
    await run(page, 120_000);
    await page.click("#tab-data");
    await page.waitForSelector("#record-list .record-row button.record-key");
    expect(await page.textContent("#data-summary")).toBe("1,000 partners");
    expect(await page.textContent("#data-caption")).toContain("the data of the shown run");
    const first = await shownRows(session);
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(120);
    expect(first[0]).toEqual([0, [doc.partners[0]!.id, ...(doc.partners[0]!.sponsor ? [doc.partners[0]!.sponsor] : [])]]);
    await screenshot(page, "32-data-browser");
    await page.$eval("#record-list", (list) => (list.scrollTop = list.scrollHeight));
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>("#record-list .record-row")].some((r) => r.dataset.index === "999"));
    const last = await shownRows(session);
    expect(last.length).toBeLessThan(120);
    const p = doc.partners[999]!;
    expect(last.find(([i]) => i === 999)?.[1]).toEqual([p.id, ...(p.sponsor ? [p.sponsor] : [])]);
  });

  it("searches orders by id or buyer and opens a buyer in Explain", async () => {
    const { page } = session;
    await page.selectOption("#data-section", "orders");
    const buyer = doc.orders[5]!.buyer;
    await page.fill("#data-search", buyer.toLowerCase());
    const matching = doc.orders.map((o, i) => [i, o] as const).filter(([, o]) => o.id.toLowerCase().includes(buyer.toLowerCase()) || o.buyer.toLowerCase().includes(buyer.toLowerCase()));
    await page.waitForFunction((n) => document.querySelector("#data-summary")?.textContent?.startsWith(`${n.toLocaleString("en")} of `), matching.length);
    expect(await page.textContent("#data-summary")).toBe(`${matching.length.toLocaleString("en")} of ${doc.orders.length.toLocaleString("en")} orders match`);
    expect((await shownRows(session)).map(([i]) => i)).toEqual(matching.map(([i]) => i).slice(0, (await shownRows(session)).length));
    await page.click(`#record-list .record-row[data-index="${matching[0]![0]}"] button.record-key`);
    await page.waitForSelector("#tab-explain[aria-selected=true]");
    await page.waitForFunction((id) => document.querySelector(".explain-title h2")?.textContent === id, matching[0]![1].buyer);
    expect(session.problems).toEqual([]);
  });

  it("browses 100k partners and their orders before a run: search by id, scroll to the last record", async () => {
    const { page } = session;
    await page.click("#tab-data");
    await page.fill("#data-search", "");
    await page.selectOption("#data-section", "partners");
    await page.selectOption("#data-select", "gen:100k");
    await page.waitForFunction(() => document.querySelector("#data-summary")?.textContent === "100,000 partners", undefined, { timeout: 300_000 });
    await waitIdle(page, 300_000);
    expect(await page.textContent("#data-caption")).toContain("as loaded");
    await page.fill("#data-search", "P99999");
    await page.waitForFunction(() => document.querySelector("#data-summary")?.textContent === "1 of 100,000 partners match", undefined, { timeout: 60_000 });
    expect(await page.textContent("#record-list .record-row .record-key")).toBe("P99999");
    await page.fill("#data-search", "");
    await page.waitForFunction(() => document.querySelector("#data-summary")?.textContent === "100,000 partners", undefined, { timeout: 60_000 });
    await page.selectOption("#data-section", "orders");
    await page.waitForFunction(() => /^[\d,]+ orders$/.test(document.querySelector("#data-summary")?.textContent ?? ""), undefined, { timeout: 60_000 });
    const orders = Number((await page.textContent("#data-summary"))!.replace(/[^\d]/g, ""));
    expect(orders).toBeGreaterThan(200_000);
    await page.$eval("#record-list", (list) => (list.scrollTop = list.scrollHeight));
    await page.waitForFunction((last) => [...document.querySelectorAll<HTMLElement>("#record-list .record-row")].some((r) => Number(r.dataset.index) === last), orders - 1, { timeout: 60_000 });
    expect(await page.$$eval("#record-list .record-row", (rows) => rows.length)).toBeLessThan(120);
    await screenshot(page, "34-data-browser-100k-orders");
    expect(session.problems).toEqual([]);
  }, 400_000);
});
