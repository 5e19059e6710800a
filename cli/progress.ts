/**
 * Progress on standard error for long work (reading, checking, each period and its steps, writing): a single
 * line redrawn in place, shown only when standard error is a terminal and the work has already
 * taken about a second, and never with `--quiet`. Scripts and pipes (not a terminal) get nothing,
 * so their standard error holds only real messages.
 */
import { RUN_STEP_WORDS, type RunStep } from "../runtime/surface.ts";

export interface Progress {
  reading(file: string, read: number, size: number): void;
  checking(what: string): void;
  period(period: string, index: number, count: number): void;
  /** A step within the period last told (core/run.ts RunStep). */
  step(period: string, step: RunStep): void;
  writing(file: string, bytes: number): void;
  /** Clears the line (before the command's own output). */
  done(): void;
}

export const silentProgress: Progress = {
  reading() {},
  checking() {},
  period() {},
  step() {},
  writing() {},
  done() {},
};

export interface ProgressTerminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/** Redraws at most every `intervalMs`, and only once `delayMs` have passed since it was made. */
export function terminalProgress(terminal: ProgressTerminal, now: () => number = () => performance.now(), delayMs = 1000, intervalMs = 100): Progress {
  const start = now();
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;
  let lastPhase = "";
  let periodLine = "";
  const show = (phase: string, text: string) => {
    const t = now();
    if (t - start < delayMs) return;
    if (phase === lastPhase && t - drawnAt < intervalMs) return;
    lastPhase = phase;
    drawnAt = t;
    drawn = true;
    terminal.write(`\r${text}\x1b[K`);
  };
  return {
    reading(file, read, size) {
      const percent = size > 0 ? ` ${Math.floor((read / size) * 100)}%` : "";
      show("reading", `reading ${file}${percent} (${mb(read)}${size > 0 ? ` of ${mb(size)}` : ""})`);
    },
    checking(what) {
      show("checking", `checking ${what}`);
    },
    period(period, index, count) {
      periodLine = `computing ${period} (period ${index + 1} of ${count})`;
      show(`period ${period}`, periodLine);
    },
    step(period, step) {
      // A step is a phase of its own: a long period shows which of its steps it is in.
      show(`period ${period} ${step}`, `${periodLine} · ${RUN_STEP_WORDS[step]}`);
    },
    writing(file, bytes) {
      show(`writing ${file}`, `writing ${file} (${mb(bytes)})`);
    },
    done() {
      if (drawn) terminal.write("\r\x1b[K");
      drawn = false;
    },
  };
}

/** The progress of a command: on standard error when it is a terminal, unless `quiet`. */
export function progressOnStderr(quiet: boolean): Progress {
  if (quiet || process.stderr.isTTY !== true) return silentProgress;
  return terminalProgress(process.stderr);
}
