/** A proleptic Gregorian calendar date; month 1-12, day 1-31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The day number (days since 1970-01-01) of a calendar date. Pure integer
 * arithmetic (Howard Hinnant's days_from_civil), so no `Date` is involved.
 *
 * @example
 * ```ts
 * dayNumberOfDate(2024, 11, 29); // 20_056, Black Friday 2024
 * ```
 */
export function dayNumberOfDate(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The calendar date of a day number (Howard Hinnant's civil_from_days).
 *
 * @example
 * ```ts
 * dateOfDayNumber(20_056); // { year: 2024, month: 11, day: 29 }
 * ```
 */
export function dateOfDayNumber(dayNumber: number): CivilDate {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The calendar year of a day number.
 *
 * @example
 * ```ts
 * yearOfDayNumber(20_056); // 2024
 * ```
 */
export function yearOfDayNumber(dayNumber: number): number {
  return dateOfDayNumber(dayNumber).year;
}
