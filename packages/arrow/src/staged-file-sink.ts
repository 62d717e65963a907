import { openStore, type DuckDBStore } from '@retail-datagen/duckdb';
import type { TableDefinition } from '@retail-datagen/models';
import { columnBatchOf, rowCountOf, type BatchInput, type BatchSink, type SinkSummary, type WrittenTable } from './batch-sink.js';
import { copyTableToFiles } from './copy-table-to-files.js';
import { partitioningOf } from './file-layout.js';
import { manifestOf, manifestTableOf, writeManifest, type ManifestFile } from './file-manifest.js';

/**
 * Options of {@link createStagedFileSink}.
 *
 * @example
 * ```ts
 * createStagedFileSink({ directory: 'out', format: 'parquet', flushRows: 1_000_000 });
 * ```
 */
export interface StagedFileSinkOptions {
  /** Output folder; created when missing. */
  readonly directory: string;
  readonly format: 'parquet' | 'csv';
  /** Write `<directory>/manifest.json` on close. Default true. */
  readonly manifest?: boolean;
  /**
   * Rows held in the staging database, over all tables, before the largest
   * tables are written out to files. Bounds memory; larger values give
   * fewer, bigger files. Default 500,000.
   */
  readonly flushRows?: number;
  /** Memory limit of the in-memory staging database. Default `'512MB'`. */
  readonly stagingMemoryLimit?: string;
}

/**
 * A sink writing Parquet or CSV files through DuckDB, which has both
 * writers built in: batches are appended (data-chunk appender) to tables of
 * an in-memory staging database, and when it holds `flushRows` rows the
 * largest tables are written out with `COPY` ({@link copyTableToFiles}:
 * one file per table, or per day for a fact table, Hive style) and emptied.
 * Each flush adds a `part-<n>` file to the partitions it touches.
 *
 * @example
 * ```ts
 * const sink = createStagedFileSink({ directory: 'out', format: 'parquet' });
 * for (const batch of day.batches) await sink.write(batch.table, batch);
 * await sink.close(); // the rest is written, then out/manifest.json
 * ```
 */
export function createStagedFileSink(options: StagedFileSinkOptions): BatchSink {
  return new StagedFileSink(options);
}

interface StagedTable {
  readonly table: TableDefinition;
  staged: number;
  readonly files: ManifestFile[];
  readonly nextPart: Map<string | undefined, number>;
}

class StagedFileSink implements BatchSink {
  readonly format: 'parquet' | 'csv';
  private readonly options: StagedFileSinkOptions;
  private readonly flushRows: number;
  private readonly tables = new Map<string, StagedTable>();
  private staging: Promise<DuckDBStore> | undefined;
  private totalStaged = 0;
  private closed = false;

  constructor(options: StagedFileSinkOptions) {
    this.options = options;
    this.format = options.format;
    this.flushRows = options.flushRows ?? 500_000;
    if (!Number.isSafeInteger(this.flushRows) || this.flushRows < 1) throw new RangeError(`flushRows must be a whole number >= 1, got ${this.flushRows}`);
  }

  async write(table: TableDefinition, batch: BatchInput): Promise<void> {
    if (this.closed) throw new Error(`the ${this.format} file sink is closed`);
    const store = await this.store();
    let state = this.tables.get(table.name);
    if (state === undefined) {
      partitioningOf(table);
      await store.createTables([table]);
      state = { table, staged: 0, files: [], nextPart: new Map() };
      this.tables.set(table.name, state);
    }
    await store.appendBatch(columnBatchOf(state.table, batch));
    const rows = rowCountOf(batch);
    state.staged += rows;
    this.totalStaged += rows;
    if (this.totalStaged < this.flushRows) return;
    const largestFirst = [...this.tables.values()].sort((one, other) => other.staged - one.staged);
    for (const staged of largestFirst) {
      if (this.totalStaged <= this.flushRows / 2) break;
      await this.flush(store, staged);
    }
  }

  async close(): Promise<SinkSummary> {
    if (this.closed) throw new Error(`the ${this.format} file sink is closed`);
    this.closed = true;
    const tables: WrittenTable[] = [];
    if (this.staging) {
      const store = await this.staging;
      try {
        for (const state of this.tables.values()) {
          // An unpartitioned table always gets a file, even an empty one, so its schema can be read.
          if (state.staged > 0 || (state.files.length === 0 && partitioningOf(state.table) === undefined)) await this.flush(store, state);
          tables.push({ table: state.table.name, rows: state.files.reduce((sum, file) => sum + file.rows, 0), files: state.files.map((file) => ({ ...file })) });
        }
      } finally {
        store.close();
      }
    }
    if (this.options.manifest === false) return { format: this.format, tables };
    const manifest = manifestOf(this.format, [...this.tables.values()].map((state) => manifestTableOf(state.table, state.files)));
    return { format: this.format, tables, manifestPath: await writeManifest(this.options.directory, manifest) };
  }

  async abort(): Promise<void> {
    this.closed = true;
    if (this.staging) (await this.staging.catch(() => undefined))?.close();
  }

  private store(): Promise<DuckDBStore> {
    this.staging ??= openStore(':memory:', { memoryLimit: this.options.stagingMemoryLimit ?? '512MB' });
    return this.staging;
  }

  private async flush(store: DuckDBStore, state: StagedTable): Promise<void> {
    const files = await copyTableToFiles(store, state.table, {
      directory: this.options.directory,
      format: this.format,
      partOf: (partitionValue) => {
        const part = state.nextPart.get(partitionValue) ?? 0;
        state.nextPart.set(partitionValue, part + 1);
        return part;
      },
    });
    state.files.push(...files);
    // Dropping and re-creating gives the staged rows' memory back.
    await store.dropTables([state.table]);
    await store.createTables([state.table]);
    this.totalStaged -= state.staged;
    state.staged = 0;
  }
}
