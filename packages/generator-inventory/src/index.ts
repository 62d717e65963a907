export { createInventoryGenerator, inventory } from './inventory-generator.js';
export {
  createInventoryPlan,
  expectedDailyUnits,
  initialStock,
  meanItemsPerBasket,
  meanUnitsPerLine,
  minimumInitialUnits,
  reorderPoint,
  reorderQuantity,
  type InventoryPlan,
} from './inventory-plan.js';
export { inventoryTxnTypes } from './inventory-transaction-types.js';
export { addReorderRequest, createReorderRequests, reorderPriorities, type ReorderPriority, type ReorderRequests } from './reorder-requests.js';
export type { StoreInventoryState } from './store-inventory-state.js';
export { dayTransactionSequence, initialTransactionSequence, maximumRunDays, transactionsPerStoreDay } from './transaction-sequence.js';
