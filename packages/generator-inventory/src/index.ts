export { createInventoryGenerator, inventory, type InventoryGeneratorOptions } from './inventory-generator.js';
export {
  aroundTheClockDeliveryHour,
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
export { replenishmentModes, type ReplenishmentMode } from './replenishment-stand-in.js';
export type { StoreInventoryState } from './store-inventory-state.js';
export { dayTransactionSequence, initialTransactionSequence, maximumRunDays, transactionsPerStoreDay } from './transaction-sequence.js';
export { shipmentId } from './shipment-id.js';
