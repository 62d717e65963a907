/**
 * Day of week of a day number: 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
 *
 * @example
 * ```ts
 * dayOfWeek(dayNumberOf('2024-11-29')); // 5 (Friday)
 * ```
 */
export function dayOfWeek(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** True on Saturday and Sunday. */
export function isWeekend(dayNumber: number): boolean {
  const day = dayOfWeek(dayNumber);
  return day === 0 || day === 6;
}
