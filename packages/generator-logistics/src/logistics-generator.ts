import {
  dcInventoryPoint,
  storeReplenishmentPoint,
  timestampOf,
  type ChainContext,
  type FactHooks,
  type FactRun,
  type GeneratorPlugin,
  type ReorderPriority,
  type ReorderRequests,
  type StoreContext,
} from '@retail-datagen/generator-core';
import { InvalidArgumentError, factDcInventoryTxn, factTruckInventory, factTruckMoves } from '@retail-datagen/models';
import { DcInventoryLedger } from './dc-inventory-ledger.js';
import { createLogisticsPlan, type LogisticsPlan } from './logistics-plan.js';
import { createLogisticsChainState, createStoreArrivals, type DcBacklog, type LogisticsChainState, type StoreArrivals } from './logistics-state.js';
import { dueSupplierShipments, reviewSupplierOrders } from './supplier-orders.js';
import { dispatchRound, type DispatchContext } from './truck-dispatch.js';
import { writeStatusesBefore } from './truck-lifecycle.js';

const id = 'logistics';
const hour = 3_600_000;
/** Runs longer than this would push the DC `txn_seq` past exact doubles. */
export const maximumLogisticsRunDays = 9_000;
const priorityRank: Readonly<Record<ReorderPriority, number>> = { NORMAL: 0, HIGH: 1, URGENT: 2 };

type Chain = ChainContext<LogisticsChainState, StoreArrivals, ReorderRequests>;
type Store = StoreContext<StoreArrivals, ReorderRequests>;

/**
 * Creates the logistics generator: distribution-center inventory and the
 * trucks that replenish stores. It needs the inventory package (store side),
 * whose reorders it fulfils and whose dock it delivers to.
 *
 * Each day, in the chain phase, in one place:
 *
 * - DC stock: INITIAL rows on the first day (`dcInitialDaysOfSupply` days of
 *   the expected sales of the stores a DC serves), RECEIVING rows from a few
 *   supplier shipments a day (`supplierShipmentsPerDcPerDay` lanes, ordered
 *   `supplierLeadTimeDays` before when a DC's position falls to
 *   `dcReorderPointDays`), SHIPMENT rows (negative) when a store shipment is
 *   loaded, ONLINE_ORDER rows (negative) when an online order is picked from
 *   the DC; balances never go negative (fact_dc_inventory_txn);
 * - store reorders (raised at the stores' closing review the day before) are
 *   fulfilled by the DC of the store's region, in hourly dispatch rounds; what
 *   the DC lacks stays backordered and ships when supplier goods arrive;
 * - trucks: the DC's own trucks first, then pool trucks; large orders are
 *   split over several trucks; each shipment runs SCHEDULED, LOADING,
 *   IN_TRANSIT, ARRIVED, UNLOADING, COMPLETED with rising times, travel time
 *   from the great-circle distance and `truckSpeedKmh`; a truck carries one
 *   shipment at a time (fact_truck_moves, fact_truck_inventory).
 *
 * After its own movements of the day (in startDay, and again in endDay once
 * the day's reorders are backlogged), it provides `dcInventoryPoint`, from
 * which packages later in registry order draw free DC stock (ONLINE_ORDER
 * rows, negative, source = order id): on hand minus what the DC owes its
 * stores, so online orders never shrink or invalidate a store shipment.
 *
 * In the store phase, each store books its arrivals of the day on the
 * inventory dock, which posts them as DELIVERY rows (source = shipment id) at
 * the unloading hour: per shipment and product, LOAD = UNLOAD = DELIVERY =
 * minus the DC SHIPMENT.
 *
 * @example
 * ```ts
 * import { createGeneratorRegistry, FactEngine } from '@retail-datagen/generator-core';
 *
 * const registry = createGeneratorRegistry({ master, seasonal, inventory, receipts, logistics: createLogisticsGenerator() });
 * const engine = new FactEngine(registry, run, { partitions: 16 });
 * engine.runDay(run.firstDay + 1).batches; // ... fact_dc_inventory_txn, fact_truck_moves, fact_truck_inventory
 * ```
 */
