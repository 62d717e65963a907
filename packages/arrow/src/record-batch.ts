import {
  Data,
  DataType,
  DateUnit,
  makeData,
  Precision,
  RecordBatch,
  Struct,
  TimeUnit,
  Vector,
  type Bool,
  type DateDay,
  type Decimal,
  type Dictionary,
  type Float64,
  type Int32,
  type Int64,
  type Schema,
  type TimestampMillisecond,
  type Utf8,
} from 'apache-arrow';
import { createColumnBatch, type ColumnBatch, type ColumnData, type DictionaryColumn, type Utf8Column } from '@retail-datagen/generator-core';
import type { FieldDefinition, TableDefinition } from '@retail-datagen/models';
import { arrowSchemaOf, moneyDecimal } from './arrow-schema.js';
import { ArrowConversionError } from './arrow-conversion-error.js';
import { bitmapBytes, decodeUtf8, encodeUtf8 } from './utf8-column.js';

/**
 * Options of {@link toRecordBatch}.
 *
 * @example
 * ```ts
 * toRecordBatch(batch, { strings: 'utf8' }); // dictionary columns expanded to plain Utf8
 * ```
 */
export interface ToRecordBatchOptions {
  /**
   * `as-batch` (default) keeps a dictionary-encoded string column as an Arrow
   * Dictionary and a plain one as Utf8; `utf8` makes every string column Utf8,
   * so every batch of a table has the same schema (what files need).
   */
  readonly strings?: 'as-batch' | 'utf8';
}

const twoToThe32 = 4_294_967_296;
/** Errors in a batch being written are the generator's, not the user's. */
const generationFailure = { code: 'GENERATION_FAILURE' } as const;
/** Largest absolute number of cents DECIMAL(12,2) holds. */
const maxCents = 10 ** moneyDecimal.precision - 1;

/**
 * Turns a column batch into an Arrow RecordBatch with {@link arrowSchemaOf}'s
 * schema. 32-bit and double columns are shared, not copied; 64-bit values
 * (int64, money cents, timestamp ms) are written as 32-bit word pairs without
 * BigInt; strings are encoded into offsets and bytes in bulk; validity masks
 * become bitmaps. Values a column cannot hold exactly (fractional cents,
 * money beyond DECIMAL(12,2), int64 or timestamps beyond 2^53) are refused
 * with the field and row.
 *
 * @example
 * ```ts
 * const recordBatch = toRecordBatch(receiptsBatch);
 * recordBatch.numRows === receiptsBatch.length; // true
 * recordBatch.schema.fields[0]?.name; // 'receipt_id_ext'
 * ```
 */
export function toRecordBatch(batch: ColumnBatch, options: ToRecordBatchOptions = {}): RecordBatch {
  const { table, length } = batch;
  const expandDictionaries = options.strings === 'utf8';
  const dictionaryFields = expandDictionaries
    ? []
    : table.fields.filter((field) => field.type === 'string' && isDictionaryColumn(batch.columns[field.name])).map((field) => field.name);
  const schema = arrowSchemaOf(table, dictionaryFields);
  const children = table.fields.map((field, index) => {
    const column = batch.columns[field.name];
    if (column === undefined) throw new ArrowConversionError(`batch for ${table.name} lacks field ${field.name}`, generationFailure);
    const type = (schema.fields[index] as (typeof schema.fields)[number]).type as DataType;
    return columnToData(field, type, column, batch.validity[field.name], length, table);
  });
  return recordBatchOf(schema, children, length);
}

/**
 * A RecordBatch from a schema and one Data per field.
 *
 * @example
 * ```ts
 * const recordBatch = recordBatchOf(arrowSchemaOf(dimStores), children, 24);
 * ```
 */
export function recordBatchOf(schema: Schema, children: Data[], length: number): RecordBatch {
  const structData = makeData({ type: new Struct(schema.fields), length, nullCount: 0, children });
  return new RecordBatch(schema, structData);
}

function isDictionaryColumn(column: ColumnData | undefined): column is DictionaryColumn {
  return column !== undefined && !Array.isArray(column) && typeof column === 'object' && 'kind' in column && column.kind === 'dictionary';
}

function isUtf8Column(column: ColumnData): column is Utf8Column {
  return !Array.isArray(column) && typeof column === 'object' && 'kind' in column && column.kind === 'utf8';
}

