const millisecondsPerDay = 86_400_000;

/**
 * Days since 1970-01-01 for a `YYYY-MM-DD` date (UTC; the simulation has no time zones).
 *
 * @example
 * ```ts
 * dayNumberOf('1970-01-02'); // 1
 * ```
 */
export function dayNumberOf(isoDate: string): number {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(time)) throw new RangeError(`not a date: ${isoDate}`);
  return Math.round(time / millisecondsPerDay);
}

/**
 * The `YYYY-MM-DD` date of a day number.
 *
 * @example
 * ```ts
 * isoDateOf(19_723); // '2024-01-01'
 * ```
 */
export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * millisecondsPerDay).toISOString().slice(0, 10);
}

/** Milliseconds since epoch of the start of a day number plus hours/minutes/seconds. */
export function timestampOf(dayNumber: number, hour = 0, minute = 0, second = 0): number {
  return dayNumber * millisecondsPerDay + ((hour * 60 + minute) * 60 + second) * 1000;
}

export { millisecondsPerDay };
