import { defineCompositionPoint } from './composition-point.js';

/** Kinds of store inventory movement. */
export type InventoryTransactionType = 'INITIAL' | 'SALE' | 'RETURN' | 'DELIVERY' | 'ADJUSTMENT' | 'ONLINE_ORDER';

/** One posting to a store's inventory. */
export interface InventoryPosting {
  storeIndex: number;
  productIndex: number;
  /** Signed units: negative takes stock out. */
  quantity: number;
  type: InventoryTransactionType;
  /** Event time, ms since epoch. */
  timestamp: number;
  /** The receipt, shipment or order id that caused it. */
  source: string | null;
}

/**
 * The store inventory ledger composition point: receipts, logistics and online
 * orders post to it; the inventory package provides it and writes every
 * posting as a transaction row with its resulting balance.
 *
 * @example
 * ```ts
 * const ledger = context.slots.get(inventoryLedgerPoint, 'receipts');
 * const taken = ledger.take({ storeIndex, productIndex, quantity: 3, type: 'SALE', timestamp, source: receiptId });
 * // taken < 3 when the shelf held less: the rest is a stockout
 * ```
 */
export interface InventoryLedger {
  /** Units on hand now. */
  balance(storeIndex: number, productIndex: number): number;
  /**
   * Takes up to `quantity` (positive) units out; never more than is on hand.
   * Returns the units actually taken (0 = stockout) and posts a negative row for them.
   */
  take(posting: Omit<InventoryPosting, 'quantity'> & { quantity: number }): number;
  /** Adds units (returns, deliveries, positive adjustments). */
  put(posting: InventoryPosting): void;
}

export const inventoryLedgerPoint = defineCompositionPoint<InventoryLedger>('inventory-ledger');
