import { stringAt, type ColumnBatch, type StringColumn } from './column-batch.js';
import { isValid } from './column-access.js';

/** A row as a plain record keyed by generator-layer field name; NULL as null. */
export type BatchRow = Record<string, string | number | null>;

/**
 * The rows of one batch as plain objects: for tests and inspection only (one
 * object per row is exactly what generation must not do).
 *
 * @example
 * ```ts
 * batchRows(batch)[0]; // { ReceiptId: 'R00017-20241129-00001', StoreID: 17, CustomerID: null, ... }
 * ```
 */
export function batchRows(batch: ColumnBatch): BatchRow[] {
  const rows: BatchRow[] = [];
  for (let row = 0; row < batch.length; row++) {
    const record: BatchRow = {};
    for (const field of batch.table.fields) {
      const column = batch.columns[field.name];
      if (column === undefined) record[field.name] = null;
      else if (field.type === 'string') record[field.name] = stringAt(column as StringColumn, row);
      else record[field.name] = isValid(batch, field.name, row) ? ((column as ArrayLike<number>)[row] as number) : null;
    }
    rows.push(record);
  }
  return rows;
}

/**
 * Every row of one table across batches, in batch order (tests and inspection only).
 *
 * @example
 * ```ts
 * tableRows(engine.runDay(day).batches, factReceipts).length; // receipts of the day
 * ```
 */
export function tableRows(batches: readonly ColumnBatch[], table: { readonly name: string }): BatchRow[] {
  return batches.filter((batch) => batch.table.name === table.name).flatMap(batchRows);
}
