/**
 * The calendar formats of the data and result schemas, which a regular expression cannot express
 * (2026-02-29 is not a date, 2028-02-29 is). One table for both users: ajv registers it when the
 * validators are generated (tools/schemas/ajvSetup.ts), and the generated validators (core/generated/)
 * call it at run time.
 */
import { isValidDate, isValidPeriod } from "./dates.ts";

export interface StringFormat {
  type: "string";
  validate: (value: string) => boolean;
}

export const SCHEMA_FORMATS: Readonly<Record<"calendar-date" | "period", StringFormat>> = {
  "calendar-date": { type: "string", validate: isValidDate },
  period: { type: "string", validate: isValidPeriod },
};
