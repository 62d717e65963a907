import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  copyTableToFiles,
  createArrowFileSink,
  isFileFormat,
  manifestOf,
  manifestTableOf,
  openDuckDBTableReader,
  readManifest,
  partitioningOf,
  writeManifest,
  type DuckDBTableReader,
  type FileFormat,
  type ManifestFile,
  type ManifestTable,
  type WrittenTable,
} from '@retail-datagen/arrow';
import { openStore, quoteIdentifier, sqlString, StorageError, type DuckDBStore } from '@retail-datagen/duckdb';
import { createColumnBatch, type ColumnData } from '@retail-datagen/generator-core';
import { builtInCatalog, InvalidArgumentError, RetailDatagenError, type TableCatalog, type TableDefinition } from '@retail-datagen/models';

/**
 * Options of {@link exportDatabase}.
 *
 * @example
 * ```ts
 * const options: ExportDatabaseOptions = { database: 'data/retail.duckdb', out: 'export', format: 'parquet', tables: ['fact_receipts'] };
 * ```
 */
export interface ExportDatabaseOptions {
  /** The DuckDB file to export; opened read-only, never changed. */
  readonly database: string;
  /**
   * An open store of `database` to read through instead of opening the file
   * (a server that keeps it open read-write: DuckDB lets one process open a
   * file once). It stays open, and `duckdbMemoryLimit` does not apply to it.
   * The Arrow format then streams from a copy of the tables made through the
   * store into a scratch DuckDB file in the output folder (removed at the
   * end), so it needs that much free disk for a while.
   */
  readonly store?: DuckDBStore;
  /**
   * Output folder (created when missing). The folders of the exported tables
   * are replaced; `manifest.json` lists them, plus the tables of an earlier
   * export of the same format still there.
   */
  readonly out: string;
  /** `parquet`, `arrow` (Arrow IPC stream files) or `csv`. Anything else is refused as `--format`. */
  readonly format: FileFormat | (string & {});
  /** Physical names of the tables to export. Default: every table of the catalog the file holds. */
  readonly tables?: readonly string[];
  /** The tables that may be exported (e.g. `createGeneratorRegistry(generators).catalog`). Default: the built-in tables. */
  readonly catalog?: TableCatalog;
  /** Rows per Arrow record batch (arrow format). Default 65,536. */
  readonly batchRows?: number;
  /** DuckDB's memory limit while exporting (its block cache and COPY buffers). Default `'512MB'`. */
  readonly duckdbMemoryLimit?: string;
  /** Called when a table starts and when it is written. */
  readonly onTable?: (progress: ExportTableProgress) => void;
}

/**
 * Progress of {@link exportDatabase}, table by table.
 *
 * @example
 * ```ts
 * onTable: ({ phase, table, index, total, rows }) => console.error(`${phase} ${index}/${total} ${table} ${rows}`)
 * ```
 */
export interface ExportTableProgress {
  readonly phase: 'start' | 'done';
  readonly table: string;
  /** 1-based position of the table in the export. */
  readonly index: number;
  readonly total: number;
  /** Rows in the table (start) or written (done). */
  readonly rows: number;
  /** Files written (0 at start). */
  readonly files: number;
}

/**
 * What {@link exportDatabase} wrote.
 *
 * @example
 * ```ts
 * const { tables, manifestPath } = await exportDatabase({ database, out: 'export', format: 'csv' });
 * ```
 */
export interface ExportDatabaseResult {
  readonly format: FileFormat;
  readonly out: string;
  readonly manifestPath: string;
  readonly tables: readonly WrittenTable[];
}

/** Working folder inside `out`; its tables are moved into place only when every table is written. */
const workFolderName = '.export-in-progress';

