import { isoDateOf } from '@retail-datagen/generator-core';

/**
 * The id of a store shipment: `SHP-D<dc id, 3 digits>-<yyyymmdd of the day it
 * was scheduled>-<sequence of that DC-day, 4 digits>`.
 *
 * @example
 * ```ts
 * storeShipmentId(2, dayNumberOf('2024-11-20'), 17); // 'SHP-D002-20241120-0017'
 * ```
 */
export function storeShipmentId(dcId: number, dayNumber: number, sequence: number): string {
  return `SHP-D${String(dcId).padStart(3, '0')}-${compactDate(dayNumber)}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The id of a supplier shipment into a DC: `SUP-D<dc id, 3 digits>-<yyyymmdd
 * of arrival>-<sequence of that DC-day, 2 digits>`.
 *
 * @example
 * ```ts
 * supplierShipmentId(2, dayNumberOf('2024-11-20'), 3); // 'SUP-D002-20241120-03'
 * ```
 */
export function supplierShipmentId(dcId: number, dayNumber: number, sequence: number): string {
  return `SUP-D${String(dcId).padStart(3, '0')}-${compactDate(dayNumber)}-${String(sequence).padStart(2, '0')}`;
}

function compactDate(dayNumber: number): string {
  return isoDateOf(dayNumber).replaceAll('-', '');
}
