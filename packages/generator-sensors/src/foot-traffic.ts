import type { ColumnBatchBuilder, Random } from '@retail-datagen/generator-core';
import type { StoreHourVisits } from '@retail-datagen/generator-receipts';
import type { StoreSensors } from './sensors-world.js';
import { checkoutZone, entranceZone, sensorZones, zoneDwellSeconds, zoneVisitShare, type SensorZone } from './store-zones.js';

/** What one store-hour's counters need beyond the receipts' visits. */
export interface FootTrafficHour {
  readonly storeId: number;
  readonly sensors: StoreSensors;
  /** Timestamp (ms) of the start of the hour. */
  readonly hourStart: number;
  /** The hour's conversion rate (`conversionRateOf`). */
  readonly conversionRate: number;
  /** The hour's demand relative to the store-day's busiest hour, 0 to 1. */
  readonly busyness: number;
}

/**
 * Writes one fact_foot_traffic row per zone sensor of the store for one open
 * store-hour:
 *
 * - ENTRANCE: the hour's shoppers and return visitors (every receipt comes
 *   from one of them) plus browsers ~ Poisson(visitors x (1 - c) / c) for the
 *   hour's conversion rate c, so the count is never below the receipts and
 *   receipts / count is about c;
 * - department zones: each entrant walks through with the zone's
 *   {@link zoneVisitShare};
 * - CHECKOUT: the receipts of the hour.
 *
 * Dwell is the zone's mean {@link zoneDwellSeconds} +-20 % (the checkout's
 * grows with the hour's busyness), 0 when nobody was counted. Returns the
 * ENTRANCE count.
 */
export function writeFootTraffic(builder: ColumnBatchBuilder, hour: FootTrafficHour, visits: StoreHourVisits, random: Random): number {
  const visitors = Math.max(visits.shoppers + visits.returnVisits, visits.count);
  const rate = hour.conversionRate;
  const browsers = visitors > 0 && rate < 1 ? random.poisson((visitors * (1 - rate)) / rate) : 0;
  const entrance = visitors + browsers;
  const zones = hour.sensors.zones;
  for (let index = 0; index < zones.length; index++) {
    const zone = zones[index] as number;
    const name = sensorZones[zone] as SensorZone;
    const count = zone === entranceZone ? entrance : zone === checkoutZone ? visits.count : binomial(random, entrance, zoneVisitShare[name]);
    const queueFactor = zone === checkoutZone ? 0.7 + 0.6 * hour.busyness : 1;
    const dwell = count === 0 ? 0 : Math.max(1, Math.round(zoneDwellSeconds[name] * queueFactor * random.float(0.8, 1.2)));
    builder.pushNumber('EventTS', hour.hourStart);
    builder.pushNumber('StoreID', hour.storeId);
    builder.pushString('SensorId', hour.sensors.sensorIds[zone] as string);
    builder.pushString('Zone', name);
    builder.pushNumber('Count', count);
    builder.pushNumber('DwellSeconds', dwell);
    builder.endRow();
  }
  return entrance;
}

/** Successes in `trials` draws of chance `probability`: exact up to 64 trials, a rounded normal (kept in range) above. */
function binomial(random: Random, trials: number, probability: number): number {
  if (trials <= 64) {
    let successes = 0;
    for (let trial = 0; trial < trials; trial++) if (random.chance(probability)) successes++;
    return successes;
  }
  const mean = trials * probability;
  const drawn = Math.round(random.normal(mean, Math.sqrt(mean * (1 - probability))));
  return Math.min(trials, Math.max(0, drawn));
}
