/** The three cancellation policies, in the order every comparison lists them. */
import type { Policy } from "../../core/ir.ts";

export const POLICIES: readonly Policy[] = ["simple", "previous-rank", "exact"];
