import { millisecondsPerDay, timestampOf, type FactHooks, type GeneratorPlugin, type StoreContext, type StoreHourContext } from '@retail-datagen/generator-core';
import { isOpenDuring, storeHourVisitsPoint } from '@retail-datagen/generator-receipts';
import { InvalidArgumentError, factBlePings, factCustomerZoneChanges, factFootTraffic } from '@retail-datagen/models';
import { conversionRateOf } from './conversion-rate.js';
import { writeFootTraffic } from './foot-traffic.js';
import { buildSensorsWorld, sensorsWorldPoint } from './sensors-world.js';
import { writeVisitPings } from './visit-pings.js';

/**
 * Knobs of the sensors generator beyond the run configuration (`sensors` section); every one has a default.
 *
 * @example
 * ```ts
 * const options: SensorsGeneratorOptions = { meanVisitMinutes: 20 };
 * const sensors = createSensorsGenerator(options);
 * ```
 */
export interface SensorsGeneratorOptions {
  /**
   * Mean minutes from entering a store to paying, for a basket of about $50
   * (bigger baskets stay longer, returns shorter). BLE pings of a visit lie
   * within [receipt - 3 x this, receipt + 1 minute]. Default 12.
   */
  readonly meanVisitMinutes?: number;
}

/**
 * The tables the sensors generator writes.
 *
 * @example
 * ```ts
 * sensorsTables.map((table) => table.name); // ['fact_foot_traffic', 'fact_ble_pings', 'fact_customer_zone_changes']
 * ```
 */
export const sensorsTables = [factFootTraffic, factBlePings, factCustomerZoneChanges] as const;

const id = 'sensors';

/**
 * Creates the sensors generator. It builds on the visits the receipts
 * generator publishes for each store-hour (`storeHourVisitsPoint`), in its
 * own `storeHour` hook, which runs after receipts' for the same store-hour:
 *
 * - `fact_foot_traffic`: for every hour a store is open, one row per zone
 *   sensor of the store's format (`zoneLayouts`). The ENTRANCE counts
 *   the hour's shoppers and return visitors plus browsers, so that receipts /
 *   ENTRANCE count is about the hour's conversion rate
 *   (`conversionRateOf`: `sensors.conversionRate`, lower on weekends,
 *   higher at the store-day's busiest hours); it is never below the hour's
 *   receipts. CHECKOUT counts the receipts; departments part of the entrants.
 * - `fact_ble_pings`: about `sensors.pingsPerVisit` pings per receipt's
 *   visit, ENTRANCE first, departments, CHECKOUT last around the receipt
 *   (`visitTiming`). A known customer's visit carries their
 *   dim_customers.ble_id and customer_id with chance
 *   `sensors.identifiedBleShare`; other visits ping under an anonymous id
 *   unique to the visit (`anonymousBleId`).
 * - `fact_customer_zone_changes`: a row whenever consecutive pings of the
 *   same BLE id in the same store on the same day are in different zones, at
 *   the later ping.
 *
 * Every draw comes from the store-day's streams (seed, 'sensors', store,
 * day, ...), so the rows do not depend on the partition count.
 *
 * @example
 * ```ts
 * const sensors = createSensorsGenerator({ meanVisitMinutes: 20 });
 * const engine = new FactEngine(createGeneratorRegistry({ master, seasonal, inventory, receipts, sensors }), run, { partitions: 16 });
 * engine.runDay(run.firstDay).batches; // ..., fact_foot_traffic, fact_ble_pings, fact_customer_zone_changes
 * ```
 */
