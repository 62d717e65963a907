import { truckStatuses } from '@retail-datagen/models';
import { millisecondsPerDay, type ColumnBatchBuilder, type DemandMultiplier } from '@retail-datagen/generator-core';
import type { LogisticsPlan } from './logistics-plan.js';
import type { ShipmentInFlight } from './logistics-state.js';

/** Every status of fact_truck_moves, in timeline order (declared with the table in the models). */
export { truckStatuses };

/**
 * The statuses of a store shipment, in the order they happen.
 *
 * @example
 * ```ts
 * const status: TruckStatus = 'IN_TRANSIT';
 * ```
 */
export type TruckStatus = (typeof truckStatuses)[number];

const minute = 60_000;
const hour = 3_600_000;
/** From scheduling to the start of loading. */
export const minutesToLoading = 10;
/** A truck reports ARRIVED this long before its unloading slot. */
export const minutesBeforeSlot = 15;
/** The shortest loading or unloading. */
export const minimumHandlingMinutes = 15;

/**
 * When each status of a shipment happens, and the store-day slot its goods are unloaded in.
 *
 * @example
 * ```ts
 * const { times, unloadingDay, unloadingHour } = shipmentTimeline(plan, demand, storeIndex, scheduledAt, units, capacity);
 * ```
 */
export interface ShipmentTimeline {
  /** SCHEDULED ... COMPLETED times (ms), strictly rising. */
  readonly times: number[];
  /** Day number and hour (0-23) unloading starts: the store's DELIVERY time. */
  readonly unloadingDay: number;
  readonly unloadingHour: number;
  /** When the truck is back at its DC and free (ms). */
  readonly truckFreeAt: number;
  /** Minutes the loaded truck waits at the DC before it leaves for the receiving slot. */
  readonly idleMinutes: number;
}

/**
 * The timeline of a shipment scheduled at `scheduledAt`: loading starts
 * {@link minutesToLoading} later and takes `loadingHours` for a full truck
 * (proportionally less for a partial load); unloading starts at the first
 * whole hour the store receives goods (an open day, between its first and
 * last receiving hour) that the truck can reach; the truck leaves the DC just
 * in time to arrive {@link minutesBeforeSlot} minutes before it, and drives
 * back after unloading.
 *
 * @example
 * ```ts
 * const timeline = shipmentTimeline(plan, engine.demand, storeIndex, timestampOf(day, 4), 9_000, 24_000);
 * timeline.times; // [04:00, 04:10, departure, arrival, unloading at hh:00, completed]
 * ```
 */
export function shipmentTimeline(
  plan: LogisticsPlan,
  demand: DemandMultiplier,
  storeIndex: number,
  scheduledAt: number,
  units: number,
  capacity: number,
): ShipmentTimeline {
  const share = Math.min(1, units / capacity);
  const loadingAt = scheduledAt + minutesToLoading * minute;
  const loadingMinutes = Math.max(minimumHandlingMinutes, Math.round(plan.settings.loadingHours * 60 * share));
  const unloadingMinutes = Math.max(minimumHandlingMinutes, Math.round(plan.settings.unloadingHours * 60 * share));
  const travel = (plan.travelMinutesToStore[storeIndex] as number) * minute;
  const earliestArrival = loadingAt + loadingMinutes * minute + travel;
  const slot = receivingSlot(plan, demand, storeIndex, earliestArrival + minutesBeforeSlot * minute);
  const arrivedAt = slot - minutesBeforeSlot * minute;
  const completedAt = slot + unloadingMinutes * minute;
  const unloadingDay = Math.floor(slot / millisecondsPerDay);
  return {
    times: [scheduledAt, loadingAt, arrivedAt - travel, arrivedAt, slot, completedAt],
    unloadingDay,
    unloadingHour: (slot - unloadingDay * millisecondsPerDay) / hour,
    truckFreeAt: completedAt + travel,
    idleMinutes: (arrivedAt - earliestArrival) / minute,
  };
}

