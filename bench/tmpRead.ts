import { readDataFile } from "../cli/dataFile.ts";
import { compilePlan } from "../compiler/compile.ts";
import { readFileSync } from "node:fs";
const ir = compilePlan(readFileSync("plans/vitalis-classic.plan", "utf8")).ir!;
const t = performance.now(); const cpu0 = process.cpuUsage();
const d = readDataFile(process.argv[2]!, ir);
console.log("read", d.partners.length, d.orders.length, Math.round(performance.now() - t), "ms wall", Math.round(process.cpuUsage(cpu0).user / 1000), "ms cpu, rss MB", Math.round(process.memoryUsage().rss / 1e6));
