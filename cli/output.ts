/**
 * What a command produces. Commands return their output instead of printing, so tests can run
 * them in-process and main.ts alone decides how to write and exit.
 */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}
