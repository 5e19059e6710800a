/**
 * The run worker's entry: one request at a time, in arrival order (a query sent while a run is
 * going waits for it and then sees the new result). A failure becomes an `ok: false` reply with
 * a message; the page never gets a raw exception.
 */
import type { ReplyOf, WorkerMessage, WorkerRequest } from "./protocol.ts";
import { answerAnalysis } from "../analysis/jobs.ts";
import { Session } from "./session.ts";

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: MessageEvent<{ id: number; request: WorkerRequest }>) => void): void;
}

const scope = self as unknown as WorkerScope;
const session = new Session();
let queue: Promise<void> = Promise.resolve();

async function answer(request: WorkerRequest, progress: (stage: string, fraction?: number | null) => void): Promise<ReplyOf[WorkerRequest["type"]]> {
  switch (request.type) {
    case "load":
      return session.load(request.source, progress);
    case "run":
      return session.run(request.planText, request.source, request.through, request.policy, progress);
    case "statements":
      return session
        .finished()
        .statements(request.period, request.sort, request.descending, request.search, request.offset, request.limit);
    case "explain":
      return session.finished().explain(request.period, request.partner, request.offset, request.limit, request.filter);
    case "partners":
      return session.finished().partners(request.search, request.limit);
    case "upline":
      return session.finished().upline(request.partner);
    case "creditPaths":
      return session.finished().creditPaths(request.period, request.order);
    case "ordersOf":
      return session.finished().ordersOf(request.period, request.partner);
    case "children":
      return session.finished().genealogy(request.period, request.parent, request.offset, request.limit);
    case "kpis":
      return session.kpis(request.period);
    case "compare":
      return session.compare(request.planText, request.source, request.through, progress);
    case "export":
      return session.finished().export(request.what, request.format, request.period);
    case "records":
      return session.records(request.data, request.section, request.search, request.offset, request.limit);
    case "diffPlans":
    case "disclose":
      return answerAnalysis(request, session.finished(), progress);
    default: {
      const unknown: never = request;
      throw new Error(`unknown request ${JSON.stringify(unknown)}`);
    }
  }
}

scope.addEventListener("message", (event) => {
  const { id, request } = event.data;
  queue = queue.then(async () => {
    try {
      const reply = await answer(request, (stage, fraction) => scope.postMessage({ id, progress: { stage, fraction: fraction ?? null } }));
      scope.postMessage({ id, ok: true, reply });
    } catch (error) {
      scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
});
