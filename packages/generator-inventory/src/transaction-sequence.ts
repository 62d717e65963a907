/**
 * How `txn_seq` orders the movements of fact_store_inventory_txn. It is
 * computed, never counted across stores, so it does not depend on partitions:
 *
 * - INITIAL rows: `store_id x 1e6 + product_index` (all below 1e12);
 * - rows of day `dayIndex` of the run (0 = first day):
 *   `(dayIndex + 1) x 1e12 + store_id x 1e6 + sequence`, where `sequence`
 *   counts the store's movements within that day (0, 1, 2...).
 *
 * So for one (store, product) the values rise in posting order, and
 * `balance = previous balance + quantity` holds in `txn_seq` order. Values stay
 * exact doubles (below 2^53) for store ids below 1e6, product indices and
 * per-store-day movements below 1e6, and runs of up to 9,000 days.
 */
export const transactionsPerStoreDay = 1e6;
const storeStride = 1e6;
const dayStride = 1e12;
/** Runs longer than this would push `txn_seq` past exact doubles. */
export const maximumRunDays = 9_000;

/**
 * The `txn_seq` of a store's INITIAL row for a product.
 *
 * @example
 * ```ts
 * initialTransactionSequence(17, 42); // 17_000_042
 * ```
 */
export function initialTransactionSequence(storeId: number, productIndex: number): number {
  return storeId * storeStride + productIndex;
}

/**
 * The `txn_seq` of a store's `sequence`-th movement on day `dayIndex` of the run.
 *
 * @example
 * ```ts
 * dayTransactionSequence(0, 17, 3); // 1_000_017_000_003
 * ```
 */
export function dayTransactionSequence(dayIndex: number, storeId: number, sequence: number): number {
  return (dayIndex + 1) * dayStride + storeId * storeStride + sequence;
}
