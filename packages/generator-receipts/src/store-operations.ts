import { timestampOf, type ColumnBatchBuilder } from '@retail-datagen/generator-core';
import { isOpenAroundTheClock } from './store-hours.js';

/**
 * Writes a store-day's fact_store_ops rows: OPEN at open_hour:00 and CLOSE at
 * close_hour:00 (close hour 24 is the next day's 00:00; a close hour at or
 * before the open hour is on the next day too). Stores open around the clock
 * have no events. The caller skips days the store is closed.
 *
 * @example
 * ```ts
 * writeStoreOperations(context.emit(factStoreOps), 17, dayNumber, 7, 23);
 * // OPEN at 07:00, CLOSE at 23:00
 * ```
 */
export function writeStoreOperations(builder: ColumnBatchBuilder, storeId: number, dayNumber: number, openHour: number, closeHour: number): void {
  if (isOpenAroundTheClock(openHour, closeHour)) return;
  const closeDay = closeHour > openHour ? dayNumber : dayNumber + 1;
  builder.pushNumber('EventTS', timestampOf(dayNumber, openHour));
  builder.pushNumber('StoreID', storeId);
  builder.pushString('OperationType', 'OPEN');
  builder.endRow();
  builder.pushNumber('EventTS', timestampOf(closeDay, closeHour));
  builder.pushNumber('StoreID', storeId);
  builder.pushString('OperationType', 'CLOSE');
  builder.endRow();
}
