import bindings, { type Vector } from '@duckdb/node-bindings';
import {
  DuckDBBigIntVector,
  DuckDBBooleanVector,
  DuckDBDateVector,
  DuckDBDecimal64Vector,
  DuckDBDoubleVector,
  DuckDBIntegerVector,
  DuckDBTimestampVector,
  DuckDBVarCharVector,
  type DuckDBVector,
} from '@duckdb/node-api';
import type { ColumnData, DictionaryColumn } from '@retail-datagen/generator-core';
import type { FieldDefinition, TableDefinition } from '@retail-datagen/models';
import { StorageError } from './storage-error.js';
import { moneyPrecision } from './table-ddl.js';

/** Rows of one batch column to copy into one data-chunk vector. */
export interface ColumnSlice {
  readonly table: TableDefinition;
  readonly field: FieldDefinition;
  readonly column: ColumnData;
  /** `validity[row] === 0` marks a NULL; absent when every row has a value. */
  readonly validity: Uint8Array | undefined;
  /** First batch row to copy. */
  readonly offset: number;
  /** Rows to copy; at most the chunk's row count. */
  readonly count: number;
}

/** Largest absolute number of cents DECIMAL(12,2) holds: 9,999,999,999.99. */
const maxCents = 10 ** moneyPrecision.width - 1;
/** Largest absolute millisecond value whose microseconds are still an exact double. */
const maxTimestampMilliseconds = Math.floor(Number.MAX_SAFE_INTEGER / 1000);
/** Bytes of a DuckDB string_t: a 4-byte length, then 12 bytes inline (or a prefix and a heap pointer). */
const stringSlotBytes = 16;
/** Longest string DuckDB stores inline in its string_t, in UTF-8 bytes. */
const inlineStringBytes = 12;
const twoToThe32 = 4_294_967_296;

/**
 * The native vector behind a node-api vector wrapper. The writers fill the
 * vector's memory in bulk with `copy_data_to_vector` (one native call per
 * column slice) instead of the wrappers' `setItem` (a BigInt and a value
 * object per cell for money and timestamps, a native call per string); the
 * wrapper's own buffer is never flushed, so it cannot overwrite what was
 * copied. Pinned to the node-api version of the catalog.
 */
function nativeVector(vector: DuckDBVector): Vector {
  const native = (vector as unknown as { readonly vector?: Vector }).vector;
  if (native === undefined) throw new StorageError('cannot reach the native vector of a DuckDB data chunk (unexpected @duckdb/node-api version)');
  return native;
}

/** Reused scratch memory, grown as needed: 8 bytes per row for 64-bit values, 16 for string slots. */
let scratch = new ArrayBuffer(2048 * stringSlotBytes);
function scratchBytes(byteCount: number): ArrayBuffer {
  if (scratch.byteLength < byteCount) scratch = new ArrayBuffer(Math.max(byteCount, scratch.byteLength * 2));
  return scratch;
}

/**
 * Copies one slice of a batch column into a data-chunk vector of the field's
 * DuckDB type, in bulk: 32-bit and double columns straight from the batch's
 * typed array, 64-bit values (money cents, timestamp microseconds, int64)
 * as two 32-bit words each, strings of up to 12 UTF-8 bytes written inline
 * (longer ones through DuckDB's string heap), and the validity mask as a
 * bitmap when the slice holds NULLs. Values the column cannot store exactly
 * (money that is not whole cents or does not fit DECIMAL(12,2), fractional
 * timestamps, int64 beyond 2^53) are refused with the row and the value.
 */