/**
 * Exports tables of a generated DuckDB file into files, table by table,
 * streaming (memory does not grow with the table size): dimension tables
 * into `<out>/<table>/part-0.<ext>`, fact tables partitioned by the day of
 * their event timestamp, Hive style
 * (`<out>/fact_receipts/event_date=2024-01-31/part-0.parquet`), and a
 * `<out>/manifest.json` listing tables, files, rows and column types.
 * Parquet and CSV are written by DuckDB's `COPY`; Arrow IPC streams by
 * reading the table chunk by chunk into record batches. DuckDB reads the
 * Parquet and CSV files back (`read_parquet` / `read_csv` over a table's
 * files with `hive_partitioning = true`, CSV with the manifest's column
 * types: see `duckdbReadQuery` of @retail-datagen/arrow), apache-arrow the
 * Arrow files (`RecordBatchReader.from`, `tableFromIPC`).
 *
 * Everything is written into a working folder first and moved into place at
 * the end, so a failed export leaves `out` as it was. Tables of an earlier
 * export of the same format that this one does not include stay, and stay
 * in the manifest.
 *
 * @throws InvalidArgumentError (`--format`, `--tables`, `--out`) and
 * UnknownTableError before anything is opened or written;
 * RetailDatagenError (USER_INVALID_ARGUMENT) when the file does not exist.
 *
 * @example
 * ```ts
 * const result = await exportDatabase({ database: 'data/retail.duckdb', out: 'export', format: 'parquet' });
 * for (const table of result.tables) console.log(table.table, table.rows, table.files.length);
 *
 * // Through a store the process already holds open (e.g. a server's):
 * await exportDatabase({ database: store.path, store, out: 'export', format: 'arrow' });
 * ```
 */
export async function exportDatabase(options: ExportDatabaseOptions): Promise<ExportDatabaseResult> {
  const { format } = options;
  if (!isFileFormat(format)) throw new InvalidArgumentError('--format', format, 'parquet, arrow or csv');
  const catalog = options.catalog ?? builtInCatalog;
  if (options.tables !== undefined && options.tables.length === 0) throw new InvalidArgumentError('--tables', '', 'at least one table name');
  const requested = options.tables?.map((name) => catalog.get(name));
  if (options.batchRows !== undefined && (!Number.isSafeInteger(options.batchRows) || options.batchRows < 1)) {
    throw new InvalidArgumentError('--batch-rows', options.batchRows, 'a whole number >= 1');
  }
  if (options.store === undefined) await checkDatabaseFile(options.database);
  await checkOutputFolder(options.out);

  const store = options.store ?? (await openStore(options.database, { readOnly: true, memoryLimit: options.duckdbMemoryLimit ?? '512MB' }));
  let reader: DuckDBTableReader | undefined;
  const work = join(options.out, workFolderName);
  try {
    const existing = new Set(await store.existingTables());
    const absent = requested?.find((table) => !existing.has(table.name));
    if (absent) {
      const present = catalog.tables.filter((table) => existing.has(table.name)).map((table) => table.name);
      throw new InvalidArgumentError('--tables', absent.name, `a table that ${options.database} holds: ${present.join(', ') || 'it holds none'}`);
    }
    const tables = requested ?? catalog.tables.filter((table) => existing.has(table.name));
    if (tables.length === 0) {
      throw new RetailDatagenError({ code: 'USER_INVALID_ARGUMENT', message: `${options.database} holds none of the known tables (${catalog.names().join(', ')}); nothing to export` });
    }
    const counts = await store.rowCounts(tables);

    await removeFolder(work);
    await makeFolder(work);
    const written: { table: TableDefinition; files: ManifestFile[] }[] = [];
    for (const [position, table] of tables.entries()) {
      const progress = { table: table.name, index: position + 1, total: tables.length };
      options.onTable?.({ ...progress, phase: 'start', rows: counts.get(table.name) ?? 0, files: 0 });
      let files: ManifestFile[];
      if (format === 'arrow') {
        reader ??=
          options.store === undefined
            ? await openDuckDBTableReader(options.database, { memoryLimit: options.duckdbMemoryLimit ?? '512MB' })
            : await openSnapshotReader(options.store, tables, work);
        files = await exportArrowTable(reader, table, work, options.batchRows);
      } else {
        files = await copyTableToFiles(store, table, { directory: work, format });
      }
      written.push({ table, files });
      options.onTable?.({ ...progress, phase: 'done', rows: files.reduce((sum, file) => sum + file.rows, 0), files: files.length });
    }
    const entries = written.map(({ table, files }) => manifestTableOf(table, files));
    await writeManifest(work, manifestOf(format, [...(await earlierEntries(options.out, format, entries)), ...entries]));

    // Move the new tables and manifest into place, replacing older exports of the same tables.
    for (const { table } of written) {
      await removeFolder(join(options.out, table.name));
      await moveIfPresent(join(work, table.name), join(options.out, table.name));
    }
    const manifestPath = join(options.out, 'manifest.json');
    await moveIfPresent(join(work, 'manifest.json'), manifestPath);
    return {
      format,
      out: options.out,
      manifestPath,
      tables: written.map(({ table, files }) => ({ table: table.name, rows: files.reduce((sum, file) => sum + file.rows, 0), files })),
    };
  } finally {
    reader?.close();
    if (options.store === undefined) store.close();
    await removeFolder(work).catch(() => undefined);
  }
}

