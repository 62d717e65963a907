import bindings, { type Vector } from '@duckdb/node-bindings';
import { utf8ColumnOf, type ColumnData, type DictionaryColumn, type Utf8Column } from '@retail-datagen/generator-core';
import type { FieldDefinition, TableDefinition } from '@retail-datagen/models';
import { StorageError } from './storage-error.js';
import { moneyPrecision } from './table-ddl.js';

/** Rows of one batch column to copy into one data-chunk vector. */
export interface ColumnSlice {
  /** First vector row to write: a chunk may hold the rows of several batches. */
  readonly at: number;
  readonly table: TableDefinition;
  readonly field: FieldDefinition;
  readonly column: ColumnData;
  /** `validity[row] === 0` marks a NULL; absent when every row has a value. */
  readonly validity: Uint8Array | undefined;
  /** First batch row to copy. */
  readonly offset: number;
  /** Rows to copy; `at + count` is at most the chunk's capacity. */
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

/** Reused scratch memory, grown as needed: 8 bytes per row for 64-bit values, 16 for string slots. */
let scratch = new ArrayBuffer(2048 * stringSlotBytes);
function scratchBytes(byteCount: number): ArrayBuffer {
  if (scratch.byteLength < byteCount) scratch = new ArrayBuffer(Math.max(byteCount, scratch.byteLength * 2));
  return scratch;
}

/**
 * Copies one slice of a batch column into a data-chunk vector of the field's
 * DuckDB type (the chunk is built from the table's definition, so the types
 * match), from vector row `at` on, in bulk with `copy_data_to_vector` (one
 * native call per column slice instead of a value object or a native call per
 * cell): 32-bit and double columns straight from the batch's
 * typed array, 64-bit values (money cents, timestamp microseconds, int64)
 * as two 32-bit words each, strings of up to 12 UTF-8 bytes written inline
 * (longer ones through DuckDB's string heap), and the validity mask as a
 * bitmap when the slice holds NULLs. Values the column cannot store exactly
 * (money that is not whole cents or does not fit DECIMAL(12,2), fractional
 * timestamps, int64 beyond 2^53) are refused with the row and the value.
 */
export function writeColumnSlice(target: Vector, slice: ColumnSlice): void {
  switch (slice.field.type) {
    case 'int32':
      copyTyped(target, expectArray(slice.column, Int32Array, slice), slice);
      break;
    case 'date':
      copyTyped(target, expectArray(slice.column, Int32Array, slice), slice);
      break;
    case 'float64':
      copyTyped(target, expectArray(slice.column, Float64Array, slice), slice);
      break;
    case 'int64':
      copyWide(target, expectArray(slice.column, Float64Array, slice), slice, 1, Number.MAX_SAFE_INTEGER, 'an integer between -(2^53-1) and 2^53-1');
      break;
    case 'money':
      copyWide(target, expectArray(slice.column, Float64Array, slice), slice, 1, maxCents, `whole cents between -${maxCents} and ${maxCents}`);
      break;
    case 'timestamp':
      copyWide(target, expectArray(slice.column, Float64Array, slice), slice, 1000, maxTimestampMilliseconds, `whole milliseconds since 1970-01-01, at most ${maxTimestampMilliseconds} either way`);
      break;
    case 'boolean':
      copyBoolean(target, expectArray(slice.column, Uint8Array, slice), slice);
      break;
    case 'string':
      if (slice.field.values === undefined) copyStrings(target, slice);
      else copyEnum(target, slice, slice.field.values);
      return;
  }
  copyValidity(target, slice, undefined);
}

function copyTyped(target: Vector, values: Int32Array | Float64Array, { at, offset, count }: ColumnSlice): void {
  const width = values.BYTES_PER_ELEMENT;
  bindings.copy_data_to_vector(target, at * width, values.buffer as ArrayBuffer, values.byteOffset + offset * width, count * width);
}

/** 64-bit integers (value x multiplier) as little-endian word pairs, without BigInt. */
function copyWide(target: Vector, values: Float64Array, slice: ColumnSlice, multiplier: number, maximum: number, expected: string): void {
  const { validity, at, offset, count } = slice;
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
  bindings.copy_data_to_vector(target, at * 8, buffer, 0, count * 8);
}

function copyBoolean(target: Vector, values: Uint8Array, { at, offset, count }: ColumnSlice): void {
  const bytes = new Uint8Array(scratchBytes(count), 0, count);
  for (let row = 0; row < count; row++) bytes[row] = values[offset + row] === 0 ? 0 : 1;
  bindings.copy_data_to_vector(target, at, bytes.buffer as ArrayBuffer, 0, count);
}

/**
 * Strings: every string that fits inline is written as its string_t slot
 * (length, then up to 12 UTF-8 bytes, zero padded) into one buffer copied in
 * one call; each longer string then goes through DuckDB's string heap. A
 * dictionary's entries are encoded once per slice; a Utf8Column's bytes are
 * copied as they are, never decoded to text.
 */
function copyStrings(target: Vector, slice: ColumnSlice): void {
  const { column } = slice;
  if (isUtf8Column(column)) {
    copyUtf8(target, slice, column);
    return;
  }
  if (Array.isArray(column)) {
    copyStringArray(target, slice, column as readonly (string | null | undefined)[]);
    return;
  }
  if (!isDictionaryColumn(column)) throw wrongColumn(slice);
  copyDictionary(target, slice, column);
}

/** Plain strings: inline ones into their slots, long ones through the string heap, a repeated long one once. */
function copyStringArray(target: Vector, slice: ColumnSlice, values: readonly (string | null | undefined)[]): void {
  const { at, offset, count } = slice;
  const slots = new Uint8Array(scratchBytes(count * stringSlotBytes), 0, count * stringSlotBytes);
  slots.fill(0);
  const lengths = new DataView(slots.buffer, 0, count * stringSlotBytes);
  const nulls = nullMask(slice);
  const long: number[] = [];
  const longValues: string[] = [];

  // Slots are copied as four 32-bit words, the cheapest copy of 16 bytes in JS.
  const words = new Int32Array(slots.buffer, 0, count * 4);
  // A long string equal to the last long one before it (an impression id repeated) goes to the string heap once;
  // the repeats copy the first row's slot.
  const repeats: number[] = [];
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
  const first = at * stringSlotBytes;
  bindings.copy_data_to_vector(target, first, slots.buffer as ArrayBuffer, 0, count * stringSlotBytes);
  for (let item = 0; item < long.length; item++) bindings.vector_assign_string_element(target, at + (long[item] as number), longValues[item] as string);
  if (repeats.length > 0) {
    // The heap slots of the long strings (length, prefix, pointer) are read back and copied to their repeats.
    slots.set(bindings.vector_get_data(target, first + count * stringSlotBytes).subarray(first, first + count * stringSlotBytes));
    for (let item = 0; item < repeats.length; item += 2) copySlot(words, repeats[item + 1] as number, repeats[item] as number);
    bindings.copy_data_to_vector(target, first, slots.buffer as ArrayBuffer, 0, count * stringSlotBytes);
  }
  copyValidity(target, slice, nulls);
}

/**
 * Dictionary codes: each row gets its entry's slot (encoded once per
 * dictionary: inline entries whole, long ones as length and prefix). The
 * long entries the slice uses are gathered, each once, into one buffer that
 * goes to DuckDB's string heap as a single value, and their rows' slots
 * point into it: two native calls per slice however many distinct long
 * strings (receipt ids, BLE ids) it holds.
 */
function copyDictionary(target: Vector, slice: ColumnSlice, column: DictionaryColumn): void {
  const { at, offset, count, validity } = slice;
  const { dictionary, codes } = column;
  const encoded = encodeDictionary(dictionary);
  const entryWords = encoded.words;
  const isLong = encoded.long;
  const stamp = ++encoded.stamp;
  const seenAt = encoded.seenAt;
  const heapOffset = encoded.heapOffset;
  const words = new Int32Array(scratchBytes(count * stringSlotBytes), 0, count * 4);
  let nulls: Uint8Array | undefined;
  /** The distinct long entries of the slice, in the order of their first row, and their bytes in all. */
  const longCodes: number[] = [];
  let longBytes = 0;
  let firstLong = -1;
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    const code = codes[index] as number;
    const base = row * 4;
    if (code < 0 || (validity !== undefined && validity[index] === 0)) {
      nulls ??= new Uint8Array(count);
      nulls[row] = 1;
      words[base] = 0;
      words[base + 1] = 0;
      words[base + 2] = 0;
      words[base + 3] = 0;
      continue;
    }
    if (code >= dictionary.length) throw invalidValue(slice, index, code, `a dictionary code below ${dictionary.length}, or -1 for NULL`);
    const entry = code * 4;
    words[base] = entryWords[entry] as number;
    words[base + 1] = entryWords[entry + 1] as number;
    words[base + 2] = entryWords[entry + 2] as number;
    words[base + 3] = entryWords[entry + 3] as number;
    if (isLong[code] === 1) {
      if (firstLong < 0) firstLong = row;
      if (seenAt[code] !== stamp) {
        seenAt[code] = stamp;
        heapOffset[code] = longBytes;
        longBytes += entryWords[entry] as number;
        longCodes.push(code);
      }
    }
  }
  if (firstLong >= 0) {
    // The slice's long entries, each once, as one heap value (in the first long row's slot for now: overwritten below).
    const heap = new Uint8Array(longBytes);
    const { utf8, offsets } = encoded;
    for (const code of longCodes) heap.set(utf8.subarray(offsets[code] as number, offsets[code + 1] as number), heapOffset[code] as number);
    bindings.vector_assign_string_element_len(target, at + firstLong, heap);
    const data = bindings.vector_get_data(target, (at + firstLong + 1) * stringSlotBytes);
    const heapSlot = new DataView(data.buffer, data.byteOffset + (at + firstLong) * stringSlotBytes, stringSlotBytes);
    const low = heapSlot.getInt32(8, true);
    const high = heapSlot.getInt32(12, true);
    for (let row = firstLong; row < count; row++) {
      const code = codes[offset + row] as number;
      if (code < 0 || isLong[code] !== 1 || (nulls !== undefined && nulls[row] === 1)) continue;
      const sumLow = (low + (heapOffset[code] as number)) | 0;
      words[row * 4 + 2] = sumLow;
      words[row * 4 + 3] = carriedHigh(low, sumLow, high);
    }
  }
  bindings.copy_data_to_vector(target, at * stringSlotBytes, words.buffer as ArrayBuffer, 0, count * stringSlotBytes);
  copyValidity(target, slice, nulls ?? noNulls);
}