function columnToData(field: FieldDefinition, type: DataType, column: ColumnData, validity: Uint8Array | undefined, length: number, table: TableDefinition): Data {
  const where = `${table.name}.${field.column}`;
  const { bitmap, nullCount } = bitmapOf(validity, length);
  switch (field.type) {
    case 'int32':
      return makeData({ type: type as Int32, length, nullCount, nullBitmap: bitmap, data: typed(column, Int32Array, where) });
    case 'date':
      return makeData({ type: type as DateDay, length, nullCount, nullBitmap: bitmap, data: typed(column, Int32Array, where) });
    case 'float64':
      return makeData({ type: type as Float64, length, nullCount, nullBitmap: bitmap, data: typed(column, Float64Array, where) });
    case 'int64':
      return makeData({
        type: type as Int64,
        length,
        nullCount,
        nullBitmap: bitmap,
        data: new BigInt64Array(wideWords(typed(column, Float64Array, where), validity, 2, Number.MAX_SAFE_INTEGER, where, 'an integer between -(2^53-1) and 2^53-1').buffer),
      });
    case 'timestamp':
      return makeData({
        type: type as TimestampMillisecond,
        length,
        nullCount,
        nullBitmap: bitmap,
        data: new BigInt64Array(wideWords(typed(column, Float64Array, where), validity, 2, Number.MAX_SAFE_INTEGER, where, 'whole milliseconds since 1970-01-01').buffer),
      });
    case 'money':
      return makeData({
        type: type as Decimal,
        length,
        nullCount,
        nullBitmap: bitmap,
        data: new Uint32Array(wideWords(typed(column, Float64Array, where), validity, 4, maxCents, where, `whole cents between -${maxCents} and ${maxCents}`).buffer),
      });
    case 'boolean':
      return makeData({ type: type as Bool, length, nullCount, nullBitmap: bitmap, data: packBits(typed(column, Uint8Array, where), length) });
    case 'string':
      return stringData(type, column, length, where);
  }
}

function typed<T extends Int32Array | Float64Array | Uint8Array>(column: ColumnData, kind: { new (length: number): T; readonly name: string }, where: string): T {
  if (!(column instanceof kind)) throw new ArrowConversionError(`${where}: expected a ${kind.name} column`, generationFailure);
  return column;
}

function bitmapOf(validity: Uint8Array | undefined, length: number): { bitmap: Uint8Array | undefined; nullCount: number } {
  if (validity === undefined) return { bitmap: undefined, nullCount: 0 };
  let nullCount = 0;
  const bitmap = new Uint8Array(bitmapBytes(length));
  for (let row = 0; row < length; row++) {
    if (validity[row] === 0) nullCount++;
    else bitmap[row >> 3]! |= 1 << (row & 7);
  }
  return nullCount === 0 ? { bitmap: undefined, nullCount: 0 } : { bitmap, nullCount };
}

/**
 * Integer-valued doubles as little-endian two's complement integers of
 * `wordsPerValue` 32-bit words (2 for 64-bit, 4 for Decimal128), without
 * BigInt. NULL rows are written as 0.
 */
function wideWords(values: Float64Array, validity: Uint8Array | undefined, wordsPerValue: 2 | 4, maximum: number, where: string, expected: string): Int32Array {
  const words = new Int32Array(values.length * wordsPerValue);
  for (let row = 0; row < values.length; row++) {
    if (validity !== undefined && validity[row] === 0) continue;
    const value = values[row] as number;
    if (!Number.isInteger(value) || Math.abs(value) > maximum) {
      throw new ArrowConversionError(`${where}: row ${row} holds ${value}; expected ${expected}`, generationFailure);
    }
    const high = Math.floor(value / twoToThe32);
    const base = row * wordsPerValue;
    words[base] = value - high * twoToThe32;
    words[base + 1] = high;
    if (wordsPerValue === 4) {
      const sign = high < 0 ? -1 : 0;
      words[base + 2] = sign;
      words[base + 3] = sign;
    }
  }
  return words;
}

function packBits(values: Uint8Array, length: number): Uint8Array {
  const bits = new Uint8Array(bitmapBytes(length));
  for (let row = 0; row < length; row++) if (values[row] !== 0) bits[row >> 3]! |= 1 << (row & 7);
  return bits;
}

