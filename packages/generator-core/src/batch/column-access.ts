import { stringAt, type ColumnBatch, type DictionaryColumn } from './column-batch.js';

function columnOf(batch: ColumnBatch, field: string) {
  const column = batch.columns[field];
  if (column === undefined) throw new Error(`${batch.table.name} has no field ${field}`);
  return column;
}

/**
 * Typed read access to a batch column by generator-layer field name.
 *
 * @example
 * ```ts
 * const stores = run.dims.get('dim_stores')!;
 * const taxRates = float64Column(stores, 'TaxRate');
 * const formats = stringValues(stores, 'StoreFormat');
 * ```
 */
export function int32Column(batch: ColumnBatch, field: string): Int32Array {
  const column = columnOf(batch, field);
  if (!(column instanceof Int32Array)) throw new Error(`${batch.table.name}.${field} is not an int32/date column`);
  return column;
}

/** A float64 / int64 / money (cents) / timestamp (ms) column. */
export function float64Column(batch: ColumnBatch, field: string): Float64Array {
  const column = columnOf(batch, field);
  if (!(column instanceof Float64Array)) throw new Error(`${batch.table.name}.${field} is not a float64/int64/money/timestamp column`);
  return column;
}

/** A boolean column (0/1). */
export function booleanColumn(batch: ColumnBatch, field: string): Uint8Array {
  const column = columnOf(batch, field);
  if (!(column instanceof Uint8Array)) throw new Error(`${batch.table.name}.${field} is not a boolean column`);
  return column;
}

/** A string column materialized as plain values (NULL as null). */
export function stringValues(batch: ColumnBatch, field: string): (string | null)[] {
  const column = columnOf(batch, field);
  if (Array.isArray(column)) return column as (string | null)[];
  if (typeof column === 'object' && 'kind' in column && column.kind === 'dictionary') {
    const { dictionary, codes } = column as DictionaryColumn;
    return Array.from(codes, (code) => (code < 0 ? null : (dictionary[code] as string)));
  }
  if (typeof column === 'object' && 'kind' in column && column.kind === 'utf8') {
    return Array.from({ length: column.offsets.length - 1 }, (_, row) => stringAt(column, row));
  }
  throw new Error(`${batch.table.name}.${field} is not a string column`);
}

/** True where the row has a value (no validity mask = every row). */
export function isValid(batch: ColumnBatch, field: string, row: number): boolean {
  const mask = batch.validity[field];
  return mask === undefined || mask[row] !== 0;
}

/** The dimension batch of a table, or a clear error naming it. */
export function requireDim(dims: ReadonlyMap<string, ColumnBatch>, table: string): ColumnBatch {
  const batch = dims.get(table);
  if (!batch) throw new Error(`dimension table ${table} is not loaded; generate master data first`);
  return batch;
}
