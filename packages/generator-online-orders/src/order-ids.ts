import { isoDateOf } from '@retail-datagen/generator-core';

/**
 * The id of the `sequence`-th order (1-based, in placement order) placed on
 * `dayNumber` by the customers a store fulfils: `OS` + store id (5 digits) +
 * `-` + yyyymmdd + `-` + sequence (5 digits). Computed from (node, day,
 * sequence), never counted globally, so ids do not depend on partitioning;
 * the `S` leaves room for other nodes (`OD` + DC id for DC-fulfilled orders).
 *
 * @example
 * ```ts
 * storeOrderId(17, dayNumberOf('2024-11-28'), 3); // 'OS00017-20241128-00003'
 * ```
 */
export function storeOrderId(storeId: number, dayNumber: number, sequence: number): string {
  return `OS${String(storeId).padStart(5, '0')}-${isoDateOf(dayNumber).replaceAll('-', '')}-${String(sequence).padStart(5, '0')}`;
}

/**
 * The id of a payment attempt of an order: `P` + the order id + `-` +
 * attempt (1-based). Receipt payments are `P` + digits, so the two never meet.
 *
 * @example
 * ```ts
 * orderPaymentId('OS00017-20241128-00003', 2); // 'POS00017-20241128-00003-2'
 * ```
 */
export function orderPaymentId(orderId: string, attempt: number): string {
  return `P${orderId}-${attempt}`;
}

/**
 * The id of the `sequence`-th order (1-based, in placement order) placed on
 * `dayNumber` by the customers a DC ships to (SHIP_FROM_DC): `OD` + DC id
 * (3 digits) + `-` + yyyymmdd + `-` + sequence (5 digits).
 *
 * @example
 * ```ts
 * dcOrderId(2, dayNumberOf('2024-11-28'), 41); // 'OD002-20241128-00041'
 * ```
 */
export function dcOrderId(dcId: number, dayNumber: number, sequence: number): string {
  return `OD${String(dcId).padStart(3, '0')}-${isoDateOf(dayNumber).replaceAll('-', '')}-${String(sequence).padStart(5, '0')}`;
}
