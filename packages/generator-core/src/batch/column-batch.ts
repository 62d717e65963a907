import type { ColumnType, TableDefinition } from '@retail-datagen/models';

/** A dictionary-encoded string column: `codes[row]` indexes `dictionary`; -1 is NULL. */
export interface DictionaryColumn {
  readonly kind: 'dictionary';
  readonly dictionary: readonly string[];
  readonly codes: Int32Array;
}

/**
 * A string column as UTF-8 bytes in Arrow's Utf8 layout: row `i` is
 * `bytes[offsets[i] .. offsets[i + 1])`; `validity[row] === 0` marks a NULL
 * (no mask: every row has a value). Worker threads hand their string columns
 * back in this form, so the buffers move between threads without a copy and
 * no string is rebuilt on the receiving side. Make one with
 * {@link utf8ColumnOf}.
 *
 * @example
 * ```ts
 * const column: Utf8Column = utf8ColumnOf(['R-1', null, 'Ünïcode']);
 * column.offsets; // Int32Array [0, 3, 3, 12]
 * ```
 */
export interface Utf8Column {
  readonly kind: 'utf8';
  /** One more than the rows: row i's bytes are `bytes[offsets[i] .. offsets[i + 1])`. */
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
  readonly validity?: Uint8Array;
}

/** A string column: plain values (NULL allowed), dictionary-encoded, or UTF-8 bytes. */
export type StringColumn = readonly (string | null)[] | DictionaryColumn | Utf8Column;

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
      return Array.isArray(column) || (typeof column === 'object' && 'kind' in column && (column.kind === 'dictionary' || column.kind === 'utf8'));
    default:
      return false;
  }
}

/** Number of values in a column. */
export function columnLength(column: ColumnData): number {
  if (Array.isArray(column) || !('kind' in column)) return (column as ArrayLike<unknown>).length;
  return column.kind === 'dictionary' ? column.codes.length : column.offsets.length - 1;
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
  const coded = column as DictionaryColumn | Utf8Column;
  if (coded.kind === 'utf8') {
    if (coded.validity !== undefined && coded.validity[row] === 0) return null;
    return utf8Decoder.decode(coded.bytes.subarray(coded.offsets[row], coded.offsets[row + 1]));
  }
  const code = coded.codes[row] as number;
  return code < 0 ? null : (coded.dictionary[code] as string);
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * Encodes plain string values as a {@link Utf8Column}: ASCII columns (ids,
 * codes: the usual case) in one encode of the joined text, others value by
 * value. The buffers are the column's own (not a shared pool), so they can be
 * transferred to another thread.
 *
 * @example
 * ```ts
 * const column = utf8ColumnOf(['a', null, 'bc']);
 * stringAt(column, 2); // 'bc'
 * column.validity; // Uint8Array [1, 0, 1]
 * ```
 */
export function utf8ColumnOf(values: readonly (string | null)[]): Utf8Column {
  const length = values.length;
  const offsets = new Int32Array(length + 1);
  let validity: Uint8Array | undefined;
  let characters = 0;
  for (let row = 0; row < length; row++) {
    const value = values[row];
    if (value === null || value === undefined) {
      validity ??= new Uint8Array(length).fill(1);
      validity[row] = 0;
    } else characters += value.length;
  }
  // One byte per UTF-16 unit when all of it is ASCII: then the whole text is read into exactly that many bytes.
  // Otherwise UTF-8 takes at most 3 bytes per unit.
  const joined = values.join('');
  let bytes = new Uint8Array(characters);
  const { read, written } = utf8Encoder.encodeInto(joined, bytes);
  if (read === characters && written === characters) {
    let position = 0;
    for (let row = 0; row < length; row++) {
      position += values[row]?.length ?? 0;
      offsets[row + 1] = position;
    }
  } else {
    bytes = new Uint8Array(characters * 3);
    let position = 0;
    for (let row = 0; row < length; row++) {
      const value = values[row];
      if (value) position += utf8Encoder.encodeInto(value, bytes.subarray(position)).written;
      offsets[row + 1] = position;
    }
    bytes = bytes.slice(0, position);
  }
  return validity === undefined ? { kind: 'utf8', offsets, bytes } : { kind: 'utf8', offsets, bytes, validity };
}
