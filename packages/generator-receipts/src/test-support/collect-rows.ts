import { tableRows, type BatchRow, type ColumnBatch } from '@retail-datagen/generator-core';
import type { TableDefinition } from '@retail-datagen/models';

/** A row as a plain record keyed by generator-layer field name; NULL as null. */
export type Row = BatchRow;

/** Every row of `table` in the batches, in batch order (tests only: one object per row). */
export function rowsOf(batches: readonly ColumnBatch[], table: TableDefinition): Row[] {
  return tableRows(batches, table);
}