/**
 * A closed set of values (an ENUM vector): each row's index in the field's
 * values, one byte a row, in one native call. A dictionary is mapped to
 * indices once per dictionary; a value outside the set is refused with the
 * row and the set.
 */
function copyEnum(target: Vector, slice: ColumnSlice, values: readonly string[]): void {
  const { at, offset, count, validity, column } = slice;
  const indices = new Uint8Array(scratchBytes(count), 0, count);
  let nulls: Uint8Array | undefined;
  if (isDictionaryColumn(column)) {
    const { codes, dictionary } = column;
    const mapped = enumIndicesOf(dictionary, values);
    for (let row = 0; row < count; row++) {
      const index = offset + row;
      const code = codes[index] as number;
      if (code < 0 || (validity !== undefined && validity[index] === 0)) {
        (nulls ??= new Uint8Array(count))[row] = 1;
        indices[row] = 0;
        continue;
      }
      if (code >= dictionary.length) throw invalidValue(slice, index, code, `a dictionary code below ${dictionary.length}, or -1 for NULL`);
      const value = mapped[code] as number;
      if (value < 0) throw notInSet(slice, index, dictionary[code], values);
      indices[row] = value;
    }
  } else {
    const lookup = new Map(values.map((value, index) => [value, index]));
    const textOf = isUtf8Column(column) ? utf8Text(column) : Array.isArray(column) ? (row: number) => (column as readonly (string | null | undefined)[])[row] : undefined;
    if (textOf === undefined) throw wrongColumn(slice);
    for (let row = 0; row < count; row++) {
      const index = offset + row;
      const value = validity !== undefined && validity[index] === 0 ? null : textOf(index);
      if (value === null || value === undefined) {
        (nulls ??= new Uint8Array(count))[row] = 1;
        indices[row] = 0;
        continue;
      }
      const found = lookup.get(value);
      if (found === undefined) throw notInSet(slice, index, value, values);
      indices[row] = found;
    }
  }
  bindings.copy_data_to_vector(target, at, indices.buffer as ArrayBuffer, 0, count);
  copyValidity(target, slice, nulls ?? noNulls);
}

