/**
 * Sums of result amounts in minor units (BigInt): every amount of a result carries exactly the
 * plan's money decimals ("12.50", "-3.00", "7" for a unit of 1), so it is an integer count of
 * 10^-decimals; summing 100 000s of them this way is exact and far cheaper than Decimal.
 */
import type { PlanIR } from "../../core/ir.ts";

export class MinorAmounts {
  readonly decimals: number;

  constructor(ir: PlanIR) {
    const unit = ir.rounding.unit;
    const dot = unit.indexOf(".");
    this.decimals = dot < 0 ? 0 : unit.length - dot - 1;
  }

  /** "−12.50" -> −1250n. Throws on text that is not an amount with the money decimals (a bug upstream). */
  of(text: string): bigint {
    const dot = text.indexOf(".");
    const places = dot < 0 ? 0 : text.length - dot - 1;
    // BigInt() itself refuses anything but an optional sign and digits once the dot is out.
    if (places !== this.decimals || text.charCodeAt(0) === 43 || text.trim() !== text) throw new Error(`"${text}" is not an amount with ${this.decimals} decimals`);
    return BigInt(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1));
  }

  /** −1250n -> "-12.50"; never "-0.00". */
  text(minor: bigint): string {
    const negative = minor < 0n;
    const digits = (negative ? -minor : minor).toString().padStart(this.decimals + 1, "0");
    const cut = digits.length - this.decimals;
    const body = this.decimals === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
    return negative ? `-${body}` : body;
  }
}
