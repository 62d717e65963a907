import { timestampOf } from '@retail-datagen/generator-core';
import type { LogisticsPlan } from './logistics-plan.js';

/**
 * Store requests a DC has not shipped yet, oldest first, as parallel arrays.
 * Units the DC lacks stay here (backordered) until stock arrives.
 *
 * @example
 * ```ts
 * const backlog = state.backlogs[dc];
 * backlog.remaining.reduce((sum, units) => sum + units, 0); // units the DC still owes its stores
 * ```
 */
export interface DcBacklog {
  readonly stores: number[];
  readonly products: number[];
  /** Units still to ship (> 0). */
  readonly remaining: number[];
  /** 0 NORMAL, 1 HIGH, 2 URGENT. */
  readonly priorities: number[];
  /** When the request reached the DC (ms): the end of the day the store raised it. */
  readonly since: number[];
}

/**
 * A store shipment whose statuses are not all written yet.
 *
 * @example
 * ```ts
 * const [scheduled, , departure, arrival] = state.shipments[0].times;
 * ```
 */
export interface ShipmentInFlight {
  readonly id: string;
  readonly truck: number;
  readonly dc: number;
  readonly store: number;
  /** SCHEDULED, LOADING, IN_TRANSIT, ARRIVED, UNLOADING, COMPLETED times (ms), rising. */
  readonly times: number[];
  readonly products: number[];
  readonly quantities: number[];
  /** Statuses written so far (0-6). */
  written: number;
}

/**
 * Supplier purchase orders on their way to DCs, as parallel arrays.
 *
 * @example
 * ```ts
 * state.supplierOrders.arrivalDays.filter((day) => day === tomorrow).length; // order lines arriving tomorrow
 * ```
 */
export interface SupplierOrders {
  readonly arrivalDays: number[];
  readonly dcs: number[];
  readonly products: number[];
  readonly quantities: number[];
}

/**
 * The logistics package's chain-wide state, carried from day to day: DC
 * stock, supplier orders, backlogs, the fleet and shipments in flight. Only
 * structured-clone data: it goes into checkpoints.
 *
 * @example
 * ```ts
 * const state = createLogisticsChainState(plan);
 * state.dcBalances[dc * plan.productCount + product]; // units on hand
 * ```
 */
export interface LogisticsChainState {
  /** Units on hand by `[dc * productCount + product]`; never negative. */
  readonly dcBalances: Int32Array;
  /** Units ordered from suppliers and not yet received. */
  readonly supplierOnOrder: Int32Array;
  /** Units stores requested and the DC has not shipped yet. */
  readonly backordered: Int32Array;
  /** Smoothed units requested a day (exponential average over about two weeks), seeded with the plan. */
  readonly requestedDaily: Float64Array;
  readonly supplierOrders: SupplierOrders;
  readonly backlogs: DcBacklog[];
  /** When each truck is back at its base and free (ms). */
  readonly truckFreeAt: Float64Array;
  /** DC index each truck is at (or returns to). */
  readonly truckLocations: Int32Array;
  readonly shipments: ShipmentInFlight[];
  /** Day number the counters below belong to. */
  counterDay: number;
  /** DC inventory movements posted by each DC on `counterDay` (the last part of txn_seq). */
  readonly dcTransactions: Int32Array;
  /** Store shipments each DC scheduled on `counterDay`. */
  readonly dcShipments: Int32Array;
  /** Time (ms) of each DC's latest inventory movement: later postings may not go back before it. */
  readonly dcLastMovementAt: Float64Array;
}

/**
 * The chain state before the first day: empty DCs (the first day writes the
 * INITIAL stock), trucks free at their DC (pool truck `i` at DC `i mod dcCount`).
 *
 * @example
 * ```ts
 * const state = createLogisticsChainState(createLogisticsPlan(run));
 * ```
 */
export function createLogisticsChainState(plan: LogisticsPlan): LogisticsChainState {
  const cells = plan.dcCount * plan.productCount;
  const truckLocations = Int32Array.from(plan.truckDc);
  plan.poolTrucks.forEach((truck, index) => {
    truckLocations[truck] = index % plan.dcCount;
  });
  return {
    dcBalances: new Int32Array(cells),
    supplierOnOrder: new Int32Array(cells),
    backordered: new Int32Array(cells),
    requestedDaily: Float64Array.from(plan.dcDailyUnits),
    supplierOrders: { arrivalDays: [], dcs: [], products: [], quantities: [] },
    backlogs: Array.from({ length: plan.dcCount }, () => ({ stores: [], products: [], remaining: [], priorities: [], since: [] })),
    truckFreeAt: new Float64Array(plan.truckCount).fill(timestampOf(plan.firstDay)),
    truckLocations,
    shipments: [],
    counterDay: -1,
    dcTransactions: new Int32Array(plan.dcCount),
    dcShipments: new Int32Array(plan.dcCount),
    dcLastMovementAt: new Float64Array(plan.dcCount).fill(timestampOf(plan.firstDay)),
  };
}

/** Starts the per-day counters on a new day. */
export function startCounters(state: LogisticsChainState, dayNumber: number): void {
  if (state.counterDay === dayNumber) return;
  state.counterDay = dayNumber;
  state.dcTransactions.fill(0);
  state.dcShipments.fill(0);
}

/**
 * Deliveries on their way to one store (the logistics package's store
 * state), as parallel arrays: the chain phase schedules them, the store phase
 * books them on the inventory dock on their day.
 *
 * @example
 * ```ts
 * const arrivals = createStoreArrivals();
 * arrivals.days.length; // 0
 * ```
 */
export interface StoreArrivals {
  readonly days: number[];
  /** Hour unloading starts (the DELIVERY time is that hour:00). */
  readonly hours: number[];
  readonly products: number[];
  readonly quantities: number[];
  readonly shipments: string[];
}

/**
 * An empty list of arrivals.
 *
 * @example
 * ```ts
 * createStoreArrivals().shipments; // []
 * ```
 */
export function createStoreArrivals(): StoreArrivals {
  return { days: [], hours: [], products: [], quantities: [], shipments: [] };
}
