import { isValid, stringAt, type ColumnBatch, type StringColumn } from '@retail-datagen/generator-core';
import type { TableDefinition } from '@retail-datagen/models';

/** A row as a plain record keyed by generator-layer field name; NULL as null. */
export type Row = Record<string, string | number | null>;

/** Every row of `table` in the batches, in batch order (tests only: one object per row). */
export function rowsOf(batches: readonly ColumnBatch[], table: TableDefinition): Row[] {
  const rows: Row[] = [];
  for (const batch of batches) {
    if (batch.table !== table) continue;
    for (let row = 0; row < batch.length; row++) {
      const record: Row = {};
      for (const field of table.fields) {
        const column = batch.columns[field.name]!;
        if (field.type === 'string') record[field.name] = stringAt(column as StringColumn, row);
        else record[field.name] = isValid(batch, field.name, row) ? ((column as ArrayLike<number>)[row] as number) : null;
      }
      rows.push(record);
    }
  }
  return rows;
}
