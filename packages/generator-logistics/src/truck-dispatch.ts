import type { DemandMultiplier } from '@retail-datagen/generator-core';
import type { DcInventoryLedger } from './dc-inventory-ledger.js';
import type { LogisticsPlan } from './logistics-plan.js';
import type { DcBacklog, LogisticsChainState, StoreArrivals } from './logistics-state.js';
import { storeShipmentId } from './shipment-ids.js';
import { shipmentTimeline, type ShipmentTimeline } from './truck-lifecycle.js';

const minute = 60_000;
const hour = 3_600_000;

/** What a dispatch round works with. */
export interface DispatchContext {
  readonly plan: LogisticsPlan;
  readonly state: LogisticsChainState;
  readonly ledger: DcInventoryLedger;
  readonly demand: DemandMultiplier;
  readonly dayNumber: number;
  /** The logistics package's arrivals of a store (the chain phase's `stateOf`). */
  arrivalsOf(storeIndex: number): StoreArrivals;
}

/**
 * One dispatch round of a DC at `time` (a whole hour): the DC's backlog is
 * served oldest request first (then most urgent, then by store and product),
 * each line with what the DC has on hand and has not promised to an earlier
 * line; what it lacks stays backordered. Stores are then loaded in the order
 * of their first line, one truck per shipment, the DC's own trucks first,
 * then pool trucks:
 *
 * - a truck is free when it is back at its DC (a pool truck: back, plus its
 *   drive from where it is to this DC);
 * - chilled lines ride refrigerated trucks (any truck when the DC can get no
 *   refrigerated truck at all); a refrigerated truck takes chilled lines
 *   first, then fills up with the store's other lines;
 * - a load bigger than a truck is split over several trucks (shipments);
 * - a truck leaves once filled to `minimumLoadShare`, or when the load's
 *   oldest request has waited `maximumHoldHours`; otherwise the store's lines
 *   wait for the next round;
 * - a shipment is sent just in time: when leaving now would have the loaded
 *   truck wait an hour or more at the DC for the store's next receiving slot
 *   (a closed store, a night), a later round sends it and the truck serves
 *   others meanwhile.
 *
 * Each shipment takes its units out of the DC (SHIPMENT rows at the loading
 * time), is scheduled as arrivals in the store's state, and keeps its truck
 * busy until the truck is back.
 *
 * @example
 * ```ts
 * for (let hour = 0; hour < 24; hour++) dispatchRound(context, dc, timestampOf(dayNumber, hour));
 * ```
 */
export function dispatchRound(context: DispatchContext, dc: number, time: number): void {
  const { plan, state } = context;
  const backlog = state.backlogs[dc] as DcBacklog;
  const lines = backlog.remaining.length;
  if (lines === 0 || !anyTruckFree(plan, state, dc, time)) return;

  // Promise stock to lines in backlog order; group the lines by store.
  const productCount = plan.productCount;
  const promised = new Map<number, number>();
  const shippable = new Int32Array(lines);
  const linesOfStore = new Map<number, number[]>();
  for (let line = 0; line < lines; line++) {
    const product = backlog.products[line] as number;
    const available = (state.dcBalances[dc * productCount + product] as number) - (promised.get(product) ?? 0);
    const units = Math.min(backlog.remaining[line] as number, available);
    if (units <= 0) continue;
    promised.set(product, (promised.get(product) ?? 0) + units);
    shippable[line] = units;
    const store = backlog.stores[line] as number;
    const list = linesOfStore.get(store);
    if (list) list.push(line);
    else linesOfStore.set(store, [line]);
  }

  const anyTruckAllowed = plan.refrigeratedReachable[dc] === 0;
  const minimumShare = plan.settings.minimumLoadShare;
  const holdLimit = plan.settings.maximumHoldHours * hour;
  let shipped = false;
  stores: for (const [store, storeLines] of linesOfStore) {
    for (;;) {
      let chilled = false;
      let ambient = false;
      for (const line of storeLines) {
        if ((shippable[line] as number) <= 0) continue;
        if (!anyTruckAllowed && plan.productRefrigerated[backlog.products[line] as number] === 1) chilled = true;
        else ambient = true;
      }
      if (!chilled && !ambient) break;
      const truck = pickTruck(plan, state, dc, time, chilled, !ambient);
      // No refrigerated truck for chilled-only lines: other stores may still get one for theirs. No truck at all: the round is over.
      if (truck < 0) {
        if (!ambient) continue stores;
        break stores;
      }
      const refrigerated = plan.truckRefrigerated[truck] === 1;
      const capacity = plan.truckCapacities[truck] as number;
      const loadLines: number[] = [];
      const loadUnits: number[] = [];
      let load = 0;
      let oldest = Number.POSITIVE_INFINITY;
      // A refrigerated truck takes the chilled lines first; an ordinary one only ambient lines.
      for (const pass of refrigerated ? [true, false] : [false]) {
        for (const line of storeLines) {
          if (load >= capacity) break;
          const left = shippable[line] as number;
          if (left <= 0) continue;
          const isChilled = !anyTruckAllowed && plan.productRefrigerated[backlog.products[line] as number] === 1;
          if (isChilled !== pass) continue;
          const units = Math.min(left, capacity - load);
          loadLines.push(line);
          loadUnits.push(units);
          load += units;
          oldest = Math.min(oldest, backlog.since[line] as number);
        }
      }
      if (load === 0) continue stores;
      if (load < minimumShare * capacity && time - oldest < holdLimit) continue stores;
      const timeline = shipmentTimeline(plan, context.demand, store, time, load, capacity);
      // Leaving now would idle at the DC for a later receiving slot: a later round sends it just in time.
      if (timeline.idleMinutes >= 60) continue stores;
      for (let index = 0; index < loadLines.length; index++) {
        const line = loadLines[index] as number;
        shippable[line] = (shippable[line] as number) - (loadUnits[index] as number);
      }
      ship(context, dc, store, truck, timeline, loadLines, loadUnits);
      shipped = true;
    }
  }
  if (shipped) compactBacklog(backlog);
}

