import { isoDateOf } from '@retail-datagen/generator-core';

/**
 * The part of a receipt id shared by every receipt of one store-day:
 * `R` + store id (5 digits) + `-` + yyyymmdd + `-`. Ids are computed from
 * (store, day, sequence within the store-day), never counted globally, so
 * they do not depend on partitioning.
 *
 * @example
 * ```ts
 * receiptIdPrefix(17, dayNumberOf('2024-11-29')); // 'R00017-20241129-'
 * ```
 */
export function receiptIdPrefix(storeId: number, dayNumber: number): string {
  return `R${String(storeId).padStart(5, '0')}-${isoDateOf(dayNumber).replaceAll('-', '')}-`;
}

/**
 * The id of the `sequence`-th receipt (1-based) of a store-day, sales and
 * returns counted together.
 *
 * @example
 * ```ts
 * receiptIdOf(17, dayNumberOf('2024-11-29'), 42); // 'R00017-20241129-00042'
 * ```
 */
export function receiptIdOf(storeId: number, dayNumber: number, sequence: number): string {
  return receiptIdPrefix(storeId, dayNumber) + String(sequence).padStart(5, '0');
}

/**
 * The id of a payment attempt: the receipt id with `P` for `R` and the
 * attempt number (1-based).
 *
 * @example
 * ```ts
 * paymentIdOf('R00017-20241129-00042', 2); // 'P00017-20241129-00042-2'
 * ```
 */
export function paymentIdOf(receiptId: string, attempt: number): string {
  return `P${receiptId.slice(1)}-${attempt}`;
}
