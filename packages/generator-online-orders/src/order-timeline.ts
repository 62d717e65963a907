import { millisecondsPerDay } from '@retail-datagen/generator-core';
import { pickWaveHours, pickupAfterOpeningMinutes } from './order-shapes.js';

const hour = 3_600_000;
const minute = 60_000;
const second = 1000;

/** A span of time in ms since epoch, both ends inclusive. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * True when a store with these `dim_stores` hours is open during `hourOfDay`
 * (open_hour up to but excluding close_hour; a close at or before the open
 * hour wraps past midnight, 0-24 is around the clock).
 *
 * @example
 * ```ts
 * isStoreOpenDuring(7, 23, 22); // true
 * isStoreOpenDuring(7, 23, 23); // false
 * ```
 */
export function isStoreOpenDuring(openHour: number, closeHour: number, hourOfDay: number): boolean {
  return (hourOfDay - openHour + 24) % 24 < openHourCount(openHour, closeHour);
}

/** Hours a store is open a day (24 around the clock). */
function openHourCount(openHour: number, closeHour: number): number {
  return closeHour > openHour ? closeHour - openHour : closeHour + 24 - openHour;
}

/**
 * The days whose orders a store picks on `dayNumber`: an order is picked on
 * the first day after the one it was placed on that the store is open. So an
 * open day picks the orders of the day before, plus those of any closed days
 * right before that; a closed day picks nothing, and neither does the first
 * day of the run (orders placed before the run are not part of it).
 * `first > last` means no day.
 *
 * @example
 * ```ts
 * // closed on December 25: the 26th picks the orders of the 24th and the 25th
 * creationDaysPickedOn(dayNumberOf('2024-12-26'), firstDay, (day) => day === dayNumberOf('2024-12-25'));
 * // { first: <2024-12-24>, last: <2024-12-25> }
 * ```
 */
export function creationDaysPickedOn(dayNumber: number, firstDay: number, isClosed: (day: number) => boolean): { first: number; last: number } {
  if (dayNumber <= firstDay || isClosed(dayNumber)) return { first: dayNumber, last: dayNumber - 1 };
  let first = dayNumber - 1;
  while (first > firstDay && isClosed(first)) first--;
  return { first, last: dayNumber - 1 };
}

/**
 * The pick wave of a store-day: it ends when the store first opens that day
 * (midnight for a store open in its first hour) and starts
 * {@link pickWaveHours} earlier, not before midnight. Every posting of the
 * wave precedes the day's deliveries and sales, so the inventory ledger stays
 * in time order whatever order the packages run in.
 *
 * @example
 * ```ts
 * pickWave(dayNumberOf('2024-11-29'), 8, 22); // 06:00 .. 08:00 of that day
 * pickWave(dayNumberOf('2024-11-29'), 0, 24); // 00:00 .. 00:00
 * ```
 */
export function pickWave(dayNumber: number, openHour: number, closeHour: number): TimeWindow {
  const midnight = dayNumber * millisecondsPerDay;
  const end = isStoreOpenDuring(openHour, closeHour, 0) ? midnight : midnight + openHour * hour;
  return { start: Math.max(midnight, end - pickWaveHours * hour), end };
}

/**
 * When the `index`-th (0-based) of `count` orders of a wave is picked: spread
 * evenly over the wave, in whole seconds, never decreasing with the index.
 *
 * @example
 * ```ts
 * pickTimeOf({ start: 0, end: 3_000 }, 0, 2); // 1000
 * pickTimeOf({ start: 0, end: 3_000 }, 1, 2); // 2000
 * ```
 */
export function pickTimeOf(wave: TimeWindow, index: number, count: number): number {
  const offset = Math.floor(((index + 1) * (wave.end - wave.start)) / (count + 1) / second) * second;
  return wave.start + offset;
}

/**
 * When BOPIS customers may collect orders at a store on a day: from
 * {@link pickupAfterOpeningMinutes} after it opens to a second before it
 * closes (to midnight for a store closing at or after midnight).
 *
 * @example
 * ```ts
 * pickupWindow(dayNumberOf('2024-11-29'), 8, 22); // 08:15 .. 21:59:59
 * ```
 */
export function pickupWindow(dayNumber: number, openHour: number, closeHour: number): TimeWindow {
  const midnight = dayNumber * millisecondsPerDay;
  const aroundTheClock = openHourCount(openHour, closeHour) >= 24;
  const opens = aroundTheClock ? 0 : openHour * hour;
  const closes = !aroundTheClock && closeHour > openHour ? closeHour * hour : millisecondsPerDay;
  return { start: midnight + opens + pickupAfterOpeningMinutes * minute, end: midnight + closes - second };
}
