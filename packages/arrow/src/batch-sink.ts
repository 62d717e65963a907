import type { RecordBatch } from 'apache-arrow';
import type { ColumnBatch } from '@retail-datagen/generator-core';
import type { TableDefinition } from '@retail-datagen/models';
import type { FileFormat } from './file-layout.js';
import type { ManifestFile } from './file-manifest.js';
import { fromRecordBatch } from './record-batch.js';

/**
 * What a sink takes: a column batch (the generator's shape) or an Arrow
 * RecordBatch (from a worker, or read from a file).
 *
 * @example
 * ```ts
 * const input: BatchInput = toRecordBatch(batch);
 * ```
 */
export type BatchInput = ColumnBatch | RecordBatch;

/**
 * Where a sink writes: a DuckDB store or files of a {@link FileFormat}.
 *
 * @example
 * ```ts
 * const format: SinkFormat = 'duckdb';
 * ```
 */
export type SinkFormat = 'duckdb' | FileFormat;

/**
 * Rows a sink wrote to one table, and the files (none for DuckDB).
 *
 * @example
 * ```ts
 * const written: WrittenTable = { table: 'dim_stores', rows: 24, files: [{ path: 'dim_stores/part-0.parquet', rows: 24 }] };
 * ```
 */
export interface WrittenTable {
  readonly table: string;
  readonly rows: number;
  readonly files: readonly ManifestFile[];
}

/**
 * What a closed sink wrote, tables in the order they were first written.
 *
 * @example
 * ```ts
 * const { tables } = await sink.close();
 * ```
 */
export interface SinkSummary {
  readonly format: SinkFormat;
  readonly tables: readonly WrittenTable[];
  /** The manifest a file sink wrote, when it wrote one. */
  readonly manifestPath?: string;
}

/**
 * A streaming destination of table rows. Batches of several tables may be
 * interleaved (a day's receipts, lines, payments, then the next day's); a
 * sink holds at most a bounded amount of them in memory and awaits its
 * writes, so a slow sink slows the producer down instead of filling memory.
 * Calls must not overlap: await each before the next.
 *
 * @example
 * ```ts
 * const sink = createFileSink({ directory: 'out', format: 'parquet' });
 * try {
 *   for (const batch of day.batches) await sink.write(batch.table, batch);
 *   console.log(await sink.close());
 * } catch (error) {
 *   await sink.abort();
 *   throw error;
 * }
 * ```
 */
export interface BatchSink {
  readonly format: SinkFormat;
  /** Writes one batch of `table`'s rows. */
  write(table: TableDefinition, batch: BatchInput): Promise<void>;
  /** Flushes and closes everything; a file sink then writes its manifest. */
  close(): Promise<SinkSummary>;
  /** Stops, closing what is open and leaving what was written; for error paths. */
  abort(): Promise<void>;
}

/**
 * Streams one table's batches (an async iterable of RecordBatches or column
 * batches, e.g. an IPC file being read or a DuckDB table being scanned) into
 * a sink, one batch at a time. Returns the rows written.
 *
 * @example
 * ```ts
 * const rows = await loadTable(sink, factReceipts, RecordBatchReader.from(createReadStream('receipts.arrow')));
 * ```
 */
export async function loadTable(sink: BatchSink, table: TableDefinition, batches: AsyncIterable<BatchInput> | Iterable<BatchInput>): Promise<number> {
  let rows = 0;
  for await (const batch of batches) {
    await sink.write(table, batch);
    rows += rowCountOf(batch);
  }
  return rows;
}

/**
 * Streams several tables into a sink, one after another, then closes it
 * (aborting it on failure).
 *
 * @example
 * ```ts
 * const summary = await loadTables(createDuckDBSink(store), [[dimStores, storesBatches], [factReceipts, receiptBatches]]);
 * ```
 */
export async function loadTables(
  sink: BatchSink,
  sources: Iterable<readonly [TableDefinition, AsyncIterable<BatchInput> | Iterable<BatchInput>]>,
): Promise<SinkSummary> {
  try {
    for (const [table, batches] of sources) await loadTable(sink, table, batches);
    return await sink.close();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

/**
 * Rows in a batch of either kind.
 *
 * @example
 * ```ts
 * rowCountOf(toRecordBatch(batch)) === batch.length; // true
 * ```
 */
export function rowCountOf(batch: BatchInput): number {
  return isRecordBatch(batch) ? batch.numRows : batch.length;
}

/**
 * True for an Arrow RecordBatch, also one made by another copy of apache-arrow.
 *
 * @example
 * ```ts
 * isRecordBatch(toRecordBatch(batch)); // true
 * isRecordBatch(batch); // false: a column batch
 * ```
 */
export function isRecordBatch(batch: BatchInput): batch is RecordBatch {
  return 'numRows' in batch && 'schema' in batch;
}

/**
 * A batch as a column batch of `table` (a RecordBatch is converted; a column batch must be of that table).
 *
 * @example
 * ```ts
 * columnBatchOf(factReceipts, recordBatch).columns.Total; // Float64Array of cents
 * ```
 */
export function columnBatchOf(table: TableDefinition, batch: BatchInput): ColumnBatch {
  if (isRecordBatch(batch)) return fromRecordBatch(batch, table);
  if (batch.table.name !== table.name) throw new Error(`a batch of ${batch.table.name} cannot be written to ${table.name}`);
  return batch;
}
