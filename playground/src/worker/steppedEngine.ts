/**
 * Progress within a period for jobs that run the engine through code that passes only periods
 * (the comparison's replays): an engine that adds a step listener to every run (RunOptions.onStep)
 * and a progress line that appends the step to the job's latest stage. Pure notification: the
 * options reach the engine unchanged apart from the listener, so no figure can move.
 */
import { type Engine, type RunOptions, type RunStep, RUN_STEP_WORDS } from "../../../runtime/surface.ts";

export type Progress = (stage: string, fraction?: number | null) => void;
type StepListener = (period: string, step: RunStep) => void;

export function steppedEngine(engine: Engine, onStep: StepListener): Engine {
  const withListener = (options: RunOptions): RunOptions => ({
    ...options,
    onStep: (period, step) => {
      options.onStep?.(period, step);
      onStep(period, step);
    },
  });
  return {
    name: engine.name,
    runThrough: (ir, data, options) => engine.runThrough(ir, data, withListener(options)),
    runThroughView: (ir, data, options) => engine.runThroughView(ir, data, withListener(options)),
    runPeriod: (input) =>
      engine.runPeriod({
        ...input,
        onStep: (step) => {
          input.onStep?.(step);
          onStep(input.period, step);
        },
      }),
  };
}

/** `progress` remembering the latest stage, and a step listener that shows "<stage> · <step>". */
export function progressWithSteps(progress: Progress): { progress: Progress; onStep: StepListener } {
  let stage = "";
  let fraction: number | null = null;
  return {
    progress: (text, at) => {
      stage = text;
      fraction = at ?? null;
      progress(text, at);
    },
    onStep: (_period, step) => progress(`${stage} · ${RUN_STEP_WORDS[step]}`, fraction),
  };
}
