/**
 * The "running…" state: which long job is going (data load, run, compare), its latest stage and
 * elapsed time, with Cancel enabled. Jobs run in the worker, so the page keeps answering while
 * this line ticks. Run stays enabled during a data load (the run queues behind it in the worker
 * and reuses the loaded data) and is disabled only while a run or comparison is going.
 */
import { el } from "../dom.ts";

export class RunStatus {
  readonly element = el("div", { className: "status", attrs: { role: "status", "aria-live": "polite", id: "run-status" }, dataset: { state: "idle" } });
  private readonly text = el("span", { className: "status-text" });
  private readonly clock = el("span", { className: "status-clock" });
  private readonly bar = el("progress", { className: "status-progress", attrs: { max: "1", "aria-label": "progress" } });
  private jobs = 0;
  private blocking = 0;
  private started = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly run: HTMLButtonElement,
    private readonly cancel: HTMLButtonElement,
  ) {
    this.element.append(el("span", { className: "spinner", attrs: { "aria-hidden": "true" } }), this.text, this.bar, this.clock);
    this.element.hidden = true;
  }

  /** A run or comparison is going (a data load alone does not count). */
  get running(): boolean {
    return this.blocking > 0;
  }

  /** Runs `job` with the running state shown; the state ends however the job ends. */
  async track<T>(label: string, job: (progress: (stage: string, fraction: number | null) => void) => Promise<T>, blocksRun = true): Promise<T> {
    this.begin(label, blocksRun);
    try {
      return await job((stage, fraction) => {
        this.text.textContent = stage;
        // A bar only when the job knows how far it is (periods of a run, replays of a comparison).
        if (fraction === null || fraction === undefined) this.bar.removeAttribute("value");
        else this.bar.value = fraction;
      });
    } finally {
      this.end(blocksRun);
    }
  }

  private begin(label: string, blocksRun: boolean): void {
    this.jobs++;
    if (blocksRun) this.blocking++;
    this.run.disabled = this.blocking > 0;
    this.text.textContent = `${label}…`;
    this.bar.removeAttribute("value");
    if (this.jobs > 1) return;
    this.started = performance.now();
    this.clock.textContent = "";
    this.element.hidden = false;
    this.element.dataset.state = "running";
    this.cancel.disabled = false;
    this.timer = setInterval(() => {
      this.clock.textContent = `${((performance.now() - this.started) / 1000).toFixed(1)} s`;
    }, 200);
  }

  private end(blocksRun: boolean): void {
    this.jobs = Math.max(0, this.jobs - 1);
    if (blocksRun) this.blocking = Math.max(0, this.blocking - 1);
    this.run.disabled = this.blocking > 0;
    if (this.jobs > 0) return;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.element.hidden = true;
    this.element.dataset.state = "idle";
    this.cancel.disabled = true;
  }
}