export function createLogisticsGenerator(): GeneratorPlugin {
  // A pure function of the run: reused when several engines of a thread share one run.
  const plans = new WeakMap<FactRun, LogisticsPlan>();
  const planOf = (run: FactRun): LogisticsPlan => {
    let plan = plans.get(run);
    if (!plan) {
      plan = createLogisticsPlan(run);
      plans.set(run, plan);
    }
    return plan;
  };

  const facts: FactHooks<LogisticsChainState, StoreArrivals, ReorderRequests> = {
    setup({ run }) {
      const days = run.lastDay - run.firstDay + 1;
      if (days > maximumLogisticsRunDays) {
        throw new InvalidArgumentError('logistics date range', `${days} days`, `at most ${maximumLogisticsRunDays} days (txn_seq must stay exact)`);
      }
      planOf(run);
    },
    createChainState: (run) => createLogisticsChainState(planOf(run)),
    createStoreState: () => createStoreArrivals(),
    createUnitSummary: () => ({ storeIndices: [], productIndices: [], quantities: [], priorities: [] }),
    startDay: (context) => {
      const ledger = runDcDay(planOf(context.run), context);
      context.slots.provide(dcInventoryPoint, ledger.asDcInventory(), id);
    },
    startStoreDay: bookArrivals,
    endStoreDay: collectReorders,
    endDay: (context) => {
      const plan = planOf(context.run);
      takeReorders(plan, context);
      const ledger = new DcInventoryLedger({ plan, state: context.state, dayNumber: context.dayNumber, dayIndex: context.dayIndex, transactions: context.emit(factDcInventoryTxn) });
      context.slots.provide(dcInventoryPoint, ledger.asDcInventory(), id);
    },
  };
  return {
    specificationVersion: 'v1',
    id,
    description: "DC inventory, supplier receiving, store reorders fulfilled by the DC of the store's region, and truck shipments with their timeline and loads",
    requires: ['master', 'inventory'],
    tables: [factDcInventoryTxn, factTruckMoves, factTruckInventory],
    facts: facts as FactHooks,
  };
}

/**
 * The logistics generator.
 *
 * @example
 * ```ts
 * const registry = createGeneratorRegistry({ master, seasonal, inventory, receipts, logistics });
 * ```
 */
export const logistics: GeneratorPlugin = createLogisticsGenerator();

/** The chain phase of a DC day: initial stock, then hour by hour each DC's dispatch round and supplier arrivals, then the truck statuses of the day. Returns the day's ledger. */
function runDcDay(plan: LogisticsPlan, context: Chain): DcInventoryLedger {
  const { state, dayNumber, dayIndex } = context;
  const ledger = new DcInventoryLedger({ plan, state, dayNumber, dayIndex, transactions: context.emit(factDcInventoryTxn) });
  if (dayIndex === 0) {
    const days = plan.settings.dcInitialDaysOfSupply;
    ledger.writeInitialStock((dc, product) =>
      (plan.dcActiveDays[product] as number) <= dayNumber ? Math.round(days * (plan.dcDailyUnits[dc * plan.productCount + product] as number)) : 0,
    );
  }
  const supplierShipments = dueSupplierShipments(plan, state, dayNumber, (dc) => context.random('supplier', dc));
  const received = new Int32Array(plan.dcCount);
  const dispatch: DispatchContext = { plan, state, ledger, demand: context.demand, dayNumber, arrivalsOf: (store) => context.stateOf(store) };
  for (let hourOfDay = 0; hourOfDay < 24; hourOfDay++) {
    const time = timestampOf(dayNumber, hourOfDay);
    // DCs take turns at the pool trucks: who goes first rotates every round.
    for (let turn = 0; turn < plan.dcCount; turn++) dispatchRound(dispatch, (turn + dayIndex * 24 + hourOfDay) % plan.dcCount, time);
    for (let dc = 0; dc < plan.dcCount; dc++) {
      const shipments = supplierShipments[dc] ?? [];
      for (let next = received[dc] as number; next < shipments.length && (shipments[next]?.time as number) < time + hour; next++) {
        const shipment = shipments[next];
        if (shipment === undefined) break;
        shipment.products.forEach((product, line) => {
          const units = shipment.quantities[line] as number;
          ledger.receive(dc, product, units, shipment.time, shipment.id);
          const cell = dc * plan.productCount + product;
          state.supplierOnOrder[cell] = (state.supplierOnOrder[cell] as number) - units;
        });
        received[dc] = next + 1;
      }
    }
  }
  writeStatusesBefore(plan, state.shipments, timestampOf(dayNumber + 1), { moves: context.emit(factTruckMoves), inventory: context.emit(factTruckInventory) });
  return ledger;
}