export function writeColumnSlice(vector: DuckDBVector, slice: ColumnSlice): void {
  const target = nativeVector(vector);
  switch (slice.field.type) {
    case 'int32':
      expectVector(vector, DuckDBIntegerVector, slice);
      copyTyped(target, expectArray(slice.column, Int32Array, slice), slice);
      break;
    case 'date':
      expectVector(vector, DuckDBDateVector, slice);
      copyTyped(target, expectArray(slice.column, Int32Array, slice), slice);
      break;
    case 'float64':
      expectVector(vector, DuckDBDoubleVector, slice);
      copyTyped(target, expectArray(slice.column, Float64Array, slice), slice);
      break;
    case 'int64':
      expectVector(vector, DuckDBBigIntVector, slice);
      copyWide(target, expectArray(slice.column, Float64Array, slice), slice, 1, Number.MAX_SAFE_INTEGER, 'an integer between -(2^53-1) and 2^53-1');
      break;
    case 'money':
      expectVector(vector, DuckDBDecimal64Vector, slice);
      copyWide(target, expectArray(slice.column, Float64Array, slice), slice, 1, maxCents, `whole cents between -${maxCents} and ${maxCents}`);
      break;
    case 'timestamp':
      expectVector(vector, DuckDBTimestampVector, slice);
      copyWide(target, expectArray(slice.column, Float64Array, slice), slice, 1000, maxTimestampMilliseconds, `whole milliseconds since 1970-01-01, at most ${maxTimestampMilliseconds} either way`);
      break;
    case 'boolean':
      expectVector(vector, DuckDBBooleanVector, slice);
      copyBoolean(target, expectArray(slice.column, Uint8Array, slice), slice);
      break;
    case 'string':
      expectVector(vector, DuckDBVarCharVector, slice);
      copyStrings(target, slice);
      return;
  }
  copyValidity(target, slice, undefined);
}

function copyTyped(target: Vector, values: Int32Array | Float64Array, { offset, count }: ColumnSlice): void {
  const width = values.BYTES_PER_ELEMENT;
  bindings.copy_data_to_vector(target, 0, values.buffer as ArrayBuffer, values.byteOffset + offset * width, count * width);
}

/** 64-bit integers (value x multiplier) as little-endian word pairs, without BigInt. */
function copyWide(target: Vector, values: Float64Array, slice: ColumnSlice, multiplier: number, maximum: number, expected: string): void {
  const { validity, offset, count } = slice;
  const buffer = scratchBytes(count * 8);
  const words = new Int32Array(buffer, 0, count * 2);
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    if (validity !== undefined && validity[index] === 0) {
      words[2 * row] = 0;
      words[2 * row + 1] = 0;
      continue;
    }
    const value = values[index] as number;
    if (!Number.isInteger(value) || value > maximum || value < -maximum) throw invalidValue(slice, index, value, expected);
    const scaled = value * multiplier;
    const high = Math.floor(scaled / twoToThe32);
    words[2 * row] = (scaled - high * twoToThe32) | 0;
    words[2 * row + 1] = high;
  }
  bindings.copy_data_to_vector(target, 0, buffer, 0, count * 8);
}

function copyBoolean(target: Vector, values: Uint8Array, { offset, count }: ColumnSlice): void {
  const bytes = new Uint8Array(scratchBytes(count), 0, count);
  for (let row = 0; row < count; row++) bytes[row] = values[offset + row] === 0 ? 0 : 1;
  bindings.copy_data_to_vector(target, 0, bytes.buffer as ArrayBuffer, 0, count);
}

/**
 * Strings: every string that fits inline is written as its string_t slot
 * (length, then up to 12 UTF-8 bytes, zero padded) into one buffer copied in
 * one call; each longer string then goes through DuckDB's string heap. A
 * dictionary's entries are encoded once per slice.
 */
