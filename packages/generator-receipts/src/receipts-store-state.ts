import { createSalesHistory, type SalesHistory } from './sales-history.js';

/**
 * The receipts package's state of one store, carried from day to day
 * (structured-clone data only).
 */
export interface ReceiptsStoreState {
  /** Receipts (sales and returns) numbered so far on the current day. */
  sequence: number;
  /** False on a day the store does not open (a closure from context.demand). */
  openToday: boolean;
  /** Recent sales that returns may reference. */
  readonly history: SalesHistory;
}

/**
 * A fresh store state with room for `historySales` sales in its history and
 * `linesPerSale` lines per sale on average.
 *
 * @example
 * ```ts
 * const state = createReceiptsStoreState(200, 16);
 * state.history.salesWritten; // 0
 * ```
 */
export function createReceiptsStoreState(historySales: number, linesPerSale: number): ReceiptsStoreState {
  return { sequence: 0, openToday: false, history: createSalesHistory(historySales, historySales * linesPerSale) };
}