/** Store phase, start of a store-day: today's arrivals go on the inventory dock at their unloading hour. */
function bookArrivals(context: Store): void {
  const { state, storeIndex, dayNumber } = context;
  if (state.days.length === 0) return;
  const dock = context.slots.get(storeReplenishmentPoint, id);
  let kept = 0;
  for (let index = 0; index < state.days.length; index++) {
    const day = state.days[index] as number;
    if (day < dayNumber) throw new Error(`logistics: shipment ${state.shipments[index]} was due at store index ${storeIndex} on day ${day}, before this day ${dayNumber}`);
    if (day === dayNumber) {
      dock.book({
        storeIndex,
        productIndex: state.products[index] as number,
        quantity: state.quantities[index] as number,
        hour: state.hours[index] as number,
        source: state.shipments[index] as string,
      });
      continue;
    }
    state.days[kept] = day;
    state.hours[kept] = state.hours[index] as number;
    state.products[kept] = state.products[index] as number;
    state.quantities[kept] = state.quantities[index] as number;
    state.shipments[kept] = state.shipments[index] as string;
    kept++;
  }
  for (const list of [state.days, state.hours, state.products, state.quantities, state.shipments]) list.length = kept;
}

/**
 * Store phase, end of a store-day (after the inventory package's review of
 * the same store): the store's new reorder requests go into this package's
 * unit summary, for `endDay`.
 */
function collectReorders(context: Store): void {
  const { requests } = context.slots.get(storeReplenishmentPoint, id);
  const summary = context.summary;
  for (let index = summary.storeIndices.length; index < requests.storeIndices.length; index++) {
    summary.storeIndices.push(requests.storeIndices[index] as number);
    summary.productIndices.push(requests.productIndices[index] as number);
    summary.quantities.push(requests.quantities[index] as number);
    summary.priorities.push(requests.priorities[index] as ReorderPriority);
  }
}

/**
 * Chain phase, end of day: the day's reorders join the backlog of the DC
 * serving each store (most urgent first, then by store and product, so the
 * partition count changes nothing), and DCs order from suppliers.
 */
function takeReorders(plan: LogisticsPlan, context: Chain): void {
  const { state, dayNumber } = context;
  const stores: number[] = [];
  const products: number[] = [];
  const quantities: number[] = [];
  const priorities: number[] = [];
  for (const summary of context.summaries) {
    for (let index = 0; index < summary.storeIndices.length; index++) {
      stores.push(summary.storeIndices[index] as number);
      products.push(summary.productIndices[index] as number);
      quantities.push(summary.quantities[index] as number);
      priorities.push(priorityRank[summary.priorities[index] as ReorderPriority]);
    }
  }
  const order = Array.from(stores.keys()).sort(
    (left, right) =>
      (priorities[right] as number) - (priorities[left] as number) ||
      (stores[left] as number) - (stores[right] as number) ||
      (products[left] as number) - (products[right] as number),
  );
  const since = timestampOf(dayNumber + 1);
  const requestedToday = new Float64Array(plan.dcCount * plan.productCount);
  for (const index of order) {
    const store = stores[index] as number;
    const product = products[index] as number;
    const quantity = quantities[index] as number;
    if (!(quantity > 0)) continue;
    const dc = plan.dcOfStore[store] as number;
    const backlog = state.backlogs[dc] as DcBacklog;
    backlog.stores.push(store);
    backlog.products.push(product);
    backlog.remaining.push(quantity);
    backlog.priorities.push(priorities[index] as number);
    backlog.since.push(since);
    const cell = dc * plan.productCount + product;
    state.backordered[cell] = (state.backordered[cell] as number) + quantity;
    requestedToday[cell] = (requestedToday[cell] as number) + quantity;
  }
  reviewSupplierOrders(plan, state, dayNumber, requestedToday);
}
