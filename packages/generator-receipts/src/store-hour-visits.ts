import { defineCompositionPoint } from '@retail-datagen/generator-core';

/**
 * What happened in the store-hour the receipts generator just simulated:
 * how many shoppers came in and the receipts they left with, in time order.
 * Packages that require `receipts` read it in their own `storeHour` hook
 * (which runs after receipts' for the same store-hour) to build on the
 * visits: sensor pings near a purchase, loyalty points per receipt, ...
 *
 * The buffers are reused from one store-hour to the next: read them in the
 * same hook, copy what must outlive it. `count` rows are valid.
 *
 * @example
 * ```ts
 * storeHour(context) {
 *   const visits = context.slots.get(storeHourVisitsPoint, 'loyalty');
 *   for (let row = 0; row < visits.count; row++) {
 *     if (visits.customerIds[row]! >= 0) points += Math.floor(visits.totals[row]! / 100);
 *   }
 * }
 * ```
 */
export interface StoreHourVisits {
  storeIndex: number;
  dayNumber: number;
  hour: number;
  /** Shoppers who came in for a sale this hour, including those who left empty-handed (every item out of stock). */
  shoppers: number;
  /** Shoppers who came in to return something. */
  returnVisits: number;
  /** Receipts rung up this hour (sales and returns). */
  count: number;
  receiptIds: string[];
  /** dim_customers.id, or -1 for an anonymous shopper. */
  customerIds: Int32Array;
  /** fact_receipts.event_ts, epoch milliseconds. */
  timestamps: Float64Array;
  /** fact_receipts.total_amount in cents (negative for returns). */
  totals: Float64Array;
  /** 1 for a RETURN receipt, 0 for a SALE. */
  isReturn: Uint8Array;
}

/** The unit-scoped composition point on which the receipts generator publishes each store-hour's visits. */
export const storeHourVisitsPoint = defineCompositionPoint<StoreHourVisits>('store-hour-visits');

/** An empty visits buffer with room for `capacity` receipts (it grows as needed). */
export function createStoreHourVisits(capacity = 256): StoreHourVisits {
  return {
    storeIndex: 0,
    dayNumber: 0,
    hour: 0,
    shoppers: 0,
    returnVisits: 0,
    count: 0,
    receiptIds: [],
    customerIds: new Int32Array(capacity),
    timestamps: new Float64Array(capacity),
    totals: new Float64Array(capacity),
    isReturn: new Uint8Array(capacity),
  };
}

/** Starts a new store-hour: forgets the previous one's receipts. */
export function resetStoreHourVisits(visits: StoreHourVisits, storeIndex: number, dayNumber: number, hour: number): void {
  visits.storeIndex = storeIndex;
  visits.dayNumber = dayNumber;
  visits.hour = hour;
  visits.shoppers = 0;
  visits.returnVisits = 0;
  visits.count = 0;
  visits.receiptIds.length = 0;
}

/** Appends one receipt of the store-hour. */
export function recordVisit(visits: StoreHourVisits, receiptId: string, timestamp: number, customerId: number, total: number, isReturn: boolean): void {
  const row = visits.count;
  if (row === visits.customerIds.length) grow(visits, row * 2);
  visits.receiptIds.push(receiptId);
  visits.customerIds[row] = customerId;
  visits.timestamps[row] = timestamp;
  visits.totals[row] = total;
  visits.isReturn[row] = isReturn ? 1 : 0;
  visits.count = row + 1;
}

function grow(visits: StoreHourVisits, capacity: number): void {
  const customerIds = new Int32Array(capacity);
  customerIds.set(visits.customerIds);
  const timestamps = new Float64Array(capacity);
  timestamps.set(visits.timestamps);
  const totals = new Float64Array(capacity);
  totals.set(visits.totals);
  const isReturn = new Uint8Array(capacity);
  isReturn.set(visits.isReturn);
  visits.customerIds = customerIds;
  visits.timestamps = timestamps;
  visits.totals = totals;
  visits.isReturn = isReturn;
}
