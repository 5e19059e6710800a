/**
 * The two helpers ajv's generated validators call at run time, in place of its CommonJS modules
 * `ajv/dist/runtime/ucs2length` and `ajv/dist/runtime/equal` (which the generated code would
 * `require`, and which ES modules and the browser cannot load that way). Same behaviour as those:
 * tools/schemas/generateValidators.ts points the generated code here.
 */
import type { ErrorObject } from "ajv";

/** A generated validator: true when `data` fits; otherwise `errors` holds every violation. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Length in Unicode code points (a surrogate pair counts once), as JSON Schema's minLength counts. */
export function ucs2length(text: string): number {
  const units = text.length;
  let length = 0;
  let position = 0;
  while (position < units) {
    length++;
    const unit = text.charCodeAt(position++);
    if (unit >= 0xd800 && unit <= 0xdbff && position < units) {
      // A high surrogate followed by a low one is one code point.
      if ((text.charCodeAt(position) & 0xfc00) === 0xdc00) position++;
    }
  }
  return length;
}

/** Structural equality for `uniqueItems` and `enum`, as the fast-deep-equal package that ajv uses. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    // NaN equals NaN here, as in fast-deep-equal.
    return a !== a && b !== b;
  }
  if (a.constructor !== b.constructor) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    return a.every((item, index) => deepEqual(item, other[index]));
  }
  if (a instanceof RegExp && b instanceof RegExp) return a.source === b.source && a.flags === b.flags;
  if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
  if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  if (!keys.every((key) => Object.prototype.hasOwnProperty.call(b, key))) return false;
  return keys.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
