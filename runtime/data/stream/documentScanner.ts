/**
 * A JSON data document read as a stream: the elements of its top-level lists (`partners`,
 * `orders`, ...) are cut out one by one as text, with the line and column they start at, and
 * parsed by the caller; the document is never one string (an 800 MB document exceeds Node's
 * string limit). Anything else at the top level (an unknown key, a section that is not a list)
 * is handed over whole, so the schema can report it with today's message.
 *
 * The scanner checks the document's outer structure itself (object, keys, colons, commas,
 * repeated top-level keys) and leaves the inside of each element to JSON.parse (recordText.ts).
 */
import { showChar } from "./strictJson.ts";

export const SECTIONS = ["partners", "customers", "splits", "orders", "cancellations"] as const;
export type Section = (typeof SECTIONS)[number];

export interface ScanEvents {
  /** An element of a section list: its text, index in the list, line and column (from 1). */
  element(section: Section, index: number, text: string, line: number, column: number): void;
  /** A section given as a list (its elements follow). */
  list(section: Section): void;
  /** A top-level value that is not a section list, as text. */
  other(key: string, text: string, line: number, column: number): void;
}

export class ScanFault extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

type State =
  | "start"
  | "key-or-end"
  | "key"
  | "colon"
  | "value"
  | "element-or-end"
  | "element"
  | "after-element"
  | "after-value"
  | "done";

const isSection = (key: string): key is Section => (SECTIONS as readonly string[]).includes(key);

export class DocumentScanner {
  private state: State = "start";
  private line = 1;
  private lineStart = 0; // offset (in the whole text) where the current line starts
  private offset = 0; // offset of the current chunk's first character in the whole text
  private keyText = "";
  private key = "";
  private readonly keys = new Set<string>();
  private section: Section | null = null;
  private index = 0;
  // The value being captured: its text so far, nesting depth, string state, where it began.
  private captured = "";
  private depth = 0;
  private inString = false;
  private escaped = false;
  private startLine = 0;
  private startColumn = 0;
  private afterComma = false;
  private capturing = false;

  constructor(private readonly events: ScanEvents) {}

  private fault(message: string, pos: number): never {
    throw new ScanFault(message, this.line, this.offset + pos - this.lineStart + 1);
  }

