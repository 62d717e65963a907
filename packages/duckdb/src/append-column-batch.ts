import bindings from '@duckdb/node-bindings';
import { DuckDBDataChunk, type DuckDBAppender, type DuckDBVector } from '@duckdb/node-api';
import { columnLength, isColumnOfType, type ColumnBatch } from '@retail-datagen/generator-core';
import { writeColumnSlice } from './column-writers.js';
import { StorageError } from './storage-error.js';
import { duckdbColumnTypes } from './table-ddl.js';

/** Rows per data chunk: DuckDB's vector size, the most one chunk can hold. */
export const rowsPerChunk = 2048;

/**
 * Appends a batch to an open appender as data chunks of {@link rowsPerChunk}
 * rows, each column written by one typed loop. The appender buffers the
 * chunks; they reach the table when it is flushed or closed, inside whatever
 * transaction the connection has open.
 *
 * The batch is checked against its table first (every field present, held as
 * its type's array, as long as the batch), so a malformed batch fails before
 * anything is appended.
 */
export function appendColumnBatch(appender: DuckDBAppender, batch: ColumnBatch): void {
  checkBatchShape(batch);
  const { table } = batch;
  const types = table.fields.map((field) => duckdbColumnTypes[field.type].chunkType);
  // One chunk serves the whole batch: reset after each append (the appender has copied it), so its vectors,
  // and their string heaps, are reused rather than allocated per 2048 rows.
  const chunk = DuckDBDataChunk.create(types, rowsPerChunk);
  const vectors = table.fields.map((_, index) => chunk.getColumnVector(index));
  for (let offset = 0; offset < batch.length; offset += rowsPerChunk) {
    const count = Math.min(rowsPerChunk, batch.length - offset);
    bindings.data_chunk_set_size(chunk.chunk, count);
    table.fields.forEach((field, index) => {
      writeColumnSlice(vectors[index] as DuckDBVector, {
        table,
        field,
        column: batch.columns[field.name] as NonNullable<(typeof batch.columns)[string]>,
        validity: batch.validity[field.name],
        offset,
        count,
      });
    });
    appender.appendDataChunk(chunk);
    chunk.reset();
  }
}

function checkBatchShape(batch: ColumnBatch): void {
  const { table } = batch;
  const problem = (text: string) => new StorageError(`cannot store a batch for ${table.name}: ${text}`);
  if (!Number.isInteger(batch.length) || batch.length < 0) throw problem(`length ${batch.length} is not a row count`);
  for (const field of table.fields) {
    const column = batch.columns[field.name];
    if (column === undefined) throw problem(`field ${field.name} is missing`);
    if (!isColumnOfType(column, field.type)) throw problem(`field ${field.name} is not held as a ${field.type} column`);
    const length = columnLength(column);
    if (length !== batch.length) throw problem(`field ${field.name} has ${length} values, expected ${batch.length}`);
    const mask = batch.validity[field.name];
    if (mask !== undefined && mask.length !== batch.length) {
      throw problem(`validity of ${field.name} has ${mask.length} values, expected ${batch.length}`);
    }
  }
  const known = new Set(table.fields.map((field) => field.name));
  for (const name of Object.keys(batch.columns)) {
    if (!known.has(name)) throw problem(`field ${name} is not in the table; fields: ${[...known].join(', ')}`);
  }
}
