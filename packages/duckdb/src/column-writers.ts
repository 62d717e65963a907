import {
  DuckDBBigIntVector,
  DuckDBBooleanVector,
  DuckDBDateValue,
  DuckDBDateVector,
  DuckDBDecimal64Vector,
  DuckDBDecimalValue,
  DuckDBDoubleVector,
  DuckDBIntegerVector,
  DuckDBTimestampValue,
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

/**
 * Copies one slice of a batch column into a data-chunk vector of the field's
 * DuckDB type and flushes it. One tight loop per type: typed values go in
 * with `setItem`, NULLs where the validity mask says 0 (or a string is null,
 * or a dictionary code is -1). Values the column cannot store exactly (money
 * that is not whole cents or does not fit DECIMAL(12,2), fractional
 * timestamps, int64 beyond 2^53) are refused with the row and the value.
 */
export function writeColumnSlice(vector: DuckDBVector, slice: ColumnSlice): void {
  switch (slice.field.type) {
    case 'int32':
      writeInt32(expectVector(vector, DuckDBIntegerVector, slice), expectArray(slice.column, Int32Array, slice), slice);
      break;
    case 'date':
      writeDate(expectVector(vector, DuckDBDateVector, slice), expectArray(slice.column, Int32Array, slice), slice);
      break;
    case 'int64':
      writeInt64(expectVector(vector, DuckDBBigIntVector, slice), expectArray(slice.column, Float64Array, slice), slice);
      break;
    case 'float64':
      writeFloat64(expectVector(vector, DuckDBDoubleVector, slice), expectArray(slice.column, Float64Array, slice), slice);
      break;
    case 'money':
      writeMoney(expectVector(vector, DuckDBDecimal64Vector, slice), expectArray(slice.column, Float64Array, slice), slice);
      break;
    case 'timestamp':
      writeTimestamp(expectVector(vector, DuckDBTimestampVector, slice), expectArray(slice.column, Float64Array, slice), slice);
      break;
    case 'boolean':
      writeBoolean(expectVector(vector, DuckDBBooleanVector, slice), expectArray(slice.column, Uint8Array, slice), slice);
      break;
    case 'string':
      writeString(expectVector(vector, DuckDBVarCharVector, slice), slice);
      break;
  }
  vector.flush();
}

function writeInt32(vector: DuckDBIntegerVector, values: Int32Array, { validity, offset, count }: ColumnSlice): void {
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    vector.setItem(row, validity !== undefined && validity[index] === 0 ? null : (values[index] as number));
  }
}

function writeDate(vector: DuckDBDateVector, days: Int32Array, { validity, offset, count }: ColumnSlice): void {
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    vector.setItem(row, validity !== undefined && validity[index] === 0 ? null : new DuckDBDateValue(days[index] as number));
  }
}

function writeInt64(vector: DuckDBBigIntVector, values: Float64Array, slice: ColumnSlice): void {
  const { validity, offset, count } = slice;
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    if (validity !== undefined && validity[index] === 0) {
      vector.setItem(row, null);
      continue;
    }
    const value = values[index] as number;
    if (!Number.isSafeInteger(value)) throw invalidValue(slice, index, value, 'an integer between -(2^53-1) and 2^53-1');
    vector.setItem(row, BigInt(value));
  }
}

function writeFloat64(vector: DuckDBDoubleVector, values: Float64Array, { validity, offset, count }: ColumnSlice): void {
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    vector.setItem(row, validity !== undefined && validity[index] === 0 ? null : (values[index] as number));
  }
}

function writeMoney(vector: DuckDBDecimal64Vector, cents: Float64Array, slice: ColumnSlice): void {
  const { validity, offset, count } = slice;
  const { width, scale } = moneyPrecision;
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    if (validity !== undefined && validity[index] === 0) {
      vector.setItem(row, null);
      continue;
    }
    const value = cents[index] as number;
    if (!Number.isInteger(value) || value > maxCents || value < -maxCents) {
      throw invalidValue(slice, index, value, `whole cents between -${maxCents} and ${maxCents}`);
    }
    // The scaled integer of DECIMAL(12,2) is the number of cents: 12345 is 123.45.
    vector.setItem(row, new DuckDBDecimalValue(BigInt(value), width, scale));
  }
}

function writeTimestamp(vector: DuckDBTimestampVector, milliseconds: Float64Array, slice: ColumnSlice): void {
  const { validity, offset, count } = slice;
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    if (validity !== undefined && validity[index] === 0) {
      vector.setItem(row, null);
      continue;
    }
    const value = milliseconds[index] as number;
    if (!Number.isInteger(value) || value > maxTimestampMilliseconds || value < -maxTimestampMilliseconds) {
      throw invalidValue(slice, index, value, `whole milliseconds since 1970-01-01, at most ${maxTimestampMilliseconds} either way`);
    }
    // value * 1000 is exact below 2^53, so one BigInt conversion is enough.
    vector.setItem(row, new DuckDBTimestampValue(BigInt(value * 1000)));
  }
}

function writeBoolean(vector: DuckDBBooleanVector, values: Uint8Array, { validity, offset, count }: ColumnSlice): void {
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    vector.setItem(row, validity !== undefined && validity[index] === 0 ? null : values[index] !== 0);
  }
}

function writeString(vector: DuckDBVarCharVector, slice: ColumnSlice): void {
  const { column, validity, offset, count } = slice;
  if (Array.isArray(column)) {
    const values = column as readonly (string | null | undefined)[];
    for (let row = 0; row < count; row++) {
      const index = offset + row;
      vector.setItem(row, validity !== undefined && validity[index] === 0 ? null : (values[index] ?? null));
    }
    return;
  }
  if (!isDictionaryColumn(column)) throw wrongColumn(slice);
  const { dictionary, codes } = column;
  for (let row = 0; row < count; row++) {
    const index = offset + row;
    const code = codes[index] as number;
    if (code < 0 || (validity !== undefined && validity[index] === 0)) {
      vector.setItem(row, null);
      continue;
    }
    const value = dictionary[code];
    if (value === undefined) throw invalidValue(slice, index, code, `a dictionary code below ${dictionary.length}, or -1 for NULL`);
    vector.setItem(row, value);
  }
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