/**
 * The first whole hour at or after `notBefore` in which the store takes
 * deliveries: a day it opens, an hour from its first to its last receiving
 * hour.
 *
 * @example
 * ```ts
 * receivingSlot(plan, demand, 0, timestampOf(day, 2, 20)); // e.g. timestampOf(day, 8) for a store opening at 8
 * ```
 */
export function receivingSlot(plan: LogisticsPlan, demand: DemandMultiplier, storeIndex: number, notBefore: number): number {
  const first = plan.firstReceivingHours[storeIndex] as number;
  const last = plan.lastReceivingHours[storeIndex] as number;
  const start = Math.ceil(notBefore / hour) * hour;
  let day = Math.floor(start / millisecondsPerDay);
  let slotHour = (start - day * millisecondsPerDay) / hour;
  for (let attempt = 0; attempt < 400; attempt++) {
    if (slotHour > last) {
      day++;
      slotHour = first;
      continue;
    }
    if (demand.isClosed(storeIndex, day)) {
      day++;
      slotHour = first;
      continue;
    }
    return day * millisecondsPerDay + Math.max(slotHour, first) * hour;
  }
  throw new RangeError(`logistics: store index ${storeIndex} takes no delivery in the 400 days after ${new Date(notBefore).toISOString()}`);
}

/** The builders the truck tables are written to. */
export interface TruckTables {
  readonly moves: ColumnBatchBuilder;
  readonly inventory: ColumnBatchBuilder;
}

/**
 * Writes every status of the shipments in flight that happens before
 * `until` (a LOAD row per product with LOADING, an UNLOAD row per product
 * with UNLOADING), in shipment order, and drops the shipments whose
 * timeline is complete. Statuses after `until` wait for a later day, so a
 * shipment still on its way when the history ends shows only its first
 * statuses.
 *
 * @example
 * ```ts
 * writeStatusesBefore(plan, state.shipments, timestampOf(dayNumber + 1), { moves, inventory });
 * ```
 */
export function writeStatusesBefore(plan: LogisticsPlan, shipments: ShipmentInFlight[], until: number, tables: TruckTables): void {
  let kept = 0;
  for (const shipment of shipments) {
    while (shipment.written < truckStatuses.length && (shipment.times[shipment.written] as number) < until) {
      writeStatus(plan, shipment, shipment.written, tables);
      shipment.written++;
    }
    if (shipment.written < truckStatuses.length) shipments[kept++] = shipment;
  }
  shipments.length = kept;
}

function writeStatus(plan: LogisticsPlan, shipment: ShipmentInFlight, status: number, tables: TruckTables): void {
  const truckId = plan.truckIds[shipment.truck] as number;
  const dcId = plan.dcIds[shipment.dc] as number;
  const storeId = plan.storeIds[shipment.store] as number;
  const time = shipment.times[status] as number;
  const { moves, inventory } = tables;
  moves.pushString('ShipmentId', shipment.id);
  moves.pushNumber('TruckID', truckId);
  moves.pushNumber('DCID', dcId);
  moves.pushNumber('StoreID', storeId);
  moves.pushString('Status', truckStatuses[status] as TruckStatus);
  moves.pushNumber('EventTS', time);
  moves.pushNumber('ETA', shipment.times[3] as number);
  moves.pushNumber('ETD', shipment.times[2] as number);
  moves.endRow();
  const loading = status === 1;
  if (!loading && status !== 4) return;
  for (let line = 0; line < shipment.products.length; line++) {
    inventory.pushString('ShipmentId', shipment.id);
    inventory.pushNumber('TruckID', truckId);
    inventory.pushNumber('ProductID', plan.productIds[shipment.products[line] as number] as number);
    inventory.pushNumber('Quantity', shipment.quantities[line] as number);
    inventory.pushString('Action', loading ? 'LOAD' : 'UNLOAD');
    inventory.pushNumber('EventTS', time);
    inventory.pushString('LocationType', loading ? 'DC' : 'STORE');
    inventory.pushNumber('LocationID', loading ? dcId : storeId);
    inventory.endRow();
  }
}
