import {
  defineCompositionPoint,
  inventoryLedgerPoint,
  requireDim,
  type FactHooks,
  type GeneratorPlugin,
} from '@retail-datagen/generator-core';
import { InvalidArgumentError, factReorders, factStockouts, factStoreInventoryTxn } from '@retail-datagen/models';
import { createInventoryPlan, inventoryPlanPoint } from './inventory-plan.js';
import { createReorderRequests, type ReorderRequests } from './reorder-requests.js';
import { reviewReorders } from './reorder-review.js';
import { deliverDueShipments, replenishmentModes, type ReplenishmentMode } from './replenishment-stand-in.js';
import { StoreInventoryLedger } from './store-inventory-ledger.js';
import { createStoreInventoryState, type StoreInventoryState } from './store-inventory-state.js';
import { maximumRunDays } from './transaction-sequence.js';

/** Knobs of the inventory generator; every one has a default. */
export interface InventoryGeneratorOptions {
  /**
   * Who delivers store reorders: `'stand-in'` (default) delivers each in full
   * `inventory.leadTimeDays` later; `'none'` leaves deliveries to another
   * package posting DELIVERY movements to the ledger.
   */
  readonly replenishment?: ReplenishmentMode;
}

const id = 'inventory';
/** The unit's ledger with the package's own entry points (initial stock, deliveries). */
const unitLedgerPoint = defineCompositionPoint<StoreInventoryLedger>('inventory-unit-ledger');

/**
 * Creates the store inventory generator: it provides the store inventory
 * ledger (`inventoryLedgerPoint`) that receipts, logistics and online orders
 * post to, and writes fact_store_inventory_txn (INITIAL stock on the first
 * day, every posted movement, stand-in DELIVERY rows), fact_stockouts (demand
 * the shelf could not meet) and fact_reorders (raised at closing time when on
 * hand plus in transit falls to the reorder point). Its unit summary lists
 * the reorder requests ({@link ReorderRequests}) for the chain phase.
 *
 * @example
 * ```ts
 * import { createGeneratorRegistry, FactEngine } from '@retail-datagen/generator-core';
 * import { master } from '@retail-datagen/generator-master';
 *
 * const inventory = createInventoryGenerator({ replenishment: 'none' }); // logistics delivers
 * const engine = new FactEngine(createGeneratorRegistry({ master, inventory, receipts, logistics }), run, { partitions: 16 });
 * ```
 */
export function createInventoryGenerator(options: InventoryGeneratorOptions = {}): GeneratorPlugin {
  const replenishment = replenishmentOption(options.replenishment);
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
    },
    startStoreDay(context) {
      const ledger = context.slots.get(unitLedgerPoint, id);
      ledger.openStoreDay(context.storeIndex, context.demand.isClosed(context.storeIndex, context.dayNumber));
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
        replenishment,
      });
    },
  };
  if (replenishment === 'stand-in') {
    facts.storeHour = (context) => {
      const { state } = context;
      if (state.closed === 1 || state.pendingArrivalDays.length === 0) return;
      const ledger = context.slots.get(unitLedgerPoint, id);
      if (context.hour === ledger.plan.deliveryHours[context.storeIndex]) deliverDueShipments(ledger, state, context.storeIndex);
    };
  }
  return {
    specificationVersion: 'v1',
    id,
    description: 'Store inventory: the inventory ledger, initial stock, stockouts, reorders and stand-in deliveries',
    requires: ['master'],
    tables: [factStoreInventoryTxn, factStockouts, factReorders],
    facts: facts as FactHooks,
  };
}

/**
 * The store inventory generator with default options (stand-in replenishment).
 *
 * @example
 * ```ts
 * const registry = createGeneratorRegistry({ master, inventory, receipts });
 * ```
 */
export const inventory: GeneratorPlugin = createInventoryGenerator();

function replenishmentOption(value: ReplenishmentMode | undefined): ReplenishmentMode {
  if (value === undefined) return 'stand-in';
  if (!(replenishmentModes as readonly unknown[]).includes(value)) {
    throw new InvalidArgumentError('createInventoryGenerator options.replenishment', value, replenishmentModes.map((mode) => `'${mode}'`).join(' or '));
  }
  return value;
}