  feed(chunk: string): void {
    let i = 0;
    if (this.offset === 0 && chunk.charCodeAt(0) === 0xfeff) i = 1;
    const n = chunk.length;
    let captureFrom = this.capturing ? 0 : -1;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (captureFrom >= 0) {
        // Inside a value: find where it ends, counting lines as we go.
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === 0x5c) this.escaped = true;
          else if (c === 0x22) this.inString = false;
          else if (c === 0x0a) this.newLine(i);
          i++;
          continue;
        }
        if (c === 0x22) this.inString = true;
        else if (c === 0x7b || c === 0x5b) this.depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (this.depth === 0) {
            this.finishValue(chunk.slice(captureFrom, i));
            captureFrom = -1;
            continue; // the closing bracket belongs to the list or the document
          }
          this.depth--;
          if (this.depth === 0) {
            i++;
            this.finishValue(chunk.slice(captureFrom, i));
            captureFrom = -1;
            continue;
          }
        } else if (c === 0x2c && this.depth === 0) {
          this.finishValue(chunk.slice(captureFrom, i));
          captureFrom = -1;
          continue;
        } else if (c === 0x0a) this.newLine(i);
        i++;
        continue;
      }
      if (this.state === "key") {
        // Inside a top-level key string.
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) {
          try {
            this.key = JSON.parse(`"${this.keyText}"`) as string;
          } catch {
            this.fault("malformed escape in a key", i);
          }
          if (this.keys.has(this.key)) this.fault(`duplicate key ${JSON.stringify(this.key)} in the document (the second would silently replace the first)`, i);
          this.keys.add(this.key);
          this.state = "colon";
          i++;
          continue;
        } else if (c < 0x20) this.fault(`a raw control character ${showChar(chunk, i)} inside a key`, i);
        this.keyText += chunk[i];
        i++;
        continue;
      }
      if (c === 0x0a) {
        this.newLine(i);
        i++;
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++;
        continue;
      }
      switch (this.state) {
        case "start":
          if (c !== 0x7b) this.fault(`expected \`{\` at the start of a data document, found ${showChar(chunk, i)}`, i);
          this.state = "key-or-end";
          this.afterComma = false;
          break;
        case "key-or-end":
          if (c === 0x7d && this.afterComma) this.fault("a `,` before `}` (JSON allows no trailing comma)", i);
          if (c === 0x7d) this.state = "done";
          else if (c === 0x22) {
            this.state = "key";
            this.keyText = "";
          } else this.fault(`expected a key in double quotes${this.afterComma ? "" : " or `}`"}, found ${showChar(chunk, i)}`, i);
          break;
        case "colon":
          if (c !== 0x3a) this.fault(`expected \`:\` after the key ${JSON.stringify(this.key)}, found ${showChar(chunk, i)}`, i);
          this.state = "value";
          break;
        case "element-or-end":
          if (c === 0x5d) {
            if (this.afterComma) this.fault(`a \`,\` before \`]\` in \`${this.key}\` (JSON allows no trailing comma)`, i);
            this.state = "after-value";
            break;
          }
          this.state = "element";
          this.startCapture(i);
          captureFrom = i;
          continue;
        case "after-element":
          if (c === 0x2c) {
            this.state = "element-or-end";
            this.afterComma = true;
          } else if (c === 0x5d) this.state = "after-value";
          else this.fault(`expected \`,\` or \`]\` after an element of \`${this.key}\`, found ${showChar(chunk, i)}`, i);
          break;
        case "after-value":
          if (c === 0x2c) {
            this.state = "key-or-end";
            this.afterComma = true;
          } else if (c === 0x7d) this.state = "done";
          else this.fault(`expected \`,\` or \`}\` after the value of ${JSON.stringify(this.key)}, found ${showChar(chunk, i)}`, i);
          break;
        case "done":
          this.fault(`unexpected ${showChar(chunk, i)} after the end of the document`, i);
          break;
        case "value":
          // The first character of a top-level value.
          if (c === 0x5b && isSection(this.key)) {
            this.section = this.key;
            this.index = 0;
            this.events.list(this.key);
            this.state = "element-or-end";
            this.afterComma = false;
            break;
          }
          this.section = null;
          this.startCapture(i);
          captureFrom = i;
          continue;
        case "element":
          throw new Error(`scanner state ${this.state} outside a capture`);
        default: {
          const never: never = this.state;
          throw new Error(`unknown scanner state ${String(never)}`);
        }
      }
      i++;
    }
    if (captureFrom >= 0) this.captured += chunk.slice(captureFrom);
    this.offset += n;
  }

  /** The end of the text: the document must be complete. */
  end(): void {
    if (this.state !== "done") {
      const what = this.state === "start" ? "the data document is empty" : "the data document ends early (a `]`, `}` or `\"` is missing)";
      throw new ScanFault(what, this.line, this.offset - this.lineStart + 1);
    }
  }

  private newLine(i: number): void {
    this.line++;
    this.lineStart = this.offset + i + 1;
  }

  /** A value starts at chunk position i; the loop reads its first character again in capture mode. */
  private startCapture(i: number): void {
    this.captured = "";
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.capturing = true;
    this.startLine = this.line;
    this.startColumn = this.offset + i - this.lineStart + 1;
  }

  private finishValue(tail: string): void {
    const text = this.captured + tail;
    this.captured = "";
    this.capturing = false;
    if (this.state === "element") {
      this.events.element(this.section as Section, this.index++, text, this.startLine, this.startColumn);
      this.state = "after-element";
    } else {
      this.events.other(this.key, text, this.startLine, this.startColumn);
      this.state = "after-value";
    }
    this.afterComma = false;
  }
}
