/**
 * The error the embedding API (runtime/api.ts) throws when a caller passes something that is
 * not what a function takes: a number where the plan text goes, an object that did not come
 * from compilePlan or validateData, an option that does not exist or has a value outside its
 * list. These are mistakes in the calling program, not in a plan or data file, so they are
 * thrown (not returned as outcomes) — but always as this one type, naming the function and the
 * argument, never as a TypeError from deep inside ("Cannot read properties of undefined").
 */
export class InvalidArgumentError extends Error {
  override readonly name = "InvalidArgumentError";
  constructor(
    /** The API function called, e.g. "runThrough". */
    readonly fn: string,
    /** The argument or option at fault, e.g. "options.policy", "data.orders[3].lines". */
    readonly argument: string,
    /** What is wrong, phrased after "`<argument>` ". */
    readonly problem: string,
  ) {
    super(`${fn}: \`${argument}\` ${problem}`);
  }
}

/** A short, safe description of a value for a message: its type and, for scalars, the value. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string": {
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return `the text ${JSON.stringify(shown)}`;
    }
    case "number":
    case "bigint":
    case "boolean":
      return `${typeof value} ${String(value)}`;
    case "undefined":
      return "undefined";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    default:
      return "an object";
  }
}
