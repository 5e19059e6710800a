/**
 * `comp-plan/store` (Node only): the history store for monthly operation — open a SQLite file or
 * a PostgreSQL database, close periods on the stored history, read closed periods back, stream
 * them to the CSV writers. The drivers are optional peer dependencies: install `better-sqlite3`
 * for SQLite, `pg` and `pg-copy-streams` for PostgreSQL (docs/API.md, docs/STORE.md).
 */
export { openStore, closePeriod } from "./guarded.ts";
export { isPostgresUrl, type OpenOptions } from "./open.ts";
export { howToLook, type CloseInput, type CloseOutcome } from "./close.ts";
export { InvalidArgumentError } from "../runtime/api/argumentError.ts";
export { readHistory } from "./history.ts";
export { storedPeriodView, pumpChunks, type StreamedPeriodView } from "./periodView.ts";
export { StoreError, type HistoryStore, type StoredRun, type RunMeta, type PartnerRow, type LedgerFilter, type CloseRecord, type Fingerprinted } from "./types.ts";
export { COMP_VERSION } from "./version.ts";
