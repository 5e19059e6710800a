/**
 * What a command produces. Commands return their output instead of printing, so tests can run
 * them in-process and main.ts alone decides how to write and exit.
 */
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
}