/** Scratch DuckDB file (inside the working folder) that an Arrow export through an open store streams from. */
const snapshotFileName = 'snapshot.duckdb';
const snapshotAlias = 'retail_datagen_export_snapshot';

/**
 * A streaming reader over a copy of `tables`. The reader needs a DuckDB
 * instance of its own, and a file this process holds open read-write cannot
 * be opened again; so the tables are copied through the store's own
 * connection into a scratch file (ATTACH, CREATE TABLE AS, DETACH; column
 * names and types are kept) and the reader opens that file.
 */
async function openSnapshotReader(store: DuckDBStore, tables: readonly TableDefinition[], work: string): Promise<DuckDBTableReader> {
  const path = join(work, snapshotFileName);
  await store.query(`ATTACH ${sqlString(path)} AS ${snapshotAlias}`);
  try {
    for (const table of tables) await store.query(`CREATE TABLE ${snapshotAlias}.${quoteIdentifier(table.name)} AS SELECT * FROM ${quoteIdentifier(table.name)}`);
  } finally {
    await store.query(`DETACH ${snapshotAlias}`);
  }
  return openDuckDBTableReader(path);
}

/**
 * The tables of an earlier export of the same format into `out` that this
 * one does not replace, so that exporting dims and facts separately leaves
 * one manifest describing both. A missing or unreadable manifest, or one of
 * another format, contributes nothing.
 */
async function earlierEntries(out: string, format: FileFormat, replaced: readonly ManifestTable[]): Promise<ManifestTable[]> {
  const earlier = await readManifest(out).catch(() => undefined);
  if (earlier?.manifestVersion !== 1 || earlier.format !== format || !Array.isArray(earlier.tables)) return [];
  const names = new Set(replaced.map((table) => table.name));
  const kept: ManifestTable[] = [];
  for (const table of earlier.tables) {
    if (!names.has(table.name) && (await stat(join(out, table.name)).catch(() => undefined))?.isDirectory()) kept.push(table);
  }
  return kept;
}

/** Streams one table into Arrow IPC files; an unpartitioned table without rows still gets a file holding its schema. */
async function exportArrowTable(reader: DuckDBTableReader, table: TableDefinition, directory: string, batchRows: number | undefined): Promise<ManifestFile[]> {
  const sink = createArrowFileSink({ directory, manifest: false });
  try {
    let rows = 0;
    for await (const recordBatch of reader.recordBatches(table, batchRows === undefined ? {} : { batchRows })) {
      await sink.write(table, recordBatch);
      rows += recordBatch.numRows;
    }
    if (rows === 0 && partitioningOf(table) === undefined) await sink.write(table, emptyBatchOf(table));
    const summary = await sink.close();
    return [...(summary.tables[0]?.files ?? [])];
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

function emptyBatchOf(table: TableDefinition) {
  const columns: Record<string, ColumnData> = {};
  for (const field of table.fields) {
    columns[field.name] =
      field.type === 'string' ? [] : field.type === 'int32' || field.type === 'date' ? new Int32Array(0) : field.type === 'boolean' ? new Uint8Array(0) : new Float64Array(0);
  }
  return createColumnBatch(table, 0, columns);
}

async function checkDatabaseFile(database: string): Promise<void> {
  const info = await stat(database).catch(() => undefined);
  if (info === undefined) {
    throw new RetailDatagenError({
      code: 'USER_INVALID_ARGUMENT',
      message: `${database} does not exist; generate it first, e.g. \`datagen generate all --db ${database} --days 30\``,
    });
  }
  if (!info.isFile()) throw new InvalidArgumentError('--db', database, 'a DuckDB file (it is a folder)');
}

async function checkOutputFolder(out: string): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) throw new InvalidArgumentError('--out', out, 'a folder (it is a file)');
}

async function makeFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw new StorageError(`cannot create folder ${path}: ${messageOf(error)}`, { path, cause: error });
  }
}

async function removeFolder(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch (error) {
    throw new StorageError(`cannot remove ${path}: ${messageOf(error)}`, { path, cause: error });
  }
}

async function moveIfPresent(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new StorageError(`cannot move ${from} to ${to}: ${messageOf(error)}`, { path: to, cause: error });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
