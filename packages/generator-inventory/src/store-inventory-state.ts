/**
 * The inventory package's state of one store, carried from day to day. Only
 * structured-clone data (typed arrays, plain arrays, numbers, strings): it
 * crosses worker threads and goes into checkpoints.
 *
 * @example
 * ```ts
 * const state = createStoreInventoryState(800);
 * state.balances[5]; // 0 until the first day's INITIAL rows
 * ```
 */
export interface StoreInventoryState {
  /** Units on hand by product index; never negative. */
  readonly balances: Int32Array;
  /** Units reordered and not yet delivered (backordered at the DC or on a truck), by product index. */
  readonly inTransit: Int32Array;
  /** 1 for products on the watch list. */
  readonly watched: Uint8Array;
  /**
   * Products to review at the end of the day: those taken from today, those
   * still at or below their reorder point after the last review, and those
   * that became orderable. Only a take can lower on hand plus in transit, so
   * no other product can have fallen to its reorder point.
   */
  readonly watchList: Int32Array;
  watchCount: number;
  /** Day number of the store-day in progress (-1 before the first). */
  day: number;
  /** Movements posted so far in the store-day in progress (the last part of `txn_seq`). */
  sequence: number;
  /** 1 when the store does not open today: no reorders. */
  closed: number;
}

/**
 * A store's inventory state before the run starts: everything empty.
 *
 * @example
 * ```ts
 * createStoreInventoryState(plan.productCount);
 * ```
 */
export function createStoreInventoryState(productCount: number): StoreInventoryState {
  return {
    balances: new Int32Array(productCount),
    inTransit: new Int32Array(productCount),
    watched: new Uint8Array(productCount),
    watchList: new Int32Array(productCount),
    watchCount: 0,
    day: -1,
    sequence: 0,
    closed: 0,
  };
}

/**
 * Puts a product on the store's watch list (no-op when it is on it).
 *
 * @example
 * ```ts
 * watchProduct(state, 5);
 * ```
 */
export function watchProduct(state: StoreInventoryState, productIndex: number): void {
  if (state.watched[productIndex] === 1) return;
  state.watched[productIndex] = 1;
  state.watchList[state.watchCount++] = productIndex;
}
