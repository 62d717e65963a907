import { batchRows, tableRows as rowsOfTable, type BatchRow, type ColumnBatch } from '@retail-datagen/generator-core';

export type Row = BatchRow;

/** The rows of a batch as plain objects (tests only). */
export function rowsOf(batch: ColumnBatch): Row[] {
  return batchRows(batch);
}

/** Every row of one table (by physical name) across batches. */
export function tableRows(batches: readonly ColumnBatch[], table: string): Row[] {
  return rowsOfTable(batches, { name: table });
}

/** Rows as sorted JSON lines: a multiset that ignores row order. */
export function sortedLines(rows: readonly Row[]): string[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}
