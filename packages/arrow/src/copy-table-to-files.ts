import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteIdentifier, sqlString, StorageError, type DuckDBStore } from '@retail-datagen/duckdb';
import type { TableDefinition } from '@retail-datagen/models';
import { partitionColumn, partitioningOf, relativeFilePath } from './file-layout.js';
import type { ManifestFile } from './file-manifest.js';

/**
 * Options of {@link copyTableToFiles}.
 *
 * @example
 * ```ts
 * const options: CopyTableOptions = { directory: 'out', format: 'parquet' };
 * ```
 */
export interface CopyTableOptions {
  /** Output folder: the table's files go under `<directory>/<table>/`. */
  readonly directory: string;
  readonly format: 'parquet' | 'csv';
  /**
   * The part number of the file written for a partition (`undefined` for an
   * unpartitioned table), so that successive copies of one table add
   * `part-1`, `part-2`... next to `part-0`. It is asked once per file.
   * Default: 0, 1, 2... per partition within this copy.
   */
  readonly partOf?: (partitionValue: string | undefined) => number;
}

/**
 * Writes a table of a DuckDB store into Parquet or CSV files with DuckDB's
 * own `COPY` (streaming, in DuckDB's threads, never through JS memory):
 * one file for an unpartitioned table, one file per day for a fact table
 * (`<table>/event_date=YYYY-MM-DD/part-0.parquet`, Hive style; the
 * partition column is in the folder name, not in the file). Returns the files
 * written with their row counts, partitions in date order.
 *
 * @example
 * ```ts
 * const store = await openStore('data/retail.duckdb', { readOnly: true });
 * const files = await copyTableToFiles(store, factReceipts, { directory: 'out', format: 'parquet' });
 * // [{ path: 'fact_receipts/event_date=2024-01-01/part-0.parquet', rows: 5234, partition: { event_date: '2024-01-01' } }, ...]
 * ```
 */
export async function copyTableToFiles(store: DuckDBStore, table: TableDefinition, options: CopyTableOptions): Promise<ManifestFile[]> {
  const partOf = options.partOf ?? countingParts();
  const columns = table.fields.map((field) => quoteIdentifier(field.column)).join(', ');
  const source = quoteIdentifier(table.name);
  const formatOptions = options.format === 'csv' ? `FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"'` : 'FORMAT parquet';
  const partitioning = partitioningOf(table);

  if (partitioning === undefined) {
    await makeDirectory(join(options.directory, table.name));
    const path = relativeFilePath(table, options.format, partOf(undefined));
    await store.query(`COPY (SELECT ${columns} FROM ${source}) TO ${sqlString(join(options.directory, path))} (${formatOptions})`);
    const [counted] = await store.query(`SELECT count(*) AS row_count FROM ${source}`);
    return [{ path, rows: Number(counted?.row_count ?? 0) }];
  }

  const day = `CAST(${quoteIdentifier(partitioning.source.column)} AS DATE)`;
  const counts = await store.query(`SELECT CAST(${day} AS VARCHAR) AS day, count(*) AS row_count FROM ${source} GROUP BY ALL ORDER BY day`);
  // No rows, no partitions: no folder either (as the Arrow sink does); the manifest lists the table without files.
  if (counts.length === 0) return [];
  await makeDirectory(join(options.directory, table.name));
  // DuckDB writes the partition folders into a scratch folder; each file is then moved to its part number.
  const scratch = join(options.directory, `.copy-${table.name}`);
  await removeDirectory(scratch);
  try {
    await store.query(
      `COPY (SELECT ${columns}, ${day} AS ${quoteIdentifier(partitionColumn)} FROM ${source}) TO ${sqlString(scratch)} ` +
        `(${formatOptions}, PARTITION_BY (${quoteIdentifier(partitionColumn)}), FILENAME_PATTERN 'part-{i}', OVERWRITE_OR_IGNORE)`,
    );
    const files: ManifestFile[] = [];
    for (const { day: value, row_count: rowCount } of counts) {
      const partitionValue = String(value);
      const folder = join(scratch, `${partitionColumn}=${partitionValue}`);
      const written = (await readdir(folder)).sort();
      for (const name of written) {
        const path = relativeFilePath(table, options.format, partOf(partitionValue), partitionValue);
        await makeDirectory(join(options.directory, path, '..'));
        await moveFile(join(folder, name), join(options.directory, path));
        const rows = written.length === 1 ? Number(rowCount) : await countRows(store, join(options.directory, path), options.format);
        files.push({ path, rows, partition: { [partitionColumn]: partitionValue } });
      }
    }
    return files;
  } finally {
    await removeDirectory(scratch);
  }
}

function countingParts(): (partitionValue: string | undefined) => number {
  const next = new Map<string | undefined, number>();
  return (partitionValue) => {
    const part = next.get(partitionValue) ?? 0;
    next.set(partitionValue, part + 1);
    return part;
  };
}

async function countRows(store: DuckDBStore, path: string, format: 'parquet' | 'csv'): Promise<number> {
  const reader = format === 'parquet' ? `read_parquet(${sqlString(path)})` : `read_csv(${sqlString(path)}, header = true, auto_detect = true)`;
  const [counted] = await store.query(`SELECT count(*) AS row_count FROM ${reader}`);
  return Number(counted?.row_count ?? 0);
}

async function makeDirectory(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw new StorageError(`cannot create folder ${path}: ${messageOf(error)}`, { path, cause: error });
  }
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    throw new StorageError(`cannot move ${from} to ${to}: ${messageOf(error)}`, { path: to, cause: error });
  }
}

/**
 * Removes a folder and what it holds; nothing when it does not exist.
 *
 * @example
 * ```ts
 * await removeDirectory('out/.copy-fact_receipts');
 * ```
 */
export async function removeDirectory(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch (error) {
    throw new StorageError(`cannot remove ${path}: ${messageOf(error)}`, { path, cause: error });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
