import bindings, { type Vector } from '@duckdb/node-bindings';
import { DuckDBDataChunk, type DuckDBAppender } from '@duckdb/node-api';
import { columnLength, isColumnOfType, type ColumnBatch } from '@retail-datagen/generator-core';
import type { TableDefinition } from '@retail-datagen/models';
import { writeColumnSlice } from './column-writers.js';
import { StorageError } from './storage-error.js';
import { columnChunkType } from './table-ddl.js';

/** Rows per data chunk: DuckDB's vector size, the most one chunk can hold. */
export const rowsPerChunk = 2048;

/** A data chunk of one table's column types, with its native vectors. */
interface TableChunk {
  readonly chunk: DuckDBDataChunk;
  readonly vectors: readonly Vector[];
  /** Rows filled so far. */
  rows: number;
}

/** Free chunks kept for reuse, over all tables; beyond it a returned chunk is left to the garbage collector. */
const maxFreeChunks = 1024;

/**
 * Data chunks for reuse, by table. Filled chunks go back after their append
 * and are reset, so native memory stays at the chunks in use at once rather
 * than waiting for the garbage collector, which does not see it.
 */
export class DataChunkPool {
  readonly #free = new Map<string, TableChunk[]>();
  #freeCount = 0;

  take(table: TableDefinition): TableChunk {
    const reused = this.#free.get(table.name)?.pop();
    if (reused !== undefined) {
      this.#freeCount--;
      return reused;
    }
    const chunk = DuckDBDataChunk.create(table.fields.map(columnChunkType));
    const vectors = table.fields.map((_, index) => bindings.data_chunk_get_vector(chunk.chunk, index));
    return { chunk, vectors, rows: 0 };
  }

  give(table: TableDefinition, chunks: readonly TableChunk[]): void {
    let free = this.#free.get(table.name);
    if (free === undefined) this.#free.set(table.name, (free = []));
    for (const item of chunks) {
      if (this.#freeCount >= maxFreeChunks) return;
      item.chunk.reset();
      item.rows = 0;
      free.push(item);
      this.#freeCount++;
    }
  }
}

/**
 * One table's rows converted to DuckDB data chunks, every chunk full but the
 * last, ready for an appender: {@link fillTableChunks}, then
 * {@link appendTableChunks}.
 */
export interface TableChunks {
  readonly table: TableDefinition;
  readonly rows: number;
  readonly chunks: readonly TableChunk[];
}

/**
 * Copies batches of one table into data chunks of {@link rowsPerChunk} rows,
 * in order, each column slice written by one typed loop; consecutive batches
 * share chunks. Needs no connection, so it can run while another transaction
 * commits. Every batch is checked against the table first (every field
 * present, held as its type's array, as long as the batch), so a malformed
 * batch fails before anything is converted; on any failure the chunks taken
 * go back to the pool.
 */
export function fillTableChunks(pool: DataChunkPool, table: TableDefinition, batches: readonly ColumnBatch[]): TableChunks {
  for (const batch of batches) {
    if (batch.table.name !== table.name) throw new StorageError(`a batch for ${batch.table.name} cannot be appended to ${table.name}`);
    checkBatchShape(batch);
  }
  const chunks: TableChunk[] = [];
  let rows = 0;
  try {
    let current: TableChunk | undefined;
    for (const batch of batches) {
      for (let offset = 0; offset < batch.length; ) {
        if (current === undefined || current.rows === rowsPerChunk) {
          current = pool.take(table);
          chunks.push(current);
        }
        const at = current.rows;
        const count = Math.min(rowsPerChunk - at, batch.length - offset);
        table.fields.forEach((field, index) => {
          writeColumnSlice(current?.vectors[index] as Vector, {
            table,
            field,
            column: batch.columns[field.name] as NonNullable<(typeof batch.columns)[string]>,
            validity: batch.validity[field.name],
            at,
            offset,
            count,
          });
        });
        current.rows = at + count;
        offset += count;
        rows += count;
      }
    }
    for (const item of chunks) bindings.data_chunk_set_size(item.chunk.chunk, item.rows);
  } catch (error) {
    pool.give(table, chunks);
    throw error;
  }
  return { table, rows, chunks };
}

/**
 * Appends filled chunks to an open appender. The appender buffers them; they
 * reach the table when it is flushed or closed, inside whatever transaction
 * the connection has open.
 */
export function appendTableChunks(appender: DuckDBAppender, filled: TableChunks): void {
  for (const item of filled.chunks) appender.appendDataChunk(item.chunk);
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
