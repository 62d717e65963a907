import { millisecondsPerDay, type ColumnBatch, type ColumnData, type DictionaryColumn, type Utf8Column } from '@retail-datagen/generator-core';
import { createColumnBatch } from '@retail-datagen/generator-core';
import type { FieldDefinition } from '@retail-datagen/models';
import { partitionValueOf } from './file-layout.js';

/**
 * Splits a batch by the day of a timestamp field: one batch per partition
 * value (`YYYY-MM-DD`), in the order the days first appear, rows keeping
 * their order. A batch of one day is returned as it is.
 */
export function splitByDay(batch: ColumnBatch, source: FieldDefinition): [string, ColumnBatch][] {
  const timestamps = batch.columns[source.name] as Float64Array;
  if (batch.length === 0) return [];
  const days = new Float64Array(batch.length);
  let single = true;
  for (let row = 0; row < batch.length; row++) {
    days[row] = Math.floor((timestamps[row] as number) / millisecondsPerDay);
    if (days[row] !== days[0]) single = false;
  }
  if (single) return [[partitionValueOf(timestamps[0] as number), batch]];
  const rowsByDay = new Map<number, number[]>();
  for (let row = 0; row < batch.length; row++) {
    const day = days[row] as number;
    const rows = rowsByDay.get(day);
    if (rows) rows.push(row);
    else rowsByDay.set(day, [row]);
  }
  return [...rowsByDay].map(([day, rows]) => [partitionValueOf(day * millisecondsPerDay), selectRows(batch, Int32Array.from(rows))]);
}

/** The rows of a batch at `indices`, in that order. */
export function selectRows(batch: ColumnBatch, indices: Int32Array): ColumnBatch {
  const columns: Record<string, ColumnData> = {};
  const validity: Record<string, Uint8Array> = {};
  for (const field of batch.table.fields) {
    columns[field.name] = selectColumn(batch.columns[field.name] as ColumnData, indices);
    const mask = batch.validity[field.name];
    if (mask) validity[field.name] = gather(mask, indices, new Uint8Array(indices.length));
  }
  return createColumnBatch(batch.table, indices.length, columns, validity);
}

function selectColumn(column: ColumnData, indices: Int32Array): ColumnData {
  if (column instanceof Int32Array) return gather(column, indices, new Int32Array(indices.length));
  if (column instanceof Float64Array) return gather(column, indices, new Float64Array(indices.length));
  if (column instanceof Uint8Array) return gather(column, indices, new Uint8Array(indices.length));
  if (Array.isArray(column)) return Array.from(indices, (index) => (column as readonly (string | null)[])[index] ?? null);
  const coded = column as Utf8Column | DictionaryColumn;
  if (coded.kind === 'utf8') return selectUtf8(coded, indices);
  const dictionary = coded;
  return { kind: 'dictionary', dictionary: dictionary.dictionary, codes: gather(dictionary.codes, indices, new Int32Array(indices.length)) };
}

/** The rows' UTF-8 bytes copied in the new order, never decoded. */
function selectUtf8(column: Utf8Column, indices: Int32Array): Utf8Column {
  const offsets = new Int32Array(indices.length + 1);
  let byteCount = 0;
  for (let row = 0; row < indices.length; row++) {
    const index = indices[row] as number;
    byteCount += (column.offsets[index + 1] as number) - (column.offsets[index] as number);
    offsets[row + 1] = byteCount;
  }
  const bytes = new Uint8Array(byteCount);
  for (let row = 0; row < indices.length; row++) {
    const index = indices[row] as number;
    bytes.set(column.bytes.subarray(column.offsets[index], column.offsets[index + 1]), offsets[row]);
  }
  const { validity } = column;
  if (validity === undefined) return { kind: 'utf8', offsets, bytes };
  return { kind: 'utf8', offsets, bytes, validity: gather(validity, indices, new Uint8Array(indices.length)) };
}

function gather<T extends Int32Array | Float64Array | Uint8Array>(source: T, indices: Int32Array, target: T): T {
  for (let row = 0; row < indices.length; row++) target[row] = source[indices[row] as number] as number;
  return target;
}