function copyStrings(target: Vector, slice: ColumnSlice): void {
  const { column, offset, count } = slice;
  const slots = new Uint8Array(scratchBytes(count * stringSlotBytes), 0, count * stringSlotBytes);
  slots.fill(0);
  const lengths = new DataView(slots.buffer, 0, count * stringSlotBytes);
  const nulls = nullMask(slice);
  const long: number[] = [];
  const longValues: string[] = [];

  // Slots are copied as four 32-bit words, the cheapest copy of 16 bytes in JS.
  const words = new Int32Array(slots.buffer, 0, count * 4);
  // A long string equal to the last long one before it (a receipt id on each of its lines) goes to the string
  // heap once; the repeats copy the first row's slot. A long dictionary entry goes to the heap once per chunk.
  const repeats: number[] = [];

  if (Array.isArray(column)) {
    const values = column as readonly (string | null | undefined)[];
    let lastLong: string | undefined;
    let lastLongRow = -1;
    let lastShort: string | undefined;
    let lastShortRow = -1;
    for (let row = 0; row < count; row++) {
      const value = values[offset + row];
      if (value === null || value === undefined) {
        nulls[row] = 1;
        continue;
      }
      if (nulls[row] === 1) continue;
      if (value === lastLong) repeats.push(row, lastLongRow);
      else if (value === lastShort) copySlot(words, lastShortRow, row);
      else if (writeInline(slots, lengths, row, value)) {
        lastShort = value;
        lastShortRow = row;
      } else {
        long.push(row);
        longValues.push(value);
        lastLong = value;
        lastLongRow = row;
      }
    }
  } else {
    if (!isDictionaryColumn(column)) throw wrongColumn(slice);
    const { dictionary, codes } = column;
    const encoded = encodeDictionary(dictionary);
    const stamp = ++encoded.stamp;
    for (let row = 0; row < count; row++) {
      const index = offset + row;
      const code = codes[index] as number;
      if (code < 0) {
        nulls[row] = 1;
        continue;
      }
      if (nulls[row] === 1) continue;
      if (code >= dictionary.length) throw invalidValue(slice, index, code, `a dictionary code below ${dictionary.length}, or -1 for NULL`);
      const slot = encoded.slots[code];
      if (slot !== undefined) {
        const base = row * 4;
        words[base] = slot[0] as number;
        words[base + 1] = slot[1] as number;
        words[base + 2] = slot[2] as number;
        words[base + 3] = slot[3] as number;
      } else if (encoded.seenAt[code] === stamp) repeats.push(row, encoded.firstRow[code] as number);
      else {
        encoded.seenAt[code] = stamp;
        encoded.firstRow[code] = row;
        long.push(row);
        longValues.push(dictionary[code] as string);
      }
    }
  }
  bindings.copy_data_to_vector(target, 0, slots.buffer as ArrayBuffer, 0, count * stringSlotBytes);
  for (let item = 0; item < long.length; item++) bindings.vector_assign_string_element(target, long[item] as number, longValues[item] as string);
  if (repeats.length > 0) {
    // The heap slots of the long strings (length, prefix, pointer) are read back and copied to their repeats.
    slots.set(bindings.vector_get_data(target, count * stringSlotBytes).subarray(0, count * stringSlotBytes));
    for (let item = 0; item < repeats.length; item += 2) copySlot(words, repeats[item + 1] as number, repeats[item] as number);
    bindings.copy_data_to_vector(target, 0, slots.buffer as ArrayBuffer, 0, count * stringSlotBytes);
  }
  copyValidity(target, slice, nulls);
}

function copySlot(words: Int32Array, fromRow: number, toRow: number): void {
  const from = fromRow * 4;
  const to = toRow * 4;
  words[to] = words[from] as number;
  words[to + 1] = words[from + 1] as number;
  words[to + 2] = words[from + 2] as number;
  words[to + 3] = words[from + 3] as number;
}

/** Writes a string of at most 12 UTF-8 bytes into its slot; false when it is longer. */
function writeInline(slots: Uint8Array, lengths: DataView, row: number, value: string): boolean {
  if (value.length > inlineStringBytes) return false;
  const base = row * stringSlotBytes;
  for (let char = 0; char < value.length; char++) {
    const code = value.charCodeAt(char);
    if (code > 0x7f) return writeInlineUtf8(slots, lengths, row, value);
    slots[base + 4 + char] = code;
  }
  lengths.setUint32(base, value.length, true);
  return true;
}

const encoder = new TextEncoder();

function writeInlineUtf8(slots: Uint8Array, lengths: DataView, row: number, value: string): boolean {
  const bytes = encoder.encode(value);
  const base = row * stringSlotBytes;
  if (bytes.length > inlineStringBytes) {
    slots.fill(0, base, base + stringSlotBytes);
    return false;
  }
  slots.set(bytes, base + 4);
  lengths.setUint32(base, bytes.length, true);
  return true;
}

