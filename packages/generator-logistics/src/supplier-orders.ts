import { timestampOf, type Random } from '@retail-datagen/generator-core';
import type { LogisticsPlan } from './logistics-plan.js';
import type { LogisticsChainState } from './logistics-state.js';
import { supplierShipmentId } from './shipment-ids.js';

/** Supplier trucks arrive at DCs from this hour... */
export const firstSupplierHour = 5;
/** ...to this one (inclusive), always in the second half of the hour, after that hour's store dispatch. */
export const lastSupplierHour = 18;
/** Weight of today in the smoothed daily requests (about a two-week memory). */
export const requestSmoothing = 1 / 14;

/** One supplier shipment arriving at a DC. */
export interface SupplierShipment {
  readonly id: string;
  readonly dc: number;
  /** Arrival (ms). */
  readonly time: number;
  readonly products: number[];
  readonly quantities: number[];
}

/**
 * What a DC expects to ship a day of a product: the plan's estimate, or the
 * smoothed store requests when they run higher (peak season).
 *
 * @example
 * ```ts
 * dcForecast(plan, state, dc, product); // e.g. 240.5 units a day
 * ```
 */
export function dcForecast(plan: LogisticsPlan, state: LogisticsChainState, dc: number, product: number): number {
  const cell = dc * plan.productCount + product;
  return Math.max(plan.dcDailyUnits[cell] as number, state.requestedDaily[cell] as number);
}

/**
 * The DCs' end-of-day purchasing: folds the day's requested units into the
 * smoothed daily requests, then orders from suppliers every stocked product
 * whose position (on hand + on order - backordered) is at or below
 * `dcReorderPointDays` of its forecast, up to `dcReorderPointDays +
 * dcReorderQuantityDays` of it. Orders arrive `supplierLeadTimeDays` later.
 *
 * @example
 * ```ts
 * reviewSupplierOrders(plan, state, dayNumber, requestedToday);
 * state.supplierOrders.arrivalDays; // dayNumber + supplierLeadTimeDays for each new order
 * ```
 */
export function reviewSupplierOrders(plan: LogisticsPlan, state: LogisticsChainState, dayNumber: number, requestedToday: Float64Array): void {
  const { productCount, dcCount, settings } = plan;
  const orders = state.supplierOrders;
  for (let dc = 0; dc < dcCount; dc++) {
    for (let product = 0; product < productCount; product++) {
      const cell = dc * productCount + product;
      const smoothed = state.requestedDaily[cell] as number;
      state.requestedDaily[cell] = smoothed + requestSmoothing * ((requestedToday[cell] as number) - smoothed);
      if ((plan.dcActiveDays[product] as number) > dayNumber) continue;
      const forecast = dcForecast(plan, state, dc, product);
      if (!(forecast > 0)) continue;
      const position = (state.dcBalances[cell] as number) + (state.supplierOnOrder[cell] as number) - (state.backordered[cell] as number);
      const point = Math.ceil(settings.dcReorderPointDays * forecast);
      if (position > point) continue;
      const quantity = Math.ceil((settings.dcReorderPointDays + settings.dcReorderQuantityDays) * forecast) - position;
      if (quantity <= 0) continue;
      orders.arrivalDays.push(dayNumber + settings.supplierLeadTimeDays);
      orders.dcs.push(dc);
      orders.products.push(product);
      orders.quantities.push(quantity);
      state.supplierOnOrder[cell] = (state.supplierOnOrder[cell] as number) + quantity;
    }
  }
}

/**
 * Takes the supplier orders due today out of the state and groups each DC's
 * into shipments: product `p` comes by supplier lane `p mod
 * supplierShipmentsPerDcPerDay`, and each lane with goods due is one truck
 * arriving at a random time between {@link firstSupplierHour}:30 and
 * {@link lastSupplierHour}:59. Shipments are numbered by arrival time.
 *
 * @example
 * ```ts
 * const arrivals = dueSupplierShipments(plan, state, dayNumber, (dc) => context.random('supplier', dc));
 * arrivals[0]; // DC index 0's shipments of today, by arrival time
 * ```
 */
export function dueSupplierShipments(
  plan: LogisticsPlan,
  state: LogisticsChainState,
  dayNumber: number,
  randomOf: (dc: number) => Random,
): SupplierShipment[][] {
  const lanes = plan.settings.supplierShipmentsPerDcPerDay;
  const byLane: { products: number[]; quantities: number[] }[][] = Array.from({ length: plan.dcCount }, () =>
    Array.from({ length: lanes }, () => ({ products: [], quantities: [] })),
  );
  const orders = state.supplierOrders;
  let kept = 0;
  for (let index = 0; index < orders.arrivalDays.length; index++) {
    const arrival = orders.arrivalDays[index] as number;
    const dc = orders.dcs[index] as number;
    const product = orders.products[index] as number;
    const quantity = orders.quantities[index] as number;
    if (arrival <= dayNumber) {
      const lane = (byLane[dc] as { products: number[]; quantities: number[] }[])[product % lanes] as { products: number[]; quantities: number[] };
      lane.products.push(product);
      lane.quantities.push(quantity);
      continue;
    }
    orders.arrivalDays[kept] = arrival;
    orders.dcs[kept] = dc;
    orders.products[kept] = product;
    orders.quantities[kept] = quantity;
    kept++;
  }
  for (const list of [orders.arrivalDays, orders.dcs, orders.products, orders.quantities]) list.length = kept;

  return byLane.map((dcLanes, dc) => {
    const random = randomOf(dc);
    // Every lane draws its time, goods or not, so one lane's goods never move another's truck.
    const timed = dcLanes.map((lane, index) => ({
      lane: index,
      time: timestampOf(dayNumber, random.int(firstSupplierHour, lastSupplierHour), random.int(30, 59)),
      ...lane,
    }));
    const withGoods = timed.filter((lane) => lane.products.length > 0).sort((left, right) => left.time - right.time || left.lane - right.lane);
    return withGoods.map((lane, sequence) => ({
      id: supplierShipmentId(plan.dcIds[dc] as number, dayNumber, sequence + 1),
      dc,
      time: lane.time,
      products: lane.products,
      quantities: lane.quantities,
    }));
  });
}
