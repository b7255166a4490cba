import { Sector } from "../db/generated/enums";
import { dateField } from "../booking/schemas";
import { z } from "../validation";

export const STATS_PERIODS = ["month", "quarter", "year", "custom"] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];
/** A custom range spans at most this many years (5 × 366 days), so one request stays cheap. */
export const MAX_RANGE_YEARS = 5;

const blankAsMissing = (value: unknown) => (value === "" || value === null ? undefined : value);

export const indicatorsInput = z
  .object({
    period: z.enum(STATS_PERIODS).default("month"),
    from: z.preprocess(blankAsMissing, dateField.optional()),
    to: z.preprocess(blankAsMissing, dateField.optional()),
    sector: z.preprocess(blankAsMissing, z.enum(Sector).optional()),
  })
  .refine((v) => v.period !== "custom" || (v.from !== undefined && v.to !== undefined), { message: "stats.fromRequired", path: ["from"] })
  .refine((v) => v.period !== "custom" || !v.from || !v.to || v.from <= v.to, { message: "stats.rangeInverted", path: ["to"] })
  .refine((v) => v.period !== "custom" || !v.from || !v.to || v.to < `${Number(v.from.slice(0, 4)) + MAX_RANGE_YEARS}${v.from.slice(4)}`, {
    message: "stats.rangeTooLong",
    path: ["to"],
  });
export type IndicatorsInput = z.input<typeof indicatorsInput>;
