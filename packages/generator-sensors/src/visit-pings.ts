import { stringAt, type ColumnBatchBuilder, type Random } from '@retail-datagen/generator-core';
import type { StoreHourVisits } from '@retail-datagen/generator-receipts';
import { anonymousBleId } from './anonymous-ble-id.js';
import type { SensorsWorld, StoreSensors } from './sensors-world.js';
import { checkoutZone, entranceZone, sensorZones } from './store-zones.js';

/**
 * When a visit's pings happen, relative to its receipt:
 *
 * - the visit lasts about `meanVisitMinutes` (longer for bigger baskets,
 *   short for returns), at least `minimumVisitSeconds` and at most
 *   `longestVisitFactor` x `meanVisitMinutes`, and ends
 *   `afterReceiptSeconds` after the receipt;
 * - its last ping (at the CHECKOUT) falls from `checkoutLeadSeconds` before
 *   the receipt to the end of the visit; the others (ENTRANCE first, then
 *   departments) before that;
 * - a visit stays within the store's opening hours of its store-day: it is
 *   cut at opening, at closing and at midnight.
 *
 * @example
 * ```ts
 * // Every ping of a visit lies within [receipt - longest visit, receipt + afterReceiptSeconds].
 * const earliest = receiptTs - visitTiming.longestVisitFactor * meanVisitMinutes * 60_000;
 * ```
 */
export const visitTiming = Object.freeze({
  afterReceiptSeconds: 60,
  checkoutLeadSeconds: 30,
  minimumVisitSeconds: 120,
  longestVisitFactor: 3,
});

/**
 * Most pings of one visit, whatever `sensors.pingsPerVisit` says.
 *
 * @example
 * ```ts
 * // SELECT max(pings) FROM (SELECT count(*) AS pings FROM fact_ble_pings WHERE customer_id IS NULL GROUP BY customer_ble_id)
 * // is at most maximumPingsPerVisit
 * ```
 */
export const maximumPingsPerVisit = 200;

/** Chance that the next ping of a visit is in the same department as the last one. */
const stayChance = 0.4;

/** What the pings of one store-hour share. */
export interface VisitPingsHour {
  readonly world: SensorsWorld;
  readonly sensors: StoreSensors;
  readonly storeIndex: number;
  readonly storeId: number;
  readonly dayNumber: number;
  /** Timestamp (ms) of midnight starting the store-day. */
  readonly dayStart: number;
  readonly identifiedShare: number;
  readonly pingsPerVisit: number;
  readonly meanVisitSeconds: number;
  readonly pings: ColumnBatchBuilder;
  readonly zoneChanges: ColumnBatchBuilder;
}

/**
 * Writes the BLE pings of every receipt's visit in the store-hour, in receipt
 * order, and the zone changes they imply. A known customer's visit is
 * identified (their dim_customers.ble_id and customer_id) with chance
 * `identifiedShare`; every other visit pings under an anonymous id of its
 * own. An identified customer's visit starts after their previous ping of the
 * store-day (one phone is in one place at a time), so their pings of a
 * store-day are strictly increasing and zone changes compare each ping with
 * the previous one of the same id in the store-day; a visit left without room
 * for a ping (a second receipt within a minute) pings nothing.
 */
export function writeVisitPings(hour: VisitPingsHour, visits: StoreHourVisits, random: Random): void {
  const { world, sensors } = hour;
  const scratch = world.scratch;
  for (let row = 0; row < visits.count; row++) {
    const customerId = visits.customerIds[row] as number;
    const identified = customerId >= 0 && random.chance(hour.identifiedShare);
    const visit = ++scratch.visits;
    const receiptSecond = Math.round(((visits.timestamps[row] as number) - hour.dayStart) / 1000);
    const duration = visitSeconds(random, visits.totals[row] as number, visits.isReturn[row] === 1, hour.meanVisitSeconds);
    const receiptHour = Math.floor(receiptSecond / 3600);
    let start = Math.max(scratch.openFromSecond[receiptHour] as number, receiptSecond - duration);
    const end = Math.min(scratch.openUntilSecond[receiptHour] as number, receiptSecond + visitTiming.afterReceiptSeconds);
    let previousZone = -1;
    if (identified) {
      const previous = scratch.lastPing.get(customerId);
      if (previous !== undefined) {
        start = Math.max(start, Math.floor(previous / 16) + 1);
        previousZone = previous % 16;
      }
    }
    if (start > end) continue;

    const wanted = Math.min(maximumPingsPerVisit, 1 + random.poisson(hour.pingsPerVisit - 1));
    const checkoutFrom = Math.max(start, receiptSecond - visitTiming.checkoutLeadSeconds);
    const earlier = Math.min(wanted - 1, checkoutFrom - start);
    scratch.reservePings(earlier + 1);
    const seconds = scratch.pingSeconds;
    const zones = scratch.pingZones;
    // Earlier pings in strata of whole seconds, so they strictly increase and stay before the checkout ping.
    if (earlier > 0) {
      const stratum = Math.floor((checkoutFrom - start) / earlier);
      let department = -1;
      for (let ping = 0; ping < earlier; ping++) {
        seconds[ping] = start + ping * stratum + random.int(0, stratum - 1);
        if (ping === 0) {
          zones[ping] = entranceZone;
          continue;
        }
        department = nextDepartment(random, sensors, department);
        zones[ping] = sensors.departments[department] as number;
      }
    }
    seconds[earlier] = random.int(checkoutFrom, end);
    zones[earlier] = checkoutZone;

    let bleId: string;
    if (identified) {
      const customerRow = world.customerRowOf(customerId);
      bleId = (customerRow < 0 ? null : stringAt(world.customerBleIds, customerRow)) ?? unknownCustomer(customerId);
      scratch.lastPing.set(customerId, (seconds[earlier] as number) * 16 + checkoutZone);
    } else {
      bleId = anonymousBleId(world.anonymousKeys, hour.storeIndex, hour.dayNumber, visit);
    }
    for (let ping = 0; ping <= earlier; ping++) {
      const timestamp = hour.dayStart + (seconds[ping] as number) * 1000;
      const zone = zones[ping] as number;
      writePing(hour, timestamp, bleId, identified ? customerId : -1, random, zone);
      if (previousZone >= 0 && previousZone !== zone) writeZoneChange(hour, timestamp, bleId, identified ? customerId : -1, previousZone, zone);
      previousZone = zone;
    }
  }
}