/** Each dictionary entry's index in a closed set of values, -1 for one outside it; once per dictionary and set. */
const enumIndices = new WeakMap<readonly string[], { readonly values: readonly string[]; readonly size: number; readonly indices: Int16Array }>();
function enumIndicesOf(dictionary: readonly string[], values: readonly string[]): Int16Array {
  const cached = enumIndices.get(dictionary);
  if (cached !== undefined && cached.values === values && cached.size === dictionary.length) return cached.indices;
  const indices = Int16Array.from(dictionary, (entry) => values.indexOf(entry));
  enumIndices.set(dictionary, { values, size: dictionary.length, indices });
  return indices;
}

const utf8Decoder = new TextDecoder();
function utf8Text(column: Utf8Column): (row: number) => string | null {
  const { offsets, bytes, validity } = column;
  return (row) => (validity !== undefined && validity[row] === 0 ? null : utf8Decoder.decode(bytes.subarray(offsets[row] as number, offsets[row + 1] as number)));
}

function notInSet({ table, field }: ColumnSlice, row: number, value: string | undefined, values: readonly string[]): StorageError {
  return new StorageError(`cannot store ${table.name}.${field.column} row ${row}: got ${JSON.stringify(value)}; expected one of ${values.join(', ')}`);
}

/**
 * The high word of a heap pointer whose low word `low` became `sumLow` by
 * adding an offset below 2^31: one more when the unsigned addition carried.
 * Int32 arithmetic only (the sign bit flipped makes the signed comparison an
 * unsigned one): with the words read as unsigned numbers, a low word of 2^31
 * or more made V8 deoptimize the string writers over and over (`lost
 * precision`, 40 times in a 10M-row run).
 *
 * @internal Exported for its tests.
 */
