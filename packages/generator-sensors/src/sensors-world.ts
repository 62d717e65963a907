import { defineCompositionPoint, int32Column, requireDim, stringValues, type FactRun, type StringColumn } from '@retail-datagen/generator-core';
import { anonymousBleKeys } from './anonymous-ble-id.js';
import { beaconIdOf, checkoutZone, entranceZone, sensorIdOf, sensorZones, zoneLayoutOf, zoneVisitShare } from './store-zones.js';

/** The zones of one store and the ids of its sensors and beacons. */
export interface StoreSensors {
  /** Zone indices (into sensorZones) in walking order, ENTRANCE first, CHECKOUT last. */
  readonly zones: Uint8Array;
  /** The department zones (neither ENTRANCE nor CHECKOUT) and their walking weights. */
  readonly departments: Uint8Array;
  readonly departmentWeights: readonly number[];
  /** Sensor and beacon ids by zone index (undefined for zones the store lacks). */
  readonly sensorIds: readonly (string | undefined)[];
  readonly beaconIds: readonly (string | undefined)[];
}

/**
 * Working space of the store-day being simulated; reset at each store-day,
 * never carried from one day to the next (so it is no state).
 */
export class StoreDayScratch {
  storeIndex = -1;
  dayNumber = 0;
  openToday = false;
  /** context.demand.multiplier of each hour the store is open (0 otherwise), and the day's highest. */
  readonly demandOfHour = new Float64Array(24);
  peakDemand = 0;
  /**
   * For each open hour, the first and last second of day of the run of open
   * hours around it: a visit never starts before the store opens nor ends
   * after it closes.
   */
  readonly openFromSecond = new Int32Array(24);
  readonly openUntilSecond = new Int32Array(24);
  /** Visits seen so far this store-day: numbers the anonymous ids. */
  visits = 0;
  /** Identified customers' last ping of the store-day: second of day x 16 + zone. */
  readonly lastPing = new Map<number, number>();
  /** Seconds of day and zones of the pings of the visit being written. */
  pingSeconds = new Int32Array(64);
  pingZones = new Uint8Array(64);

  /** Starts a store-day: forgets the previous one. */
  begin(storeIndex: number, dayNumber: number): void {
    this.storeIndex = storeIndex;
    this.dayNumber = dayNumber;
    this.openToday = false;
    this.demandOfHour.fill(0);
    this.peakDemand = 0;
    this.openFromSecond.fill(0);
    this.openUntilSecond.fill(0);
    this.visits = 0;
    this.lastPing.clear();
  }

  /** Records the store-day's open hours (`open[hour]`) and the open period around each. */
  setOpenHours(open: (hour: number) => boolean): void {
    for (let hour = 0; hour < 24; hour++) {
      if (!open(hour)) continue;
      let first = hour;
      while (first > 0 && open(first - 1)) first--;
      let last = hour;
      while (last < 23 && open(last + 1)) last++;
      this.openFromSecond[hour] = first * 3600;
      this.openUntilSecond[hour] = last * 3600 + 3599;
    }
  }

  /** Makes room for `count` pings of one visit. */
  reservePings(count: number): void {
    if (count <= this.pingSeconds.length) return;
    let capacity = this.pingSeconds.length;
    while (capacity < count) capacity *= 2;
    this.pingSeconds = new Int32Array(capacity);
    this.pingZones = new Uint8Array(capacity);
  }
}

/**
 * What the sensors generator precomputes once per run (and thread) from the
 * dimension tables. A pure function of the run: every thread builds the same.
 */
export interface SensorsWorld {
  readonly storeIds: Int32Array;
  readonly openHour: Int32Array;
  readonly closeHour: Int32Array;
  /** dim_customers.ble_id, by customer row. */
  readonly customerBleIds: StringColumn;
  /** The customer row of a dim_customers.id, or -1. */
  customerRowOf(customerId: number): number;
  /** The zones, sensor and beacon ids of a store (built on first use). */
  sensorsOf(storeIndex: number): StoreSensors;
  readonly anonymousKeys: Uint32Array;
  readonly scratch: StoreDayScratch;
}

/** The private composition point holding the run's sensors world (provided in `setup`). */
export const sensorsWorldPoint = defineCompositionPoint<SensorsWorld>('sensors-world');

/** Builds the sensors world of a run from dim_stores and dim_customers. */
export function buildSensorsWorld(run: FactRun): SensorsWorld {
  const stores = requireDim(run.dims, 'dim_stores');
  const customers = requireDim(run.dims, 'dim_customers');
  const storeIds = int32Column(stores, 'ID');
  const formats = stringValues(stores, 'StoreFormat');
  const customerIds = int32Column(customers, 'ID');
  const customerBleIds = customers.columns.BLEId as StringColumn | undefined;
  if (customerBleIds === undefined) throw new Error('dim_customers has no BLEId column; the sensors generator needs it');
  const customerRowOf = customerRowLookup(customerIds);
  const sensors: (StoreSensors | undefined)[] = new Array(storeIds.length);
  return {
    storeIds,
    openHour: int32Column(stores, 'OpenHour'),
    closeHour: int32Column(stores, 'CloseHour'),
    customerBleIds,
    customerRowOf,
    sensorsOf(storeIndex) {
      let found = sensors[storeIndex];
      if (!found) {
        found = storeSensors(storeIds[storeIndex] as number, formats[storeIndex] ?? null);
        sensors[storeIndex] = found;
      }
      return found;
    },
    anonymousKeys: anonymousBleKeys(run.config.seed),
    scratch: new StoreDayScratch(),
  };
}

function storeSensors(storeId: number, format: string | null): StoreSensors {
  const layout = zoneLayoutOf(format);
  const zones = Uint8Array.from(layout, (zone) => sensorZones.indexOf(zone));
  const departments = zones.filter((zone) => zone !== entranceZone && zone !== checkoutZone);
  const sensorIds: (string | undefined)[] = new Array(sensorZones.length);
  const beaconIds: (string | undefined)[] = new Array(sensorZones.length);
  for (const zone of layout) {
    const index = sensorZones.indexOf(zone);
    sensorIds[index] = sensorIdOf(storeId, zone);
    beaconIds[index] = beaconIdOf(storeId, zone);
  }
  return {
    zones,
    departments,
    departmentWeights: Array.from(departments, (zone) => zoneVisitShare[sensorZones[zone] as keyof typeof zoneVisitShare]),
    sensorIds,
    beaconIds,
  };
}

/** Master data numbers customers 1..n in row order; anything else falls back to a map. */
function customerRowLookup(customerIds: Int32Array): (customerId: number) => number {
  let dense = true;
  for (let row = 0; row < customerIds.length; row++) {
    if (customerIds[row] !== row + 1) {
      dense = false;
      break;
    }
  }
  if (dense) return (customerId) => (customerId >= 1 && customerId <= customerIds.length ? customerId - 1 : -1);
  const rows = new Map<number, number>();
  for (let row = 0; row < customerIds.length; row++) rows.set(customerIds[row] as number, row);
  return (customerId) => rows.get(customerId) ?? -1;
}
