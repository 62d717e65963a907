import {
  defineCompositionPoint,
  inventoryLedgerPoint,
  requireDim,
  storeReplenishmentPoint,
  type FactHooks,
  type GeneratorPlugin,
  type ReorderRequests,
} from '@retail-datagen/generator-core';
import { InvalidArgumentError, factReorders, factStockouts, factStoreInventoryTxn } from '@retail-datagen/models';
import { createInventoryPlan, inventoryPlanPoint } from './inventory-plan.js';
import { createReorderRequests } from './reorder-requests.js';
import { reviewReorders } from './reorder-review.js';
import { StoreInventoryLedger } from './store-inventory-ledger.js';
import { createStoreInventoryState, type StoreInventoryState } from './store-inventory-state.js';
import { maximumRunDays } from './transaction-sequence.js';

const id = 'inventory';
/** The unit's ledger with the package's own entry points (initial stock, booked deliveries). */
const unitLedgerPoint = defineCompositionPoint<StoreInventoryLedger>('inventory-unit-ledger');

/**
 * Creates the store inventory generator: it provides the store inventory
 * ledger (`inventoryLedgerPoint`) that receipts, logistics and online orders
 * post to, and writes fact_store_inventory_txn (INITIAL stock on the first
 * day, then every posted movement), fact_stockouts (demand the shelf could not
 * meet) and fact_reorders (raised at closing time when on hand plus in transit
 * falls to the reorder point).
 *
 * It delivers nothing itself: it publishes the unit's reorder requests
 * ({@link ReorderRequests}, also its unit summary) and a delivery dock on
 * `storeReplenishmentPoint`; the package that delivers (logistics) reads the
 * requests and books arrivals, which are posted as DELIVERY rows at the top of
 * their hour and settle the units in transit. Without such a package, reorders
 * stay in transit and are not raised again.
 *
 * @example
 * ```ts
 * import { createGeneratorRegistry, FactEngine } from '@retail-datagen/generator-core';
 * import { master } from '@retail-datagen/generator-master';
 *
 * const engine = new FactEngine(createGeneratorRegistry({ master, seasonal, inventory, receipts, logistics }), run, { partitions: 16 });
 * ```
 */
export function createInventoryGenerator(): GeneratorPlugin {
  const facts: FactHooks<undefined, StoreInventoryState, ReorderRequests> = {
    setup({ run, slots }) {
      const days = run.lastDay - run.firstDay + 1;
      if (days > maximumRunDays) throw new InvalidArgumentError('inventory date range', `${days} days`, `at most ${maximumRunDays} days (txn_seq must stay exact)`);
      slots.provide(inventoryPlanPoint, createInventoryPlan(run), id);
    },
    createStoreState(run) {
      return createStoreInventoryState(requireDim(run.dims, 'dim_products').length);
    },
    createUnitSummary: createReorderRequests,
    startUnit(context) {
      const ledger = new StoreInventoryLedger({
        plan: context.slots.get(inventoryPlanPoint, id),
        dayNumber: context.dayNumber,
        dayIndex: context.dayIndex,
        storeIndices: context.storeIndices,
        stateOf: context.stateOf,
        transactions: context.emit(factStoreInventoryTxn),
        stockouts: context.emit(factStockouts),
      });
      context.slots.provide(inventoryLedgerPoint, ledger, id);
      context.slots.provide(unitLedgerPoint, ledger, id);
      context.slots.provide(storeReplenishmentPoint, { requests: context.summary, book: (delivery) => ledger.book(delivery) }, id);
    },
    startStoreDay(context) {
      const ledger = context.slots.get(unitLedgerPoint, id);
      ledger.openStoreDay(context.storeIndex, context.demand.isClosed(context.storeIndex, context.dayNumber));
    },
    storeHour(context) {
      context.slots.get(unitLedgerPoint, id).postBookedDeliveries(context.storeIndex, context.hour);
    },
    endStoreDay(context) {
      const { state } = context;
      if (state.closed === 1) return;
      reviewReorders({
        plan: context.slots.get(unitLedgerPoint, id).plan,
        state,
        storeIndex: context.storeIndex,
        dayNumber: context.dayNumber,
        reorders: context.emit(factReorders),
        requests: context.summary,
      });
    },
  };
  return {
    specificationVersion: 'v1',
    id,
    description: 'Store inventory: the inventory ledger, initial stock, stockouts, reorders and the delivery dock',
    requires: ['master'],
    tables: [factStoreInventoryTxn, factStockouts, factReorders],
    facts: facts as FactHooks,
  };
}

/**
 * The store inventory generator.
 *
 * @example
 * ```ts
 * const registry = createGeneratorRegistry({ master, seasonal, inventory, receipts, logistics });
 * ```
 */
export const inventory: GeneratorPlugin = createInventoryGenerator();