export function createSensorsGenerator(options: SensorsGeneratorOptions = {}): GeneratorPlugin {
  const meanVisitMinutes = rangeOption('meanVisitMinutes', options.meanVisitMinutes, 12, 2, 120);
  const meanVisitSeconds = meanVisitMinutes * 60;

  const facts: FactHooks = {
    setup({ run, slots }) {
      slots.provide(sensorsWorldPoint, buildSensorsWorld(run), id);
    },
    startStoreDay(context: StoreContext) {
      const { storeIndex, dayNumber, demand } = context;
      const world = context.slots.get(sensorsWorldPoint, id);
      const scratch = world.scratch;
      scratch.begin(storeIndex, dayNumber);
      scratch.openToday = !demand.isClosed(storeIndex, dayNumber);
      if (!scratch.openToday) return;
      const openHour = world.openHour[storeIndex] as number;
      const closeHour = world.closeHour[storeIndex] as number;
      scratch.setOpenHours((hour) => isOpenDuring(openHour, closeHour, hour));
      for (let hour = 0; hour < 24; hour++) {
        if (!isOpenDuring(openHour, closeHour, hour)) continue;
        const multiplier = demand.multiplier({ storeIndex, dayNumber, hour });
        scratch.demandOfHour[hour] = multiplier;
        if (multiplier > scratch.peakDemand) scratch.peakDemand = multiplier;
      }
    },
    storeHour(context: StoreHourContext) {
      const { storeIndex, dayNumber, hour, run } = context;
      const world = context.slots.get(sensorsWorldPoint, id);
      const visits = context.slots.get(storeHourVisitsPoint, id);
      if (visits.storeIndex !== storeIndex || visits.dayNumber !== dayNumber || visits.hour !== hour) {
        throw new Error(`sensors reads the visits of store ${visits.storeIndex}, day ${visits.dayNumber}, hour ${visits.hour} in store ${storeIndex}, day ${dayNumber}, hour ${hour}: receipts must run first`);
      }
      const scratch = world.scratch;
      if (scratch.storeIndex !== storeIndex || scratch.dayNumber !== dayNumber) throw new Error(`sensors: store-hour of store ${storeIndex}, day ${dayNumber} without its startStoreDay`);
      const open = scratch.openToday && isOpenDuring(world.openHour[storeIndex] as number, world.closeHour[storeIndex] as number, hour);
      if (!open) {
        if (visits.count > 0) throw new Error(`sensors: store ${storeIndex} has receipts on day ${dayNumber} at hour ${hour}, when it is closed`);
        return;
      }

      const storeId = world.storeIds[storeIndex] as number;
      const sensors = world.sensorsOf(storeIndex);
      const busyness = scratch.peakDemand > 0 ? (scratch.demandOfHour[hour] as number) / scratch.peakDemand : 0.5;
      const settings = run.config.sensors;
      writeFootTraffic(
        context.emit(factFootTraffic),
        { storeId, sensors, hourStart: timestampOf(dayNumber, hour), conversionRate: conversionRateOf(settings, dayNumber, busyness), busyness },
        visits,
        context.random('traffic', hour),
      );
      if (visits.count === 0) return;
      writeVisitPings(
        {
          world,
          sensors,
          storeIndex,
          storeId,
          dayNumber,
          dayStart: dayNumber * millisecondsPerDay,
          identifiedShare: settings.identifiedBleShare,
          pingsPerVisit: settings.pingsPerVisit,
          meanVisitSeconds,
          pings: context.emit(factBlePings),
          zoneChanges: context.emit(factCustomerZoneChanges),
        },
        visits,
        context.random('pings', hour),
      );
    },
  };

  return {
    specificationVersion: 'v1',
    id,
    description: 'Sensors: foot traffic per store-hour and zone consistent with receipts, BLE pings during visits and the zone changes they imply',
    requires: ['master', 'seasonal', 'receipts'],
    tables: sensorsTables,
    facts,
  };
}

/**
 * The sensors generator with default options.
 *
 * @example
 * ```ts
 * const registry = createGeneratorRegistry({ master, seasonal, inventory, receipts, sensors });
 * ```
 */
export const sensors: GeneratorPlugin = createSensorsGenerator();

function rangeOption(name: string, value: number | undefined, fallback: number, minimum: number, maximum: number): number {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= minimum && value <= maximum)) {
    throw new InvalidArgumentError(`createSensorsGenerator options.${name}`, value, `a number from ${minimum} to ${maximum}`);
  }
  return value;
}
