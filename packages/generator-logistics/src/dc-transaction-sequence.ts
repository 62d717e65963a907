/**
 * How `txn_seq` orders the movements of fact_dc_inventory_txn, computed like
 * the store ledger's so it never depends on partitions:
 *
 * - INITIAL rows: `dc_id x 1e6 + product_index` (all below 1e12);
 * - rows of day `dayIndex` of the run (0 = first day):
 *   `(dayIndex + 1) x 1e12 + dc_id x 1e6 + sequence`, where `sequence` counts
 *   the DC's movements within that day in time order.
 *
 * So per (dc, product) the values rise in time order, and
 * `balance = previous balance + quantity` holds in `txn_seq` order. Values
 * stay exact doubles for DC ids and product indices below 1e6, fewer than
 * 1e6 movements per DC-day and runs of up to 9,000 days.
 */
export const transactionsPerDcDay = 1e6;
const dcStride = 1e6;
const dayStride = 1e12;

/**
 * The `txn_seq` of a DC's INITIAL row for a product.
 *
 * @example
 * ```ts
 * initialDcTransactionSequence(2, 42); // 2_000_042
 * ```
 */
export function initialDcTransactionSequence(dcId: number, productIndex: number): number {
  return dcId * dcStride + productIndex;
}

/**
 * The `txn_seq` of a DC's `sequence`-th movement on day `dayIndex` of the run.
 *
 * @example
 * ```ts
 * dayDcTransactionSequence(0, 2, 3); // 1_000_002_000_003
 * ```
 */
export function dayDcTransactionSequence(dayIndex: number, dcId: number, sequence: number): number {
  return (dayIndex + 1) * dayStride + dcId * dcStride + sequence;
}
