import { dayOfWeek, millisecondsPerDay } from '@retail-datagen/generator-core';

/**
 * A run of days, both ends included (day numbers: days since 1970-01-01).
 *
 * @example
 * ```ts
 * const blackFridayWeekend: DayRange = { first: dayNumberOf('2024-11-29'), last: dayNumberOf('2024-12-02') };
 * ```
 */
export interface DayRange {
  readonly first: number;
  readonly last: number;
}

/**
 * A calendar month.
 *
 * @example
 * ```ts
 * const november: YearMonth = { year: 2024, month: 11 };
 * ```
 */
export interface YearMonth {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
}

/**
 * The day number of a calendar date (UTC, like the rest of the simulation).
 *
 * @example
 * ```ts
 * dayNumberOfDate(2024, 11, 29); // 20_056, Black Friday 2024
 * ```
 */
export function dayNumberOfDate(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / millisecondsPerDay);
}

/**
 * The month a day falls in.
 *
 * @example
 * ```ts
 * monthOfDay(20_056); // { year: 2024, month: 11 }
 * ```
 */
export function monthOfDay(dayNumber: number): YearMonth {
  const date = new Date(dayNumber * millisecondsPerDay);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/**
 * The first and last day of a month.
 *
 * @example
 * ```ts
 * daysOfMonth({ year: 2024, month: 2 }); // { first: 19_754, last: 19_782 } (Feb 1 - Feb 29)
 * ```
 */
export function daysOfMonth({ year, month }: YearMonth): DayRange {
  return { first: dayNumberOfDate(year, month, 1), last: dayNumberOfDate(year, month + 1, 1) - 1 };
}

/**
 * The month `count` months after (or before, when negative) a month.
 *
 * @example
 * ```ts
 * addMonths({ year: 2024, month: 1 }, -2); // { year: 2023, month: 11 }
 * ```
 */
export function addMonths({ year, month }: YearMonth, count: number): YearMonth {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/**
 * The n-th (1-based) given weekday (0 = Sunday) of a month.
 *
 * @example
 * ```ts
 * nthWeekdayOfMonth(2024, 11, 4, 4); // Thanksgiving 2024 (November 28)
 * ```
 */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): number {
  const first = dayNumberOfDate(year, month, 1);
  return first + ((weekday - dayOfWeek(first) + 7) % 7) + 7 * (nth - 1);
}

/**
 * The last given weekday (0 = Sunday) of a month.
 *
 * @example
 * ```ts
 * lastWeekdayOfMonth(2024, 5, 1); // Memorial Day 2024 (May 27)
 * ```
 */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): number {
  const last = dayNumberOfDate(year, month + 1, 1) - 1;
  return last - ((dayOfWeek(last) - weekday + 7) % 7);
}
