import { dayOfWeek } from '@retail-datagen/generator-core';
import { dateOfDayNumber, dayNumberOfDate } from './civil-date.js';

/** The days the seasonal package knows, in calendar order. */
export const holidayIds = [
  'newYearsDay',
  'valentinesDay',
  'easterSunday',
  'memorialDay',
  'independenceDayEve',
  'independenceDay',
  'laborDay',
  'halloween',
  'thanksgivingEve',
  'thanksgiving',
  'blackFriday',
  'cyberMonday',
  'christmasEve',
  'christmasDay',
  'boxingDay',
  'newYearsEve',
] as const;

/** One of {@link holidayIds}. */
export type HolidayId = (typeof holidayIds)[number];

/** Display names of the holidays. */
export const holidayNames: Readonly<Record<HolidayId, string>> = {
  newYearsDay: "New Year's Day",
  valentinesDay: "Valentine's Day",
  easterSunday: 'Easter Sunday',
  memorialDay: 'Memorial Day',
  independenceDayEve: 'Independence Day Eve',
  independenceDay: 'Independence Day',
  laborDay: 'Labor Day',
  halloween: 'Halloween',
  thanksgivingEve: 'Thanksgiving Eve',
  thanksgiving: 'Thanksgiving',
  blackFriday: 'Black Friday',
  cyberMonday: 'Cyber Monday',
  christmasEve: 'Christmas Eve',
  christmasDay: 'Christmas Day',
  boxingDay: 'Boxing Day',
  newYearsEve: "New Year's Eve",
};

/**
 * The eves of major holidays: July 3, the day before Thanksgiving, December 24
 * and December 31. Their traffic is `config.seasonality.holidayEveLift`.
 */
export const holidayEveIds: readonly HolidayId[] = ['independenceDayEve', 'thanksgivingEve', 'christmasEve', 'newYearsEve'];

/** A holiday on a given day. */
export interface Holiday {
  readonly id: HolidayId;
  readonly name: string;
  /** Days since 1970-01-01. */
  readonly dayNumber: number;
}

/** A run of days, both ends included. */
export interface DayRange {
  readonly first: number;
  readonly last: number;
}

/** Every holiday of a year plus the seasons derived from them. */
export interface YearCalendar {
  readonly year: number;
  /** Day number of each holiday. */
  readonly days: Readonly<Record<HolidayId, number>>;
  /** The holidays in calendar order. */
  readonly holidays: readonly Holiday[];
  /** Memorial Day through Labor Day: grilling, outdoor and sunscreen season. */
  readonly summer: DayRange;
  /** July 20 through Labor Day. */
  readonly backToSchool: DayRange;
  /** Black Friday through Cyber Monday. */
  readonly cyberWeekend: DayRange;
  /** Holidays by day number. */
  readonly byDay: ReadonlyMap<number, Holiday>;
}

/** First day of back-to-school season (month, day); it ends on Labor Day. */
export const backToSchoolStart = { month: 7, day: 20 } as const;

/** Weekday numbers as `dayOfWeek` returns them. */
const monday = 1;
const thursday = 4;

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher).
 *
 * @example
 * ```ts
 * isoDateOf(easterSunday(2024)); // '2024-03-31'
 * ```
 */
export function easterSunday(year: number): number {
  const golden = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const leapCenturies = Math.floor(century / 4);
  const centuryRemainder = century % 4;
  const lunarCorrection = Math.floor((century + 8) / 25);
  const solarCorrection = Math.floor((century - lunarCorrection + 1) / 3);
  const epact = (19 * golden + century - leapCenturies - solarCorrection + 15) % 30;
  const leapYears = Math.floor(yearOfCentury / 4);
  const yearRemainder = yearOfCentury % 4;
  const weekdayOffset = (32 + 2 * centuryRemainder + 2 * leapYears - epact - yearRemainder) % 7;
  const correction = Math.floor((golden + 11 * epact + 22 * weekdayOffset) / 451);
  const monthAndDay = epact + weekdayOffset - 7 * correction + 114;
  return dayNumberOfDate(year, Math.floor(monthAndDay / 31), (monthAndDay % 31) + 1);
}

/**
 * The n-th (1-based) given weekday (0 = Sunday) of a month.
 *
 * @example
 * ```ts
 * isoDateOf(nthWeekdayOfMonth(2024, 11, 4, 4)); // '2024-11-28', the fourth Thursday
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
 * isoDateOf(lastWeekdayOfMonth(2024, 5, 1)); // '2024-05-27', Memorial Day
 * ```
 */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): number {
  const last = dayNumberOfDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
  return last - ((dayOfWeek(last) - weekday + 7) % 7);
}

