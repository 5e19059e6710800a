/**
 * What a command produces. Commands return their output instead of printing, so tests can run
 * them in-process and main.ts alone decides how to write and exit.
 */
import { visibleLines } from "../runtime/surface.ts";

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Standard output too big for one string (a result document of a million partners), as lazily
   * made chunks written after `stdout`. main.ts writes them with backpressure; runCli joins them
   * for tests.
   */
  stream?: Iterable<string>;
  /** Standard output is a file's text asked for as it is (a stored plan): printed unescaped, like `cat`. */
  verbatim?: true;
}

/**
 * What a command printed, as it reaches the terminal: the warnings it gave on the way ahead of
 * its own messages, and every control or invisible character of the text escaped
 * (visibleLines: a data file cannot recolour the terminal or hide characters, even where a
 * message quotes it verbatim). JSON printed this way keeps its meaning; a streamed document
 * (`stream`) is written as it is.
 */
export function asPrinted(out: CommandOutput, warnings: string): CommandOutput {
  return { ...out, stdout: out.verbatim ? out.stdout : visibleLines(out.stdout), stderr: visibleLines(warnings + out.stderr) };
}
