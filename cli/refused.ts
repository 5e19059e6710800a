/**
 * A refused run as the one message every command prints (exit 3): the refusal, then each order,
 * agreement or period involved on its own indented line. Ids in the message are made visible
 * (an id with a newline cannot add lines of its own).
 */
import { type RunError, visible } from "../runtime/surface.ts";
import { CliFailure } from "./io.ts";

/** `what` names the run: "run", or "run of plans/b.plan" when a command runs two plans. */
export function refusedRun(error: RunError, what = "run"): CliFailure {
  const details = error.details.map((d) => `\n  ${visible(d)}`).join("");
  return new CliFailure(`${what} refused (${error.code}): ${visible(error.message)}${details}`, 3);
}
