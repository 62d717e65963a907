import { createArrowFileSink } from './arrow-file-sink.js';
import type { BatchSink } from './batch-sink.js';
import type { FileFormat } from './file-layout.js';
import { createStagedFileSink } from './staged-file-sink.js';

/**
 * Options of {@link createFileSink}.
 *
 * @example
 * ```ts
 * const options: FileSinkOptions = { directory: 'out', format: 'csv' };
 * ```
 */
export interface FileSinkOptions {
  /** Output folder; created when missing. */
  readonly directory: string;
  readonly format: FileFormat;
  /** Write `<directory>/manifest.json` on close. Default true. */
  readonly manifest?: boolean;
}

/**
 * A sink writing files of `format` into a folder, one folder per table and,
 * for fact tables, one Hive-style folder per day
 * (`fact_receipts/event_date=2024-01-31/part-0.parquet`), with a
 * `manifest.json` on close: Arrow IPC streams through
 * {@link createArrowFileSink}, Parquet and CSV through DuckDB
 * ({@link createStagedFileSink}).
 *
 * @example
 * ```ts
 * const summary = await loadTables(createFileSink({ directory: 'out', format: 'parquet' }), [[factReceipts, batches]]);
 * ```
 */
export function createFileSink(options: FileSinkOptions): BatchSink {
  const { directory, format } = options;
  const manifest = options.manifest ?? true;
  return format === 'arrow' ? createArrowFileSink({ directory, manifest }) : createStagedFileSink({ directory, format, manifest });
}
