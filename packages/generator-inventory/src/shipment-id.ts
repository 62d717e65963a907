import { isoDateOf } from '@retail-datagen/generator-core';

/**
 * The id of a shipment to a store: `SHP-S<store id, 5 digits>-<YYYYMMDD of the
 * day it was ordered>-<sequence of that store-day, 4 digits>`.
 *
 * @example
 * ```ts
 * shipmentId(17, dayNumberOf('2024-11-20'), 3); // 'SHP-S00017-20241120-0003'
 * ```
 */
export function shipmentId(storeId: number, dayNumber: number, sequence: number): string {
  const date = isoDateOf(dayNumber).replaceAll('-', '');
  return `SHP-S${String(storeId).padStart(5, '0')}-${date}-${String(sequence).padStart(4, '0')}`;
}
