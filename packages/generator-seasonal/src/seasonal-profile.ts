import { int32Column, requireDim, type FactRun } from '@retail-datagen/generator-core';
import { categoryFactor, type CategoryOverlays } from './category-overlays.js';
import { dayFactors } from './day-factors.js';
import { hourOfDayCurve } from './hour-of-day-curve.js';

/**
 * Everything the seasonal contributions look up, precomputed once per run:
 * hour shares per store, day totals and category factors for the run's days.
 * Days outside the run (a package looking ahead) are computed on demand.
 */
export interface SeasonalProfile {
  /** Hour shares of every store, store-major: `hourShares[storeIndex * 24 + hour]`. */
  readonly hourShares: Float64Array;
  /** `dayFactors(day).total` for `run.firstDay + index`. */
  readonly dayTotals: Float64Array;
  /** Traffic factor of a store-hour: hour share x day total. */
  traffic(storeIndex: number, dayNumber: number, hour: number): number;
  /** Category factor of a day. */
  category(dayNumber: number, category: string): number;
}

/**
 * Builds the per-run lookup tables of the seasonal package from the run's
 * configuration and dim_stores opening hours.
 *
 * @example
 * ```ts
 * const profile = createSeasonalProfile(run, { hourOfDayWeights, categoryOverlays });
 * profile.traffic(0, dayNumberOf('2024-11-29'), 17); // store 0's share of Black Friday at 17:00 x the day's factors
 * ```
 */
export function createSeasonalProfile(run: FactRun, options: { hourOfDayWeights: readonly number[]; categoryOverlays: CategoryOverlays }): SeasonalProfile {
  const stores = requireDim(run.dims, 'dim_stores');
  const openHours = int32Column(stores, 'OpenHour');
  const closeHours = int32Column(stores, 'CloseHour');
  const storeCount = stores.length;
  const hourShares = new Float64Array(storeCount * 24);
  for (let store = 0; store < storeCount; store++) {
    hourShares.set(hourOfDayCurve(openHours[store] as number, closeHours[store] as number, options.hourOfDayWeights), store * 24);
  }

  const firstDay = run.firstDay;
  const dayCount = Math.max(0, run.lastDay - run.firstDay + 1);
  const dayTotals = new Float64Array(dayCount);
  for (let index = 0; index < dayCount; index++) dayTotals[index] = dayFactors(firstDay + index, run.config).total;

  const overlays = options.categoryOverlays;
  const categoryDays = new Map<string, Float64Array>();
  for (const name of Object.keys(overlays)) {
    const factors = new Float64Array(dayCount);
    for (let index = 0; index < dayCount; index++) factors[index] = categoryFactor(firstDay + index, name, overlays);
    categoryDays.set(name, factors);
  }

  return {
    hourShares,
    dayTotals,
    traffic(storeIndex, dayNumber, hour) {
      if (!(storeIndex >= 0 && storeIndex < storeCount && hour >= 0 && hour < 24)) {
        throw new RangeError(`seasonal traffic asked for store index ${storeIndex} hour ${hour}; dim_stores has ${storeCount} stores and hours are 0-23`);
      }
      const share = hourShares[storeIndex * 24 + hour] as number;
      if (share === 0) return 0;
      const total = dayTotals[dayNumber - firstDay];
      return share * (total ?? dayFactors(dayNumber, run.config).total);
    },
    category(dayNumber, category) {
      const factors = categoryDays.get(category);
      if (!factors) return 1;
      return factors[dayNumber - firstDay] ?? categoryFactor(dayNumber, category, overlays);
    },
  };
}
