/**
 * `node --import tsx bench/readOnly.ts <plan> <data file>`: reads and checks a data file the way
 * `comp run` does, and nothing else, so bench/endToEnd.ts can measure the Dataset's memory alone.
 */
import { readDataFile } from "../cli/dataFile.ts";
import { loadPlan } from "../cli/io.ts";

const [planFile, dataFile] = process.argv.slice(2);
if (planFile === undefined || dataFile === undefined) throw new Error("usage: readOnly.ts <plan> <data file>");
const data = readDataFile(dataFile, loadPlan(planFile).ir);
console.log(`${data.partners.length} partners, ${data.orders.length} orders`);
