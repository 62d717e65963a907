/**
 * Hours a store is open, from `dim_stores` open_hour (0-23) up to but
 * excluding close_hour (1-24). 0-24 (or any equal pair) is around the clock;
 * a close hour at or before the open hour wraps past midnight.
 *
 * @example
 * ```ts
 * openHourCount(7, 23); // 16
 * openHourCount(0, 24); // 24
 * ```
 */
export function openHourCount(openHour: number, closeHour: number): number {
  return closeHour > openHour ? closeHour - openHour : closeHour + 24 - openHour;
}

/**
 * True when a store with these hours is open during `hour` (0-23).
 *
 * @example
 * ```ts
 * isOpenDuring(7, 23, 22); // true
 * isOpenDuring(7, 23, 23); // false
 * ```
 */
export function isOpenDuring(openHour: number, closeHour: number, hour: number): boolean {
  return (hour - openHour + 24) % 24 < openHourCount(openHour, closeHour);
}

/**
 * True when the hours cover the whole day (such stores have no OPEN/CLOSE events).
 *
 * @example
 * ```ts
 * isOpenAroundTheClock(0, 24); // true
 * ```
 */
export function isOpenAroundTheClock(openHour: number, closeHour: number): boolean {
  return openHourCount(openHour, closeHour) >= 24;
}
