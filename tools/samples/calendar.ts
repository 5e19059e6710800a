/**
 * Calendar arithmetic on day numbers (days since 1970-01-01) with integers only, so the
 * generator never touches the host's time zone or the Date object.
 * Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */

/** Day number of a proleptic Gregorian date. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO `YYYY-MM-DD` of a day number. */
export function isoDate(dayNo: number): string {
  const z = dayNo + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A calendar month as a running index (year * 12 + month - 1), easy to step through. */
export interface Month {
  year: number;
  /** 1..12 */
  month: number;
}

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses `YYYY-MM`; null when malformed. */
export function parsePeriod(period: string): Month | null {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function addMonths(m: Month, count: number): Month {
  const index = m.year * 12 + (m.month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function firstDay(m: Month): number {
  return dayNumber(m.year, m.month, 1);
}

export function lastDay(m: Month): number {
  return firstDay(addMonths(m, 1)) - 1;
}

export function periodName(m: Month): string {
  return `${String(m.year).padStart(4, "0")}-${String(m.month).padStart(2, "0")}`;
}