function stringData(type: DataType, column: ColumnData, length: number, where: string): Data {
  if (Array.isArray(column)) {
    const encoded = encodeUtf8(column as readonly (string | null)[]);
    return makeData({ type: type as Utf8, length, nullCount: encoded.nullCount, nullBitmap: encoded.nullBitmap, valueOffsets: encoded.offsets, data: encoded.bytes });
  }
  if (isUtf8Column(column)) {
    // Already Arrow's layout: the buffers are shared, not copied.
    const { bitmap, nullCount } = bitmapOf(column.validity, length);
    if (!DataType.isUtf8(type)) throw new ArrowConversionError(`${where}: a UTF-8 column cannot fill a ${type.toString()} field`, generationFailure);
    return makeData({ type, length, nullCount, nullBitmap: bitmap, valueOffsets: column.offsets, data: column.bytes });
  }
  if (!isDictionaryColumn(column)) throw new ArrowConversionError(`${where}: expected a string column`, generationFailure);
  if (DataType.isUtf8(type)) return stringData(type, expandDictionary(column), length, where);
  const dictionaryType = type as Dictionary<Utf8, Int32>;
  const encodedDictionary = encodeUtf8(column.dictionary);
  const dictionary = new Vector([
    makeData({ type: dictionaryType.dictionary, length: column.dictionary.length, nullCount: 0, valueOffsets: encodedDictionary.offsets, data: encodedDictionary.bytes }),
  ]);
  const { codes } = column;
  let nullCount = 0;
  for (let row = 0; row < length; row++) {
    const code = codes[row] as number;
    if (code < 0) nullCount++;
    else if (code >= column.dictionary.length) throw new ArrowConversionError(`${where}: row ${row} has dictionary code ${code} but the dictionary has ${column.dictionary.length} entries`, generationFailure);
  }
  if (nullCount === 0) return makeData({ type: dictionaryType, length, nullCount: 0, data: codes, dictionary });
  // NULL rows get index 0 under a cleared validity bit: readers may look an index up before checking validity.
  const indices = new Int32Array(length);
  const bitmap = new Uint8Array(bitmapBytes(length));
  for (let row = 0; row < length; row++) {
    const code = codes[row] as number;
    if (code >= 0) {
      indices[row] = code;
      bitmap[row >> 3]! |= 1 << (row & 7);
    }
  }
  return makeData({ type: dictionaryType, length, nullCount, nullBitmap: bitmap, data: indices, dictionary });
}

function expandDictionary(column: DictionaryColumn): (string | null)[] {
  const { dictionary, codes } = column;
  const values = new Array<string | null>(codes.length);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    values[row] = code < 0 ? null : (dictionary[code] ?? null);
  }
  return values;
}

/**
 * Turns an Arrow RecordBatch back into a column batch of `table`, exactly:
 * columns are found by physical name; Int32, Date32 and Float64 columns are
 * shared with the record batch (views, no copy), Decimal(…, 2) into integer cents, Timestamp
 * (ms, or µs / s) into epoch ms, Date32 into day numbers, Bool into 0/1,
 * Utf8 into strings and Dictionary<int, Utf8> into a dictionary column.
 * Bitmaps become validity masks on nullable fields.
 *
 * @throws ArrowConversionError when a column is missing, has another type,
 * or holds NULLs in a field that is not nullable.
 *
 * @example
 * ```ts
 * for await (const recordBatch of RecordBatchReader.from(createReadStream(path))) {
 *   await store.appendBatch(fromRecordBatch(recordBatch, factReceipts));
 * }
 * ```
 */
export function fromRecordBatch(recordBatch: RecordBatch, table: TableDefinition): ColumnBatch {
  const length = recordBatch.numRows;
  const columns: Record<string, ColumnData> = {};
  const validity: Record<string, Uint8Array> = {};
  const byName = new Map(recordBatch.schema.fields.map((field, index) => [field.name, index]));
  for (const field of table.fields) {
    const where = `${table.name}.${field.column}`;
    const index = byName.get(field.column);
    if (index === undefined) {
      throw new ArrowConversionError(`${where}: the record batch has no column ${field.column}; its columns are ${[...byName.keys()].join(', ')}`);
    }
    const data = recordBatch.data.children[index] as Data;
    if (data.nullCount > 0 && !field.nullable) throw new ArrowConversionError(`${where}: ${data.nullCount} NULL values in a column that is not nullable`);
    columns[field.name] = dataToColumn(field, data, where);
    if (data.nullCount > 0) validity[field.name] = validityMask(data);
  }
  return createColumnBatch(table, length, columns, validity);
}

function validityMask(data: Data): Uint8Array {
  const mask = new Uint8Array(data.length);
  const bitmap = data.nullBitmap as Uint8Array;
  const offset = data.offset;
  for (let row = 0; row < data.length; row++) {
    const bit = offset + row;
    mask[row] = (bitmap[bit >> 3]! >> (bit & 7)) & 1;
  }
  return mask;
}

function mismatch(field: FieldDefinition, data: Data, where: string): ArrowConversionError {
  return new ArrowConversionError(`${where}: a ${field.type} field cannot be read from an Arrow ${String(data.type)} column`);
}

