import type { InventoryTransactionType } from '@retail-datagen/generator-core';

/**
 * Every `txn_type` a row of fact_store_inventory_txn may carry, in the order
 * they are documented. The inventory package writes INITIAL itself, and
 * DELIVERY for the arrivals booked on its dock (by logistics); the others come
 * from the packages that post to the ledger (receipts: SALE and RETURN; online
 * orders: ONLINE_ORDER).
 *
 * @example
 * ```ts
 * inventoryTxnTypes.includes('SALE'); // true
 * ```
 */
export const inventoryTxnTypes = [
  'INITIAL',
  'SALE',
  'RETURN',
  'DELIVERY',
  'ADJUSTMENT',
  'ONLINE_ORDER',
] as const satisfies readonly InventoryTransactionType[];
