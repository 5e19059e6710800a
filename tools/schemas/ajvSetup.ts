/**
 * The one ajv configuration of the data and result schemas: all errors (a document gets every
 * problem at once), the offending value and schema node in each error (messages quote them),
 * and the calendar formats of core/schemaFormats.ts. Our own annotation keyword `expected`
 * carries message phrases.
 *
 * A tool, not a contract (core/ imports no ajv code, only its types): only
 * tools/schemas/generateValidators.ts (and tests) compile with it: at run time the
 * validators are the generated ones in core/generated/, because compiling a schema calls
 * `new Function`, which a page under a strict Content-Security-Policy may not.
 */
import Ajv, { type CodeOptions } from "ajv";
import { SCHEMA_FORMATS } from "../../core/schemaFormats.ts";

export function createAjv(code: CodeOptions = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, code });
  ajv.addKeyword({ keyword: "expected", schemaType: "string" });
  for (const [name, format] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/** The options of the IR schema's validator: no formats, no annotations, no values in errors. */
export function createIrAjv(code: CodeOptions = {}): Ajv {
  return new Ajv({ allErrors: true, strict: true, code });
}