export function carriedHigh(low: number, sumLow: number, high: number): number {
  return ((sumLow ^ signBit) < (low ^ signBit) ? high + 1 : high) | 0;
}

const signBit = -0x8000_0000;

/** A mask without NULLs, for copyValidity (which then writes nothing). */
const noNulls = new Uint8Array(0);

/**
 * UTF-8 bytes (a Utf8Column): strings of up to 12 bytes are written into
 * their slots; the slice's bytes, which hold every longer string, go to
 * DuckDB's string heap at once, as one value, and each long slot (length,
 * 4-byte prefix, pointer) points into that copy: two native calls per slice
 * however many long strings it holds. The copy belongs to the vector until
 * the chunk is reset, after the appender has copied the rows.
 */
function copyUtf8(target: Vector, slice: ColumnSlice, column: Utf8Column): void {
  const { at, offset, count } = slice;
  const { offsets, bytes, validity: present } = column;
  const slots = new Uint8Array(scratchBytes(count * stringSlotBytes), 0, count * stringSlotBytes);
  slots.fill(0);
  const words = new Int32Array(slots.buffer, 0, count * 4);
  const nulls = nullMask(slice);
  const sliceStart = offsets[offset] as number;
  let firstLong = -1;
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    if (present !== undefined && present[index] === 0) nulls[row] = 1;
    if (nulls[row] === 1) continue;
    const start = offsets[index] as number;
    const length = (offsets[index + 1] as number) - start;
    const base = row * stringSlotBytes;
    words[row * 4] = length;
    // Inline: all of it; long: its first 4 bytes, the prefix. The pointer comes below.
    const copied = length <= inlineStringBytes ? length : 4;
    for (let byte = 0; byte < copied; byte++) slots[base + 4 + byte] = bytes[start + byte] as number;
    if (length > inlineStringBytes && firstLong < 0) firstLong = row;
  }
  if (firstLong >= 0) {
    // The whole slice's text as one heap value, in the first long row's slot for now (overwritten below).
    bindings.vector_assign_string_element_len(target, at + firstLong, bytes.subarray(sliceStart, offsets[offset + count]));
    const data = bindings.vector_get_data(target, (at + firstLong + 1) * stringSlotBytes);
    const heapSlot = new DataView(data.buffer, data.byteOffset + (at + firstLong) * stringSlotBytes, stringSlotBytes);
    const low = heapSlot.getInt32(8, true);
    const high = heapSlot.getInt32(12, true);
    for (let row = firstLong; row < count; row++) {
      if (nulls[row] === 1 || (words[row * 4] as number) <= inlineStringBytes) continue;
      const sumLow = (low + ((offsets[offset + row] as number) - sliceStart)) | 0;
      words[row * 4 + 2] = sumLow;
      words[row * 4 + 3] = carriedHigh(low, sumLow, high);
    }
  }
  bindings.copy_data_to_vector(target, at * stringSlotBytes, slots.buffer as ArrayBuffer, 0, count * stringSlotBytes);
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
 * A dictionary prepared for writing: each entry's string_t slot as four
 * words (inline entries whole; long ones, flagged in `long`, as length and
 * 4-byte prefix, the pointer set per slice), every entry's UTF-8 bytes, and
 * per long entry the slice (`seenAt`, a stamp) that last gathered it and
 * where it went in that slice's heap value.
 */
