import type { RetailConfig } from '@retail-datagen/models';
import { dateOfDayNumber } from './civil-date.js';

/**
 * The return-rate multiplier of a day: `returns.afterChristmasMultiplier` from
 * December 26 through January 7 (both included; gift returns), 1 otherwise.
 * Receipts cannot import this package, so it applies the same rule itself:
 * `rate x (Dec 26..Jan 7 ? afterChristmasMultiplier : 1)`.
 *
 * @example
 * ```ts
 * returnsMultiplier(dayNumberOf('2024-12-26'), config); // 3 with the default config
 * returnsMultiplier(dayNumberOf('2025-01-08'), config); // 1
 * ```
 */
export function returnsMultiplier(dayNumber: number, config: { readonly returns: Pick<RetailConfig['returns'], 'afterChristmasMultiplier'> }): number {
  return isAfterChristmasReturns(dayNumber) ? config.returns.afterChristmasMultiplier : 1;
}

/**
 * True from December 26 through January 7.
 *
 * @example
 * ```ts
 * isAfterChristmasReturns(dayNumberOf('2025-01-07')); // true
 * ```
 */
export function isAfterChristmasReturns(dayNumber: number): boolean {
  const { month, day } = dateOfDayNumber(dayNumber);
  return (month === 12 && day >= 26) || (month === 1 && day <= 7);
}
