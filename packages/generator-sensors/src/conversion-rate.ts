import { isWeekend } from '@retail-datagen/generator-core';
import type { RetailConfig } from '@retail-datagen/models';

/**
 * Lowest conversion the model uses, so the expected number of browsers stays finite.
 *
 * @example
 * ```ts
 * conversionRateOf({ ...sensors, conversionRate: 0.01, weekendConversionFactor: 0.1 }, saturday, 0); // minimumConversionRate
 * ```
 */
export const minimumConversionRate = 0.01;

/**
 * The share of the people entering a store in a store-hour who came to buy
 * or return: `sensors.conversionRate`, times `sensors.weekendConversionFactor`
 * on Saturday and Sunday, times `1 + sensors.peakConversionLift x (busyness - 0.5)`,
 * kept within [0.01, 1]. `busyness` is the hour's demand relative to the
 * busiest hour of the store-day (0 to 1), so conversion is highest at the
 * peak and lower on weekends.
 *
 * @example
 * ```ts
 * const sensors = parseConfig({}).sensors;
 * conversionRateOf(sensors, dayNumberOf('2024-11-27'), 1); // 0.45 x 1.15 (a Wednesday's peak hour)
 * conversionRateOf(sensors, dayNumberOf('2024-11-30'), 0.5); // 0.45 x 0.85 (a Saturday, middling hour)
 * ```
 */
export function conversionRateOf(sensors: RetailConfig['sensors'], dayNumber: number, busyness: number): number {
  const weekend = isWeekend(dayNumber) ? sensors.weekendConversionFactor : 1;
  const rate = sensors.conversionRate * weekend * (1 + sensors.peakConversionLift * (busyness - 0.5));
  return Math.min(1, Math.max(minimumConversionRate, rate));
}
