/**
 * Opening `--store` for a command and closing it afterwards, whatever happens; a StoreError (a
 * refusal, an unreachable server, a file that is not a store) becomes a CliFailure: exit 3 for a
 * refused close, 2 for a store that cannot be opened or a period that is not there.
 */
import { openStore, type OpenOptions } from "../../store/open.ts";
import { StoreError, type HistoryStore } from "../../store/types.ts";
import { visible } from "../../runtime/surface.ts";
import { CliFailure } from "../io.ts";

export async function withStore<T>(where: string, options: OpenOptions, use: (store: HistoryStore) => Promise<T>): Promise<T> {
  let store: HistoryStore;
  try {
    store = await openStore(where, options);
  } catch (e) {
    throw asFailure(e);
  }
  try {
    return await use(store);
  } catch (e) {
    throw asFailure(e);
  } finally {
    await store.close().catch(() => {});
  }
}

function asFailure(e: unknown): unknown {
  if (!(e instanceof StoreError)) return e;
  const details = e.details.map((d) => `  ${visible(d)}\n`).join("");
  const exitCode = e.code === "cannot-open" || e.code === "not-found" || e.code === "schema" ? 2 : 3;
  const prefix = e.code === "cannot-open" || e.code === "not-found" || e.code === "schema" ? "comp: " : "close refused: ";
  return new CliFailure(`${prefix}${visible(e.message)}\n${details}`.trimEnd(), exitCode);
}