function dataToColumn(field: FieldDefinition, data: Data, where: string): ColumnData {
  const type = data.type as DataType;
  switch (field.type) {
    case 'int32':
      if (!DataType.isInt(type) || type.bitWidth !== 32 || !type.isSigned) throw mismatch(field, data, where);
      return (data.values as Int32Array).subarray(0, data.length);
    case 'date':
      if (!DataType.isDate(type) || (type as DateDay).unit !== DateUnit.DAY) throw mismatch(field, data, where);
      return (data.values as Int32Array).subarray(0, data.length);
    case 'float64':
      if (!DataType.isFloat(type) || (type as Float64).precision !== Precision.DOUBLE) throw mismatch(field, data, where);
      return (data.values as Float64Array).subarray(0, data.length);
    case 'int64':
      if (!DataType.isInt(type) || type.bitWidth !== 64 || !type.isSigned) throw mismatch(field, data, where);
      return wideValues(data, 2, 1, where);
    case 'timestamp': {
      if (!DataType.isTimestamp(type)) throw mismatch(field, data, where);
      const unit = (type as TimestampMillisecond).unit;
      if (unit === TimeUnit.MILLISECOND) return wideValues(data, 2, 1, where);
      if (unit === TimeUnit.MICROSECOND) return wideValues(data, 2, 1 / 1000, where);
      if (unit === TimeUnit.SECOND) return wideValues(data, 2, 1000, where);
      throw mismatch(field, data, where);
    }
    case 'money':
      if (!DataType.isDecimal(type) || (type as Decimal).scale !== moneyDecimal.scale) throw mismatch(field, data, where);
      return wideValues(data, (type as Decimal).bitWidth / 32, 1, where);
    case 'boolean': {
      if (!DataType.isBool(type)) throw mismatch(field, data, where);
      const bits = data.values as Uint8Array;
      const values = new Uint8Array(data.length);
      for (let row = 0; row < data.length; row++) {
        const bit = data.offset + row;
        values[row] = (bits[bit >> 3]! >> (bit & 7)) & 1;
      }
      return values;
    }
    case 'string':
      if (DataType.isUtf8(type)) return decodeUtf8(data.valueOffsets as Int32Array, data.values as Uint8Array, data.length, data.nullCount > 0 ? data.nullBitmap : undefined, data.offset);
      if (DataType.isDictionary(type) && DataType.isUtf8(type.dictionary) && type.indices.bitWidth <= 32) return dictionaryColumnOf(data);
      throw mismatch(field, data, where);
  }
}

/**
 * Integers of `wordsPerValue` 32-bit words as doubles times `scale`, refused
 * when they do not fit 2^53 or (for µs) do not divide into whole ms. The
 * values buffer of a sliced Data already starts at its first row.
 */
function wideValues(data: Data, wordsPerValue: number, scale: number, where: string): Float64Array {
  const source = data.values as ArrayBufferView;
  const words = new Int32Array(source.buffer, source.byteOffset, data.length * wordsPerValue);
  const values = new Float64Array(data.length);
  const nullBitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
  for (let row = 0; row < data.length; row++) {
    const base = row * wordsPerValue;
    const low = words[base]! >>> 0;
    const high = words[base + 1]!;
    let fits = high >= -2_097_152 && high < 2_097_152;
    for (let word = 2; word < wordsPerValue; word++) fits &&= words[base + word] === (high < 0 ? -1 : 0);
    if (!fits) {
      const bit = data.offset + row;
      if (nullBitmap !== undefined && ((nullBitmap[bit >> 3]! >> (bit & 7)) & 1) === 0) continue;
      throw new ArrowConversionError(`${where}: row ${row} holds a value beyond 2^53, which a ${String(data.type)} column of retail-datagen cannot hold`);
    }
    const value = (high * twoToThe32 + low) * scale;
    if (!Number.isInteger(value)) throw new ArrowConversionError(`${where}: row ${row} holds ${high * twoToThe32 + low} ${String(data.type)}, which is not a whole number of milliseconds`);
    values[row] = value;
  }
  return values;
}

function dictionaryColumnOf(data: Data): DictionaryColumn {
  const dictionary: string[] = [];
  // A dictionary read from an IPC stream with delta batches has several chunks; indices address their concatenation.
  for (const chunk of (data.dictionary as Vector).data) {
    for (const value of decodeUtf8(chunk.valueOffsets as Int32Array, chunk.values as Uint8Array, chunk.length, chunk.nullCount > 0 ? chunk.nullBitmap : undefined, chunk.offset)) {
      dictionary.push(value ?? '');
    }
  }
  const indices = data.values as ArrayLike<number>;
  const codes = Int32Array.from(indices);
  if (data.nullCount > 0) {
    const bitmap = data.nullBitmap as Uint8Array;
    for (let row = 0; row < data.length; row++) {
      const bit = data.offset + row;
      if (((bitmap[bit >> 3]! >> (bit & 7)) & 1) === 0) codes[row] = -1;
    }
  }
  return { kind: 'dictionary', dictionary, codes };
}