interface EncodedDictionary {
  readonly size: number;
  readonly words: Int32Array;
  readonly long: Uint8Array;
  readonly utf8: Uint8Array;
  readonly offsets: Int32Array;
  readonly seenAt: Int32Array;
  readonly heapOffset: Int32Array;
  stamp: number;
}

const encodedDictionaries = new WeakMap<readonly string[], EncodedDictionary>();
function encodeDictionary(dictionary: readonly string[]): EncodedDictionary {
  let encoded = encodedDictionaries.get(dictionary);
  if (encoded === undefined || encoded.size !== dictionary.length) {
    const size = dictionary.length;
    const { bytes: utf8, offsets } = utf8ColumnOf(dictionary);
    const words = new Int32Array(size * 4);
    const slotBytes = new Uint8Array(words.buffer);
    const long = new Uint8Array(size);
    for (let code = 0; code < size; code++) {
      const start = offsets[code] as number;
      const length = (offsets[code + 1] as number) - start;
      words[code * 4] = length;
      // Inline: all of it; long: the 4-byte prefix (the pointer is per slice).
      slotBytes.set(utf8.subarray(start, start + (length <= inlineStringBytes ? length : 4)), code * stringSlotBytes + 4);
      if (length > inlineStringBytes) long[code] = 1;
    }
    encoded = { size, words, long, utf8, offsets, seenAt: new Int32Array(size), heapOffset: new Int32Array(size), stamp: 0 };
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
 * Clears the validity bits (bit set = value present) of the slice's NULL
 * rows; a fresh (or reset) chunk's vectors are all valid, so nothing is
 * written when the slice has none. The bitmap is read back first: rows
 * before `at` belong to other slices.
 */
function copyValidity(target: Vector, slice: ColumnSlice, nulls: Uint8Array | undefined): void {
  const mask = nulls ?? (slice.validity === undefined ? undefined : nullMask(slice));
  if (mask === undefined || !mask.includes(1)) return;
  const byteCount = Math.ceil((slice.at + slice.count) / 64) * 8;
  bindings.vector_ensure_validity_writable(target);
  const bitmap = Uint8Array.from(bindings.vector_get_validity(target, byteCount).subarray(0, byteCount));
  for (let row = 0; row < slice.count; row++) {
    if (mask[row] !== 1) continue;
    const bit = slice.at + row;
    bitmap[bit >> 3] = (bitmap[bit >> 3] as number) & ~(1 << (bit & 7));
  }
  bindings.copy_data_to_vector_validity(target, 0, bitmap.buffer, 0, byteCount);
}

function isDictionaryColumn(column: ColumnData): column is DictionaryColumn {
  return !Array.isArray(column) && 'kind' in column && column.kind === 'dictionary';
}

function isUtf8Column(column: ColumnData): column is Utf8Column {
  return !Array.isArray(column) && 'kind' in column && column.kind === 'utf8';
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
