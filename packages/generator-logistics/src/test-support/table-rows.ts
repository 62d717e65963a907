import { isValid, stringAt, type ColumnBatch, type StringColumn } from '@retail-datagen/generator-core';

export type Row = Record<string, number | string | null>;

function rowAt(batch: ColumnBatch, row: number): Row {
  const values: Row = {};
  for (const field of batch.table.fields) {
    const column = batch.columns[field.name];
    if (field.type === 'string') values[field.name] = stringAt(column as StringColumn, row);
    else values[field.name] = isValid(batch, field.name, row) ? ((column as ArrayLike<number>)[row] as number) : null;
  }
  return values;
}

/** Every row of one table (by physical name) across batches, as plain objects (tests only). */
export function tableRows(batches: readonly ColumnBatch[], table: string): Row[] {
  const rows: Row[] = [];
  for (const batch of batches) {
    if (batch.table.name !== table) continue;
    for (let row = 0; row < batch.length; row++) rows.push(rowAt(batch, row));
  }
  return rows;
}

/** The rows of a table whose string field holds `value` (without materializing the others). */
export function rowsWhere(batches: readonly ColumnBatch[], table: string, field: string, value: string): Row[] {
  const rows: Row[] = [];
  for (const batch of batches) {
    if (batch.table.name !== table) continue;
    const column = batch.columns[field] as StringColumn;
    for (let row = 0; row < batch.length; row++) if (stringAt(column, row) === value) rows.push(rowAt(batch, row));
  }
  return rows;
}

/** Rows of a table across batches. */
export function rowCount(batches: readonly ColumnBatch[], table: string): number {
  return batches.filter((batch) => batch.table.name === table).reduce((sum, batch) => sum + batch.length, 0);
}

/** Rows as sorted JSON lines: a multiset that ignores row order. */
export function sortedLines(rows: readonly Row[]): string[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}

/** Groups rows by a key. */
export function groupBy<K>(rows: readonly Row[], key: (row: Row) => K): Map<K, Row[]> {
  const groups = new Map<K, Row[]>();
  for (const row of rows) {
    const value = key(row);
    const list = groups.get(value);
    if (list) list.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}