/**
 * Seconds from entering to leaving: `meanVisitSeconds` x a basket factor
 * (0.5 for a return; 0.6 + 0.2 ln(1 + total / $10) for a sale, at most 2)
 * x uniform(0.7, 1.3), within [minimumVisitSeconds, longestVisitFactor x mean].
 */
function visitSeconds(random: Random, total: number, isReturn: boolean, meanVisitSeconds: number): number {
  const basket = isReturn ? 0.5 : Math.min(2, 0.6 + 0.2 * Math.log1p(Math.abs(total) / 1000));
  const seconds = Math.round(meanVisitSeconds * basket * random.float(0.7, 1.3));
  return Math.min(visitTiming.longestVisitFactor * meanVisitSeconds, Math.max(visitTiming.minimumVisitSeconds, seconds));
}

/** The next department (index into sensors.departments): often the same, else another by weight. */
function nextDepartment(random: Random, sensors: StoreSensors, current: number): number {
  const count = sensors.departments.length;
  if (current >= 0 && (count === 1 || random.chance(stayChance))) return current;
  for (let attempt = 0; attempt < 8; attempt++) {
    const drawn = random.weightedIndex(sensors.departmentWeights);
    if (drawn !== current) return drawn;
  }
  return (current + 1) % count;
}

function writePing(hour: VisitPingsHour, timestamp: number, bleId: string, customerId: number, random: Random, zone: number): void {
  const builder = hour.pings;
  const columns = builder.writers(pingColumns);
  columns.eventTs.set(timestamp);
  columns.storeId.set(hour.storeId);
  columns.beaconId.set(hour.sensors.beaconIds[zone] as string);
  columns.customerBleId.set(bleId);
  if (customerId < 0) columns.customerId.setNull();
  else columns.customerId.set(customerId);
  columns.rssi.set(Math.min(-30, Math.max(-98, Math.round(random.normal(-62, 9)))));
  columns.zone.set(sensorZones[zone] as string);
  builder.endRow();
}

function writeZoneChange(hour: VisitPingsHour, timestamp: number, bleId: string, customerId: number, from: number, to: number): void {
  const builder = hour.zoneChanges;
  const columns = builder.writers(zoneChangeColumns);
  columns.eventTs.set(timestamp);
  columns.storeId.set(hour.storeId);
  columns.customerBleId.set(bleId);
  if (customerId < 0) columns.customerId.setNull();
  else columns.customerId.set(customerId);
  columns.fromZone.set(sensorZones[from] as string);
  columns.toZone.set(sensorZones[to] as string);
  builder.endRow();
}

/** fact_ble_pings' column writers (1.2M rows in the 10M-row bench: no lookup by name per value). */
function pingColumns(builder: ColumnBatchBuilder) {
  return {
    eventTs: builder.numbers('EventTS'),
    storeId: builder.numbers('StoreID'),
    beaconId: builder.strings('BeaconId'),
    customerBleId: builder.strings('CustomerBLEId'),
    customerId: builder.numbers('CustomerID'),
    rssi: builder.numbers('RSSI'),
    zone: builder.strings('Zone'),
  };
}

/** fact_customer_zone_changes' column writers. */
function zoneChangeColumns(builder: ColumnBatchBuilder) {
  return {
    eventTs: builder.numbers('EventTS'),
    storeId: builder.numbers('StoreID'),
    customerBleId: builder.strings('CustomerBLEId'),
    customerId: builder.numbers('CustomerID'),
    fromZone: builder.strings('FromZone'),
    toZone: builder.strings('ToZone'),
  };
}

function unknownCustomer(customerId: number): never {
  throw new Error(`receipts published customer ${customerId}, which is not in dim_customers`);
}