/**
 * A dictionary prepared for writing: each entry's inline slot (undefined for
 * an entry longer than 12 bytes), and per entry the chunk (`seenAt`, a stamp)
 * and row where a long entry was last written to the string heap.
 */
interface EncodedDictionary {
  readonly slots: (Int32Array | undefined)[];
  readonly seenAt: Int32Array;
  readonly firstRow: Int32Array;
  stamp: number;
}

const encodedDictionaries = new WeakMap<readonly string[], EncodedDictionary>();
function encodeDictionary(dictionary: readonly string[]): EncodedDictionary {
  let encoded = encodedDictionaries.get(dictionary);
  if (encoded === undefined || encoded.slots.length !== dictionary.length) {
    const slot = new Uint8Array(stringSlotBytes);
    const lengths = new DataView(slot.buffer);
    const slots = dictionary.map((value) => {
      // More than 12 UTF-16 units is more than 12 UTF-8 bytes: not inline, no need to encode.
      if (value.length > inlineStringBytes) return undefined;
      slot.fill(0);
      return writeInline(slot, lengths, 0, value) ? new Int32Array(slot.slice().buffer) : undefined;
    });
    encoded = { slots, seenAt: new Int32Array(dictionary.length), firstRow: new Int32Array(dictionary.length), stamp: 0 };
    encodedDictionaries.set(dictionary, encoded);
  }
  return encoded;
}

/** 1 for each slice row the batch's validity mask marks NULL. */
function nullMask({ validity, offset, count }: ColumnSlice): Uint8Array {
  const nulls = new Uint8Array(count);
  if (validity !== undefined) for (let row = 0; row < count; row++) if (validity[offset + row] === 0) nulls[row] = 1;
  return nulls;
}

/**
 * Writes the validity bitmap (bit set = value present) when the slice has a
 * NULL; a fresh chunk's vectors are all valid, so nothing is written otherwise.
 */
function copyValidity(target: Vector, slice: ColumnSlice, nulls: Uint8Array | undefined): void {
  const mask = nulls ?? (slice.validity === undefined ? undefined : nullMask(slice));
  if (mask === undefined || !mask.includes(1)) return;
  const words = Math.ceil(slice.count / 64);
  const bitmap = new Uint8Array(words * 8).fill(0xff);
  for (let row = 0; row < slice.count; row++) if (mask[row] === 1) bitmap[row >> 3] = (bitmap[row >> 3] as number) & ~(1 << (row & 7));
  bindings.vector_ensure_validity_writable(target);
  bindings.copy_data_to_vector_validity(target, 0, bitmap.buffer, 0, bitmap.byteLength);
}

function isDictionaryColumn(column: ColumnData): column is DictionaryColumn {
  return !Array.isArray(column) && 'kind' in column && column.kind === 'dictionary';
}

function expectVector<T>(vector: DuckDBVector, type: abstract new (...args: never[]) => T, slice: ColumnSlice): T {
  if (vector instanceof type) return vector;
  throw new StorageError(
    `cannot store ${slice.table.name}.${slice.field.column}: the data chunk holds ${vector.type.toString()} where ${slice.field.type} was expected`,
  );
}

function expectArray<T>(column: ColumnData, type: abstract new (...args: never[]) => T, slice: ColumnSlice): T {
  if (column instanceof type) return column;
  throw wrongColumn(slice);
}

function wrongColumn({ table, field, column }: ColumnSlice): StorageError {
  const held = Array.isArray(column) ? 'a string array' : (column.constructor?.name ?? typeof column);
  return new StorageError(`cannot store ${table.name}.${field.column}: a ${field.type} field is held as ${held}`);
}

function invalidValue({ table, field }: ColumnSlice, row: number, value: number, expected: string): StorageError {
  return new StorageError(`cannot store ${table.name}.${field.column} row ${row}: got ${value}; expected ${expected}`);
}
