import type { DuckDBStore } from '@retail-datagen/duckdb';
import type { TableDefinition } from '@retail-datagen/models';
import { columnBatchOf, rowCountOf, type BatchInput, type BatchSink, type SinkSummary } from './batch-sink.js';

/**
 * Options of {@link createDuckDBSink}.
 *
 * @example
 * ```ts
 * createDuckDBSink(store, { createTables: false });
 * ```
 */
export interface DuckDBSinkOptions {
  /** Create each table (if it does not exist) on its first batch. Default true. */
  readonly createTables?: boolean;
}

/**
 * A sink that appends batches to a DuckDB store through its data-chunk
 * appender ({@link DuckDBStore.appendBatch}): each batch is atomic on its
 * own, or part of the store's enclosing transaction. RecordBatches are turned
 * into column batches first. The store stays open: close it yourself.
 *
 * @example
 * ```ts
 * const store = await openStore('data/copy.duckdb');
 * const summary = await loadTables(createDuckDBSink(store), [[factReceipts, RecordBatchReader.from(createReadStream(file))]]);
 * store.close();
 * ```
 */
export function createDuckDBSink(store: DuckDBStore, options: DuckDBSinkOptions = {}): BatchSink {
  const createTables = options.createTables ?? true;
  const created = new Set<string>();
  const rows = new Map<string, number>();
  let closed = false;
  return {
    format: 'duckdb',
    async write(table: TableDefinition, batch: BatchInput) {
      if (closed) throw new Error('the DuckDB sink is closed');
      if (createTables && !created.has(table.name)) {
        await store.createTables([table], { ifNotExists: true });
        created.add(table.name);
      }
      await store.appendBatch(columnBatchOf(table, batch));
      rows.set(table.name, (rows.get(table.name) ?? 0) + rowCountOf(batch));
    },
    async close(): Promise<SinkSummary> {
      closed = true;
      return { format: 'duckdb', tables: [...rows].map(([table, count]) => ({ table, rows: count, files: [] })) };
    },
    async abort() {
      closed = true;
    },
  };
}
