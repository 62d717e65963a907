import { isValid, stringAt, type ColumnBatch, type StringColumn } from '@retail-datagen/generator-core';

export type Row = Record<string, number | string | null>;

/** The rows of a batch as plain objects (tests only). */
export function rowsOf(batch: ColumnBatch): Row[] {
  const rows: Row[] = [];
  for (let row = 0; row < batch.length; row++) {
    const values: Row = {};
    for (const field of batch.table.fields) {
      const column = batch.columns[field.name];
      if (field.type === 'string') values[field.name] = stringAt(column as StringColumn, row);
      else values[field.name] = isValid(batch, field.name, row) ? ((column as ArrayLike<number>)[row] as number) : null;
    }
    rows.push(values);
  }
  return rows;
}

/** Every row of one table (by physical name) across batches. */
export function tableRows(batches: readonly ColumnBatch[], table: string): Row[] {
  return batches.filter((batch) => batch.table.name === table).flatMap(rowsOf);
}

/** Rows as sorted JSON lines: a multiset that ignores row order. */
export function sortedLines(rows: readonly Row[]): string[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}
