import type { ColumnType, TableDefinition } from '@retail-datagen/models';

/** A dictionary-encoded string column: `codes[row]` indexes `dictionary`; -1 is NULL. */
export interface DictionaryColumn {
  readonly kind: 'dictionary';
  readonly dictionary: readonly string[];
  readonly codes: Int32Array;
}

/** A string column: plain values (NULL allowed) or dictionary-encoded. */
export type StringColumn = readonly (string | null)[] | DictionaryColumn;

/**
 * How each logical type is held in memory while generating:
 * int32 / date (days since epoch) -> Int32Array; int64, float64, money (integer
 * cents) and timestamp (ms since epoch) -> Float64Array; boolean -> Uint8Array;
 * string -> {@link StringColumn}.
 */
export type ColumnData = Int32Array | Float64Array | Uint8Array | StringColumn;

/**
 * Rows of one table held as columns, keyed by generator-layer field name.
 * `validity[field][row] === 0` marks a NULL in a non-string column.
 *
 * @example
 * ```ts
 * const batch = createColumnBatch(dimTrucks, 2, {
 *   ID: Int32Array.of(1, 2), LicensePlate: ['7ABC123', '4XYZ987'], Refrigeration: Uint8Array.of(1, 0),
 *   DCID: Int32Array.of(1, 0), CapacityUnits: Int32Array.of(2400, 2400),
 * }, { DCID: Uint8Array.of(1, 0) }); // truck 2 is a pool truck (dc_id NULL)
 * ```
 */
export interface ColumnBatch {
  readonly table: TableDefinition;
  readonly length: number;
  readonly columns: Readonly<Record<string, ColumnData>>;
  readonly validity: Readonly<Record<string, Uint8Array>>;
}

const arrayKindOf: Record<ColumnType, 'int32' | 'float64' | 'uint8' | 'string'> = {
  int32: 'int32',
  date: 'int32',
  int64: 'float64',
  float64: 'float64',
  money: 'float64',
  timestamp: 'float64',
  boolean: 'uint8',
  string: 'string',
};

/** True when `column` has the in-memory shape a field of `type` needs. */
export function isColumnOfType(column: ColumnData, type: ColumnType): boolean {
  switch (arrayKindOf[type]) {
    case 'int32':
      return column instanceof Int32Array;
    case 'float64':
      return column instanceof Float64Array;
    case 'uint8':
      return column instanceof Uint8Array;
    case 'string':
      return Array.isArray(column) || (typeof column === 'object' && 'kind' in column && column.kind === 'dictionary');
    default:
      return false;
  }
}

/** Number of values in a column. */
export function columnLength(column: ColumnData): number {
  return 'kind' in column && !Array.isArray(column) ? (column as DictionaryColumn).codes.length : (column as ArrayLike<unknown>).length;
}

/**
 * Builds a batch and checks it against the table: every field present with the
 * right array type and length, validity only on nullable fields.
 */
export function createColumnBatch(
  table: TableDefinition,
  length: number,
  columns: Record<string, ColumnData>,
  validity: Record<string, Uint8Array> = {},
): ColumnBatch {
  for (const field of table.fields) {
    const column = columns[field.name];
    if (column === undefined) throw new Error(`batch for ${table.name} lacks field ${field.name}`);
    if (!isColumnOfType(column, field.type)) throw new Error(`batch for ${table.name}: field ${field.name} is not held as a ${field.type} column`);
    if (columnLength(column) !== length) {
      throw new Error(`batch for ${table.name}: field ${field.name} has ${columnLength(column)} values, expected ${length}`);
    }
  }
  for (const name of Object.keys(columns)) table.field(name);
  for (const [name, mask] of Object.entries(validity)) {
    if (!table.field(name).nullable) throw new Error(`batch for ${table.name}: field ${name} is not nullable`);
    if (mask.length !== length) throw new Error(`batch for ${table.name}: validity of ${name} has ${mask.length} values, expected ${length}`);
  }
  return { table, length, columns, validity };
}

/** Reads one string value of a string column. */
export function stringAt(column: StringColumn, row: number): string | null {
  if (Array.isArray(column)) return (column as readonly (string | null)[])[row] ?? null;
  const dictionaryColumn = column as DictionaryColumn;
  const code = dictionaryColumn.codes[row] as number;
  return code < 0 ? null : (dictionaryColumn.dictionary[code] as string);
}
