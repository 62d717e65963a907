import {
  inventoryLedgerPoint,
  int32Column,
  isWeekend,
  requireDim,
  type FactHooks,
  type GeneratorPlugin,
  type InventoryLedger,
  type InventoryPosting,
  type UnitContext,
} from '@retail-datagen/generator-core';
import { factStockouts, factStoreInventoryTxn } from '@retail-datagen/models';
import { isOpenDuring } from '../store-hours.js';

/** Relative arrivals by hour of day: quiet at night, peak in the late afternoon. */
const hourWeights = [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.5, 1.3, 1.4, 1.7, 1.9, 1.8, 1.5, 1.1, 0.7, 0.4, 0.2];

/**
 * A stand-in for the seasonal package (id 'seasonal'): each store-hour gets
 * the hour's share of the store's open hours (0 outside them) times a
 * weekend factor; stores close on the given days; categories may be scaled.
 */
export function createSeasonalStandIn(
  options: { weekendFactor?: number; closedDays?: readonly number[]; categoryFactor?: (dayNumber: number, category: string) => number } = {},
): GeneratorPlugin {
  const weekendFactor = options.weekendFactor ?? 1.3;
  const closedDays = new Set(options.closedDays ?? []);
  return {
    specificationVersion: 'v1',
    id: 'seasonal',
    description: 'test stand-in: hour-of-day shares and a weekend factor',
    requires: ['master'],
    tables: [],
    facts: {
      setup({ run, demand }) {
        const stores = requireDim(run.dims, 'dim_stores');
        const openHour = int32Column(stores, 'OpenHour');
        const closeHour = int32Column(stores, 'CloseHour');
        const shares = new Float64Array(run.storeCount * 24);
        for (let store = 0; store < run.storeCount; store++) {
          let total = 0;
          for (let hour = 0; hour < 24; hour++) if (isOpenDuring(openHour[store]!, closeHour[store]!, hour)) total += hourWeights[hour]!;
          for (let hour = 0; hour < 24; hour++) {
            if (isOpenDuring(openHour[store]!, closeHour[store]!, hour)) shares[store * 24 + hour] = hourWeights[hour]! / total;
          }
        }
        demand.contribute('seasonal', ({ storeIndex, dayNumber, hour }) => shares[storeIndex * 24 + hour]! * (isWeekend(dayNumber) ? weekendFactor : 1));
        demand.contributeClosure('seasonal', (_storeIndex, dayNumber) => closedDays.has(dayNumber));
        if (options.categoryFactor) demand.contributeCategory('seasonal', options.categoryFactor);
      },
    },
  };
}

interface StandInStoreState {
  stock: Int32Array;
  transactions: number;
}

/**
 * A stand-in for the inventory package (id 'inventory'): a ledger over a
 * per-store stock of `initialStock` units of every product, provided in
 * startUnit; it writes every posting to fact_store_inventory_txn and every
 * shortfall to fact_stockouts so tests can reconcile.
 */
export function createInventoryStandIn(options: { initialStock?: number } = {}): GeneratorPlugin {
  const initialStock = options.initialStock ?? 1_000_000;
  const facts: FactHooks<unknown, StandInStoreState> = {
    createStoreState(run) {
      return { stock: new Int32Array(requireDim(run.dims, 'dim_products').length).fill(initialStock), transactions: 0 };
    },
    startUnit(context: UnitContext<StandInStoreState>) {
      const transactions = context.emit(factStoreInventoryTxn);
      const stockouts = context.emit(factStockouts);
      const storeIds = int32Column(requireDim(context.run.dims, 'dim_stores'), 'ID');
      const productIds = int32Column(requireDim(context.run.dims, 'dim_products'), 'ID');
      const post = (posting: InventoryPosting, state: StandInStoreState) => {
        const balance = state.stock[posting.productIndex]! + posting.quantity;
        state.stock[posting.productIndex] = balance;
        transactions.pushNumber('TxnSeq', posting.storeIndex * 1e9 + ++state.transactions);
        transactions.pushNumber('EventTS', posting.timestamp);
        transactions.pushNumber('StoreID', storeIds[posting.storeIndex]!);
        transactions.pushNumber('ProductID', productIds[posting.productIndex]!);
        transactions.pushNumber('Quantity', posting.quantity);
        transactions.pushString('TxnType', posting.type);
        transactions.pushNumber('Balance', balance);
        transactions.pushString('Source', posting.source);
        transactions.endRow();
      };
      const ledger: InventoryLedger = {
        balance: (storeIndex, productIndex) => context.stateOf(storeIndex).stock[productIndex]!,
        take(posting) {
          const state = context.stateOf(posting.storeIndex);
          const taken = Math.max(0, Math.min(posting.quantity, state.stock[posting.productIndex]!));
          if (taken > 0) post({ ...posting, quantity: -taken }, state);
          if (taken < posting.quantity) {
            stockouts.pushNumber('EventTS', posting.timestamp);
            stockouts.pushNumber('StoreID', storeIds[posting.storeIndex]!);
            stockouts.pushNumber('ProductID', productIds[posting.productIndex]!);
            stockouts.pushNumber('LostQuantity', posting.quantity - taken);
            stockouts.endRow();
          }
          return taken;
        },
        put(posting) {
          post(posting, context.stateOf(posting.storeIndex));
        },
      };
      context.slots.provide(inventoryLedgerPoint, ledger, 'inventory');
    },
  };
  return {
    specificationVersion: 'v1',
    id: 'inventory',
    description: 'test stand-in: a store inventory ledger',
    requires: ['master'],
    tables: [factStoreInventoryTxn, factStockouts],
    facts: facts as FactHooks,
  };
}
