import { dayOfWeek } from '@retail-datagen/generator-core';
import type { RetailConfig } from '@retail-datagen/models';
import { dateOfDayNumber } from './civil-date.js';
import { holidayEveIds, holidayOn, type HolidayId } from './holiday-calendar.js';

/** The configuration the day factors read; a whole `RetailConfig` fits. */
export interface SeasonalSettings {
  readonly traffic: Pick<RetailConfig['traffic'], 'weekendLift'>;
  readonly seasonality: RetailConfig['seasonality'];
}

/**
 * Traffic of each weekday relative to an ordinary weekday; their mean is
 * exactly 1 (Monday is the quietest, Friday the busiest).
 */
export const weekdayFactors = Object.freeze({ monday: 0.92, tuesday: 0.96, wednesday: 0.98, thursday: 1.02, friday: 1.12 });

/**
 * How the weekend splits `config.traffic.weekendLift`: Saturday is
 * `weekendLift x 1.06`, Sunday `weekendLift x 0.94`, so the weekend mean is
 * exactly `weekendLift`.
 */
export const weekendShape = Object.freeze({ saturday: 1.06, sunday: 0.94 });

/**
 * The day-of-week factor: weekdays from {@link weekdayFactors} (mean 1),
 * Saturday and Sunday from `weekendLift` and {@link weekendShape} (mean
 * `weekendLift`).
 *
 * @example
 * ```ts
 * dayOfWeekFactor(dayNumberOf('2024-11-15'), 1.3); // 1.12, a Friday
 * dayOfWeekFactor(dayNumberOf('2024-11-16'), 1.3); // 1.378, a Saturday
 * ```
 */
export function dayOfWeekFactor(dayNumber: number, weekendLift: number): number {
  switch (dayOfWeek(dayNumber)) {
    case 0:
      return weekendLift * weekendShape.sunday;
    case 1:
      return weekdayFactors.monday;
    case 2:
      return weekdayFactors.tuesday;
    case 3:
      return weekdayFactors.wednesday;
    case 4:
      return weekdayFactors.thursday;
    case 5:
      return weekdayFactors.friday;
    default:
      return weekendLift * weekendShape.saturday;
  }
}

/**
 * The season factor of each month (January first), relative to spring (1).
 * December's 1.25 is its mean from the 1st to the 24th: the factor ramps from
 * {@link decemberRamp}.first to .last towards Christmas, and is
 * {@link decemberRamp}.afterChristmas from the 25th.
 */
export const monthSeasonFactors: readonly number[] = Object.freeze([0.9, 0.9, 0.97, 1.0, 1.0, 1.05, 1.05, 1.05, 0.98, 1.0, 1.1, 1.25]);

/** December's season factor: a straight ramp from Dec 1 to Dec 24, then a flat week. */
export const decemberRamp = Object.freeze({ first: 1.12, last: 1.38, afterChristmas: 1.1 });

/** A season name; see {@link seasonOf}. */
export type SeasonName = 'winter' | 'spring' | 'summer' | 'autumn' | 'holiday';

/**
 * The season of a day: winter (Jan-Feb), spring (Mar-May), summer (Jun-Aug),
 * autumn (Sep-Oct) and the holiday season (Nov-Dec).
 *
 * @example
 * ```ts
 * seasonOf(dayNumberOf('2024-07-04')); // 'summer'
 * ```
 */
export function seasonOf(dayNumber: number): SeasonName {
  const { month } = dateOfDayNumber(dayNumber);
  if (month <= 2) return 'winter';
  if (month <= 5) return 'spring';
  if (month <= 8) return 'summer';
  if (month <= 10) return 'autumn';
  return 'holiday';
}

/**
 * The season factor of a day: {@link monthSeasonFactors}, with December
 * ramping up to Christmas. Constant within every other month, so Black Friday
 * and the Fridays of its November share one season factor.
 *
 * @example
 * ```ts
 * seasonFactor(dayNumberOf('2024-02-10')); // 0.9
 * seasonFactor(dayNumberOf('2024-12-24')); // 1.38
 * ```
 */