/** True when some truck could start a shipment for the DC at `time`. */
function anyTruckFree(plan: LogisticsPlan, state: LogisticsChainState, dc: number, time: number): boolean {
  for (const truck of plan.ownTrucks[dc] as Int32Array) if ((state.truckFreeAt[truck] as number) <= time) return true;
  for (const truck of plan.poolTrucks) if (poolTruckReadyAt(plan, state, truck, dc) <= time) return true;
  return false;
}

function poolTruckReadyAt(plan: LogisticsPlan, state: LogisticsChainState, truck: number, dc: number): number {
  const from = state.truckLocations[truck] as number;
  return (state.truckFreeAt[truck] as number) + (plan.travelMinutesBetweenDcs[from * plan.dcCount + dc] as number) * minute;
}

/**
 * The truck for the next shipment: the DC's own free trucks first, then free
 * pool trucks; within each, a refrigerated truck when chilled goods wait
 * (`preferRefrigerated`), an ordinary one otherwise, and the other kind when
 * that is all there is, unless the goods need refrigeration
 * (`requireRefrigerated`). Ties go to the lowest truck index. -1 when none.
 */
function pickTruck(plan: LogisticsPlan, state: LogisticsChainState, dc: number, time: number, preferRefrigerated: boolean, requireRefrigerated: boolean): number {
  const want = preferRefrigerated ? 1 : 0;
  let fallback = -1;
  for (const truck of plan.ownTrucks[dc] as Int32Array) {
    if ((state.truckFreeAt[truck] as number) > time) continue;
    if (plan.truckRefrigerated[truck] === want) return truck;
    if (fallback < 0) fallback = truck;
  }
  if (fallback >= 0 && !(requireRefrigerated && plan.truckRefrigerated[fallback] === 0)) return fallback;
  let poolFallback = -1;
  for (const truck of plan.poolTrucks) {
    if (poolTruckReadyAt(plan, state, truck, dc) > time) continue;
    if (plan.truckRefrigerated[truck] === want) return truck;
    if (poolFallback < 0) poolFallback = truck;
  }
  if (poolFallback >= 0 && !(requireRefrigerated && plan.truckRefrigerated[poolFallback] === 0)) return poolFallback;
  return -1;
}

/** Books one shipment: DC SHIPMENT rows, the backlog, the truck, the store's arrivals and the shipment in flight. */
function ship(
  context: DispatchContext,
  dc: number,
  store: number,
  truck: number,
  timeline: ShipmentTimeline,
  loadLines: readonly number[],
  loadUnits: readonly number[],
): void {
  const { plan, state, ledger, dayNumber } = context;
  const backlog = state.backlogs[dc] as DcBacklog;
  const sequence = (state.dcShipments[dc] as number) + 1;
  state.dcShipments[dc] = sequence;
  const id = storeShipmentId(plan.dcIds[dc] as number, dayNumber, sequence);

  // One line per product, in loading order.
  const unitsByProduct = new Map<number, number>();
  for (let index = 0; index < loadLines.length; index++) {
    const line = loadLines[index] as number;
    const product = backlog.products[line] as number;
    const units = loadUnits[index] as number;
    unitsByProduct.set(product, (unitsByProduct.get(product) ?? 0) + units);
    backlog.remaining[line] = (backlog.remaining[line] as number) - units;
    const cell = dc * plan.productCount + product;
    state.backordered[cell] = (state.backordered[cell] as number) - units;
  }
  const products = [...unitsByProduct.keys()];
  const quantities = [...unitsByProduct.values()];
  const loadingAt = timeline.times[1] as number;
  for (let index = 0; index < products.length; index++) ledger.ship(dc, products[index] as number, quantities[index] as number, loadingAt, id);

  state.truckFreeAt[truck] = timeline.truckFreeAt;
  state.truckLocations[truck] = dc;
  state.shipments.push({ id, truck, dc, store, times: timeline.times, products, quantities, written: 0 });

  const arrivals = context.arrivalsOf(store);
  for (let index = 0; index < products.length; index++) {
    arrivals.days.push(timeline.unloadingDay);
    arrivals.hours.push(timeline.unloadingHour);
    arrivals.products.push(products[index] as number);
    arrivals.quantities.push(quantities[index] as number);
    arrivals.shipments.push(id);
  }
}

/** Drops fully shipped lines, keeping the order of the rest. */
function compactBacklog(backlog: DcBacklog): void {
  let kept = 0;
  for (let line = 0; line < backlog.remaining.length; line++) {
    if ((backlog.remaining[line] as number) <= 0) continue;
    backlog.stores[kept] = backlog.stores[line] as number;
    backlog.products[kept] = backlog.products[line] as number;
    backlog.remaining[kept] = backlog.remaining[line] as number;
    backlog.priorities[kept] = backlog.priorities[line] as number;
    backlog.since[kept] = backlog.since[line] as number;
    kept++;
  }
  for (const list of [backlog.stores, backlog.products, backlog.remaining, backlog.priorities, backlog.since]) list.length = kept;
}
