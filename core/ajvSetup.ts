/**
 * The one ajv configuration of the data and result schemas: all errors (a document gets every
 * problem at once), the offending value and schema node in each error (messages quote them),
 * and the calendar formats, which a regular expression cannot express (2026-02-29 is not a
 * date, 2028-02-29 is). Our own annotation keyword `expected` carries message phrases.
 */
import Ajv from "ajv";
import { isValidDate, isValidPeriod } from "./dates.ts";

export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
  ajv.addKeyword({ keyword: "expected", schemaType: "string" });
  ajv.addFormat("calendar-date", { type: "string", validate: isValidDate });
  ajv.addFormat("period", { type: "string", validate: isValidPeriod });
  return ajv;
}