export function seasonFactor(dayNumber: number): number {
  const { month, day } = dateOfDayNumber(dayNumber);
  if (month !== 12) return monthSeasonFactors[month - 1] as number;
  if (day >= 25) return decemberRamp.afterChristmas;
  return decemberRamp.first + ((decemberRamp.last - decemberRamp.first) * (day - 1)) / 23;
}

/**
 * Traffic on fixed-factor holidays relative to an ordinary day of the same
 * weekday and season. Black Friday, the eves and Christmas Day come from the
 * configuration instead (see {@link holidayFactor}); holidays not listed are 1.
 */
export const holidayTrafficFactors: Readonly<Partial<Record<HolidayId, number>>> = Object.freeze({
  newYearsDay: 0.6,
  easterSunday: 0.5,
  memorialDay: 1.2,
  independenceDay: 0.7,
  laborDay: 1.2,
  thanksgiving: 0.4,
  cyberMonday: 1.1,
  boxingDay: 1.2,
});

/** Christmas Day traffic when `closedOnChristmas` is false (when true it is 0: the stores are closed). */
export const openChristmasDayFactor = 0.3;

/**
 * The holiday factor of a day, relative to an ordinary day of the same weekday
 * and season: `seasonality.blackFridayLift` on Black Friday,
 * `seasonality.holidayEveLift` on July 3, the day before Thanksgiving,
 * December 24 and December 31, 0 on Christmas Day when `closedOnChristmas`
 * (else {@link openChristmasDayFactor}), {@link holidayTrafficFactors} on the
 * other holidays, 1 on ordinary days.
 *
 * @example
 * ```ts
 * holidayFactor(dayNumberOf('2024-11-29'), config); // 2.4 with the default blackFridayLift
 * holidayFactor(dayNumberOf('2024-11-28'), config); // 0.4, Thanksgiving
 * ```
 */
export function holidayFactor(dayNumber: number, settings: SeasonalSettings): number {
  const holiday = holidayOn(dayNumber);
  if (!holiday) return 1;
  if (holiday.id === 'blackFriday') return settings.seasonality.blackFridayLift;
  if (holiday.id === 'christmasDay') return settings.seasonality.closedOnChristmas ? 0 : openChristmasDayFactor;
  if (holidayEveIds.includes(holiday.id)) return settings.seasonality.holidayEveLift;
  return holidayTrafficFactors[holiday.id] ?? 1;
}

/** A day's traffic factors and their product. */
export interface DayFactors {
  readonly dayOfWeek: number;
  readonly season: number;
  readonly holiday: number;
  /** dayOfWeek x season x holiday: the day's shoppers relative to an ordinary spring weekday. */
  readonly total: number;
  /** The holiday on the day, if any. */
  readonly holidayId: HolidayId | undefined;
}

/**
 * The traffic factors of a day. A store's expected shoppers on a day are
 * `traffic.baseDailyCustomers x DailyTrafficMultiplier x total` (the hour
 * shares of a day sum to 1).
 *
 * @example
 * ```ts
 * const blackFriday = dayFactors(dayNumberOf('2024-11-29'), config);
 * const plainFriday = dayFactors(dayNumberOf('2024-11-22'), config);
 * blackFriday.total / plainFriday.total; // config.seasonality.blackFridayLift
 * ```
 */
export function dayFactors(dayNumber: number, settings: SeasonalSettings): DayFactors {
  const weekday = dayOfWeekFactor(dayNumber, settings.traffic.weekendLift);
  const season = seasonFactor(dayNumber);
  const holiday = holidayFactor(dayNumber, settings);
  return { dayOfWeek: weekday, season, holiday, total: weekday * season * holiday, holidayId: holidayOn(dayNumber)?.id };
}
