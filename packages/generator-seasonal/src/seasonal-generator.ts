import type { FactRun, GeneratorPlugin } from '@retail-datagen/generator-core';
import { categoryOverlays as defaultCategoryOverlays, seasonalWindows, type CategoryOverlays } from './category-overlays.js';
import { isChristmasDay } from './holiday-calendar.js';
import { hourOfDayCurve, hourOfDayWeights as defaultHourOfDayWeights } from './hour-of-day-curve.js';
import { createSeasonalProfile, type SeasonalProfile } from './seasonal-profile.js';

/** Options of {@link createSeasonalGenerator}. */
export interface SeasonalGeneratorOptions {
  /** 24 relative arrival weights by hour of day; default `hourOfDayWeights`. */
  readonly hourOfDayWeights?: readonly number[];
  /** Seasonal factors by product category; default `categoryOverlays`. */
  readonly categoryOverlays?: CategoryOverlays;
}

function checkOverlays(overlays: CategoryOverlays): void {
  for (const [category, rules] of Object.entries(overlays)) {
    for (const rule of rules) {
      if (!Object.hasOwn(seasonalWindows, rule.window)) {
        throw new RangeError(`category overlay ${category} names window ${JSON.stringify(rule.window)}; known windows: ${Object.keys(seasonalWindows).join(', ')}`);
      }
      if (!(rule.factor >= 0) || !Number.isFinite(rule.factor)) throw new RangeError(`category overlay ${category} (${rule.window}) needs a finite factor >= 0, got ${rule.factor}`);
    }
  }
}

/**
 * The seasonal package: writes no table; in `setup` it shapes demand for the
 * other packages through the demand multiplier:
 *
 * - traffic of a store-hour = hour share (the store's open hours, summing to 1)
 *   x day of week x season x holiday, so a store's expected shoppers on a day
 *   are `baseDailyCustomers x DailyTrafficMultiplier x dayFactors(day).total`;
 * - category factors (grills in summer, toys and electronics around Black
 *   Friday and in December...);
 * - closure of every store on December 25 when `seasonality.closedOnChristmas`.
 *
 * @example
 * ```ts
 * const engine = new FactEngine(createGeneratorRegistry({ master, seasonal, receipts }), run, { partitions: 16 });
 * engine.demand.multiplier({ storeIndex: 0, dayNumber: dayNumberOf('2024-11-29'), hour: 17 }); // Black Friday peak
 * engine.demand.isClosed(0, dayNumberOf('2024-12-25')); // true
 * ```
 */
export function createSeasonalGenerator(options: SeasonalGeneratorOptions = {}): GeneratorPlugin {
  const hourOfDayWeights = options.hourOfDayWeights ?? defaultHourOfDayWeights;
  const categoryOverlays = options.categoryOverlays ?? defaultCategoryOverlays;
  hourOfDayCurve(0, 24, hourOfDayWeights); // fail at construction on bad weights, not mid-run
  checkOverlays(categoryOverlays);
  // A pure function of the run: reused when several engines of a thread share one run.
  const profiles = new WeakMap<FactRun, SeasonalProfile>();

  return {
    specificationVersion: 'v1',
    id: 'seasonal',
    description: 'Holiday calendar, hour-of-day, weekday, season and holiday traffic curves, category overlays and Christmas closures (writes no table)',
    requires: ['master'],
    tables: [],
    facts: {
      setup({ run, demand }) {
        let profile = profiles.get(run);
        if (!profile) {
          profile = createSeasonalProfile(run, { hourOfDayWeights, categoryOverlays });
          profiles.set(run, profile);
        }
        const seasonal = profile;
        const closedOnChristmas = run.config.seasonality.closedOnChristmas;
        demand.contribute('seasonal', ({ storeIndex, dayNumber, hour }) => seasonal.traffic(storeIndex, dayNumber, hour));
        demand.contributeCategory('seasonal', (dayNumber, category) => seasonal.category(dayNumber, category));
        demand.contributeClosure('seasonal', (_storeIndex, dayNumber) => closedOnChristmas && isChristmasDay(dayNumber));
      },
    },
  };
}

/** The seasonal package with its default curves. */
export const seasonal = createSeasonalGenerator();
