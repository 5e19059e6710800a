/**
 * Calendar arithmetic on ISO date strings (`YYYY-MM-DD`) and monthly periods (`YYYY-MM`).
 *
 * Why not `Date`: `new Date("2026-10-05")` is UTC but `new Date(2026, 9, 5)` is local time, and
 * `Date` silently rolls 2026-02-30 over to March 2. Every rule of the plan (withdrawal periods,
 * fast-start windows, hold weeks) counts whole calendar days, so this module works on day
 * numbers only: a date is converted to the count of days since 1970-01-01 with pure integer
 * arithmetic (proleptic Gregorian calendar) and back. No time zones, no clocks.
 *
 * Years are limited to 0001–9999 (four digits keep string comparison equal to date order).
 * The functions expect valid input (the data validator checks every date first) and throw a
 * RangeError on a malformed string: that is a programming error, not bad user data.
 */

const PERIOD_SHAPE = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** The number written by the ASCII digits s[from, to), or -1 if any character is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A real calendar day in `YYYY-MM-DD` form (2026-02-29 and 2026-13-01 are not). Written with
 * character codes rather than a regular expression: the validator calls it for every date of a
 * document (400k at 100k partners), and the match arrays were a measurable share of the time.
 */
export function isValidDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A real month in `YYYY-MM` form. */
export function isValidPeriod(s: string): boolean {
  const m = PERIOD_SHAPE.exec(s);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return year >= 1 && month >= 1 && month <= 12;
}

function parseDate(date: string): { year: number; month: number; day: number } {
  if (!isValidDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function parsePeriod(period: string): { year: number; month: number } {
  if (!isValidPeriod(period)) throw new RangeError(`not a period (YYYY-MM): ${JSON.stringify(period)}`);
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatPeriod(year: number, month: number): string {
  if (year < 1 || year > 9999) throw new RangeError(`period outside the years 0001–9999: ${year}-${month}`);
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/**
 * Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`: shift the year
 * to start in March so the leap day is the last day of the "year", then count 400-year eras.
 */
export function toDayNumber(date: string): number {
  const { year, month, day } = parseDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of toDayNumber (Hinnant's `civil_from_days`). */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`not a whole day number: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${formatPeriod(year, month)}-${pad(day, 2)}`;
}

/** `"2026-10-07"` + 14 -> `"2026-10-21"`; n may be negative. */
export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** b − a in days: daysBetween("2026-10-07", "2026-10-21") = 14. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Negative, zero or positive like a sort comparator; validates both dates. */
export function compareDates(a: string, b: string): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** The later of two dates. */
export function laterDate(a: string, b: string): string {
  return compareDates(a, b) >= 0 ? a : b;
}

/** The monthly period a date falls in: "2026-10-05" -> "2026-10". */
export function periodOf(date: string): string {
  parseDate(date);
  return date.slice(0, 7);
}

/** The period n months after p (n may be negative): addPeriods("2026-11", 2) = "2027-01". */
export function addPeriods(p: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of months: ${n}`);
  const { year, month } = parsePeriod(p);
  const index = year * 12 + (month - 1) + n;
  return formatPeriod(Math.floor(index / 12), (index % 12) + 1);
}

export function nextPeriod(p: string): string {
  return addPeriods(p, 1);
}

export function previousPeriod(p: string): string {
  return addPeriods(p, -1);
}

/** "2026-02" -> "2026-02-01". */
export function firstDayOf(p: string): string {
  parsePeriod(p);
  return `${p}-01`;
}

/** "2028-02" -> "2028-02-29". */
export function lastDayOf(p: string): string {
  const { year, month } = parsePeriod(p);
  return `${p}-${pad(daysInMonth(year, month), 2)}`;
}

/** Negative, zero or positive like a sort comparator: comparePeriods("2026-09", "2026-10") < 0. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  return pa.year * 12 + pa.month - (pb.year * 12 + pb.month);
}

/** Every period from `from` through `to`, inclusive, in order; [] when from is after to. */
export function periodsFromTo(from: string, to: string): string[] {
  const periods: string[] = [];
  for (let p = from; comparePeriods(p, to) <= 0; p = nextPeriod(p)) periods.push(p);
  return periods;
}
