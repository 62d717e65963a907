import { createReadStream } from 'node:fs';
import { RecordBatchReader, type RecordBatch } from 'apache-arrow';
import { StorageError } from '@retail-datagen/duckdb';

/**
 * The record batches of an Arrow IPC file (stream or file format), read as a
 * stream: one batch in memory at a time. Pair it with {@link fromRecordBatch}
 * or {@link loadTable}.
 *
 * @example
 * ```ts
 * await loadTable(createDuckDBSink(store), factReceipts, readArrowFile('out/fact_receipts/event_date=2024-01-01/part-0.arrow'));
 * ```
 */
export async function* readArrowFile(path: string): AsyncGenerator<RecordBatch> {
  let reader: AsyncIterable<RecordBatch>;
  try {
    reader = await RecordBatchReader.from(createReadStream(path));
  } catch (error) {
    throw new StorageError(`cannot read Arrow IPC file ${path}: ${error instanceof Error ? error.message : String(error)}`, { path, cause: error });
  }
  yield* reader;
}