function buildCalendar(year: number): YearCalendar {
  const thanksgiving = nthWeekdayOfMonth(year, 11, thursday, 4);
  const independenceDay = dayNumberOfDate(year, 7, 4);
  const christmasDay = dayNumberOfDate(year, 12, 25);
  const memorialDay = lastWeekdayOfMonth(year, 5, monday);
  const laborDay = nthWeekdayOfMonth(year, 9, monday, 1);
  const days: Record<HolidayId, number> = {
    newYearsDay: dayNumberOfDate(year, 1, 1),
    valentinesDay: dayNumberOfDate(year, 2, 14),
    easterSunday: easterSunday(year),
    memorialDay,
    independenceDayEve: independenceDay - 1,
    independenceDay,
    laborDay,
    halloween: dayNumberOfDate(year, 10, 31),
    thanksgivingEve: thanksgiving - 1,
    thanksgiving,
    blackFriday: thanksgiving + 1,
    cyberMonday: thanksgiving + 4,
    christmasEve: christmasDay - 1,
    christmasDay,
    boxingDay: christmasDay + 1,
    newYearsEve: dayNumberOfDate(year, 12, 31),
  };
  const holidays = holidayIds.map((id) => Object.freeze({ id, name: holidayNames[id], dayNumber: days[id] }));
  return Object.freeze({
    year,
    days: Object.freeze(days),
    holidays: Object.freeze(holidays),
    summer: Object.freeze({ first: memorialDay, last: laborDay }),
    backToSchool: Object.freeze({ first: dayNumberOfDate(year, backToSchoolStart.month, backToSchoolStart.day), last: laborDay }),
    cyberWeekend: Object.freeze({ first: days.blackFriday, last: days.cyberMonday }),
    byDay: new Map(holidays.map((holiday) => [holiday.dayNumber, holiday])),
  });
}

// A pure function of the year, so one cache serves every run.
const calendars = new Map<number, YearCalendar>();

/**
 * The holidays and seasons of a year (cached; the result is frozen).
 *
 * @example
 * ```ts
 * isoDateOf(calendarOfYear(2024).days.blackFriday); // '2024-11-29'
 * ```
 */
export function calendarOfYear(year: number): YearCalendar {
  let calendar = calendars.get(year);
  if (!calendar) {
    calendar = buildCalendar(year);
    calendars.set(year, calendar);
  }
  return calendar;
}

/**
 * The holidays of a year in calendar order.
 *
 * @example
 * ```ts
 * holidaysOfYear(2025).find((holiday) => holiday.id === 'thanksgiving'); // { id: 'thanksgiving', name: 'Thanksgiving', dayNumber: 20_419 } (2025-11-27)
 * ```
 */
export function holidaysOfYear(year: number): readonly Holiday[] {
  return calendarOfYear(year).holidays;
}

/**
 * The holiday on a day, if any.
 *
 * @example
 * ```ts
 * holidayOn(dayNumberOf('2024-11-29'))?.name; // 'Black Friday'
 * holidayOn(dayNumberOf('2024-11-30')); // undefined
 * ```
 */
export function holidayOn(dayNumber: number): Holiday | undefined {
  return calendarOfYear(dateOfDayNumber(dayNumber).year).byDay.get(dayNumber);
}

/**
 * True on December 25.
 *
 * @example
 * ```ts
 * isChristmasDay(dayNumberOf('2024-12-25')); // true
 * ```
 */
export function isChristmasDay(dayNumber: number): boolean {
  const { month, day } = dateOfDayNumber(dayNumber);
  return month === 12 && day === 25;
}

/** True when a day lies in a range (both ends included). */
export function isWithin(dayNumber: number, range: DayRange): boolean {
  return dayNumber >= range.first && dayNumber <= range.last;
}

/**
 * True from July 20 through Labor Day.
 *
 * @example
 * ```ts
 * isBackToSchool(dayNumberOf('2024-08-15')); // true
 * ```
 */
export function isBackToSchool(dayNumber: number): boolean {
  return isWithin(dayNumber, calendarOfYear(dateOfDayNumber(dayNumber).year).backToSchool);
}

/**
 * True from Memorial Day through Labor Day.
 *
 * @example
 * ```ts
 * isSummer(dayNumberOf('2024-07-15')); // true
 * ```
 */
export function isSummer(dayNumber: number): boolean {
  return isWithin(dayNumber, calendarOfYear(dateOfDayNumber(dayNumber).year).summer);
}
