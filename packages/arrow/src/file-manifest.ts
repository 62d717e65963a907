import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { duckdbColumnTypes, quoteIdentifier, sqlString, StorageError } from '@retail-datagen/duckdb';
import type { ColumnType, TableDefinition, TableKind } from '@retail-datagen/models';
import { arrowTypeNames } from './arrow-schema.js';
import { partitioningOf, type FileFormat } from './file-layout.js';

/**
 * Name of the manifest file in an output folder.
 *
 * @example
 * ```ts
 * join('out', manifestFileName); // 'out/manifest.json'
 * ```
 */
export const manifestFileName = 'manifest.json';

/**
 * One written file: its path relative to the output folder (`/`
 * separators), its rows and, in a partitioned table, its partition.
 *
 * @example
 * ```ts
 * const file: ManifestFile = { path: 'fact_receipts/event_date=2024-01-01/part-0.parquet', rows: 1200, partition: { event_date: '2024-01-01' } };
 * ```
 */
export interface ManifestFile {
  readonly path: string;
  readonly rows: number;
  readonly partition?: Readonly<Record<string, string>>;
}

/**
 * One column of a table as written: physical name, generator-layer field
 * name, logical type, nullability, and its DuckDB and Arrow types.
 *
 * @example
 * ```ts
 * const column: ManifestColumn = { name: 'total_amount', field: 'Total', type: 'money', nullable: false, duckdbType: 'DECIMAL(12,2)', arrowType: 'Decimal128(12, 2)' };
 * ```
 */
export interface ManifestColumn {
  readonly name: string;
  readonly field: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly duckdbType: string;
  readonly arrowType: string;
}

/**
 * One table in a manifest.
 *
 * @example
 * ```ts
 * manifest.tables.find((table) => table.name === 'fact_receipts')?.partitioning;
 * // { style: 'hive', column: 'event_date', type: 'DATE', sourceColumn: 'event_ts' }
 * ```
 */
export interface ManifestTable {
  /** Physical table name, also its folder. */
  readonly name: string;
  /** Generator-layer name, e.g. `FactReceipts`. */
  readonly logicalName: string;
  readonly kind: TableKind;
  readonly rows: number;
  /** Hive partitioning by day, or null when the table is one folder of files. */
  readonly partitioning: { readonly style: 'hive'; readonly column: string; readonly type: 'DATE'; readonly sourceColumn: string } | null;
  readonly columns: readonly ManifestColumn[];
  readonly files: readonly ManifestFile[];
}

/**
 * How the CSV files are written, for readers other than {@link duckdbReadQuery}:
 * a header line, comma-separated, `"` quotes doubled inside quoted values,
 * NULL as an empty unquoted field and an empty string as `""`, timestamps
 * `YYYY-MM-DD HH:MM:SS[.fff]` (UTC, no zone), dates `YYYY-MM-DD`, money with
 * two decimals, booleans `true`/`false`.
 *
 * @example
 * ```ts
 * const dialect: CsvDialect = { header: true, delimiter: ',', quote: '"', escape: '"', nullString: '' };
 * ```
 */
export interface CsvDialect {
  readonly header: true;
  readonly delimiter: ',';
  readonly quote: '"';
  readonly escape: '"';
  readonly nullString: '';
}

/**
 * The CSV dialect every CSV file is written in (also in the manifest of a CSV export).
 *
 * @example
 * ```ts
 * csvDialect.delimiter; // ','
 * ```
 */
export const csvDialect: CsvDialect = { header: true, delimiter: ',', quote: '"', escape: '"', nullString: '' };

/**
 * The `manifest.json` of an output folder: what was written, in which
 * format, with each table's schema, partitioning, files and row counts.
 *
 * @example
 * ```ts
 * const manifest = await readManifest('out/');
 * manifest.tables.map((table) => `${table.name}: ${table.rows} rows in ${table.files.length} files`);
 * ```
 */
export interface FileManifest {
  readonly manifestVersion: 1;
  readonly format: FileFormat;
  /** `arrow` files are Arrow IPC streams (apache-arrow's RecordBatchReader / tableFromIPC, pyarrow.ipc.open_stream). */
  readonly arrowIpc?: 'stream';
  readonly csv?: CsvDialect;
  readonly tables: readonly ManifestTable[];
}

/**
 * The manifest entry of a table from its definition and the files written.
 *
 * @example
 * ```ts
 * manifestTableOf(factReceipts, [{ path: 'fact_receipts/event_date=2024-01-01/part-0.parquet', rows: 10, partition: { event_date: '2024-01-01' } }]);
 * ```
 */
export function manifestTableOf(table: TableDefinition, files: readonly ManifestFile[]): ManifestTable {
  const partitioning = partitioningOf(table);
  return {
    name: table.name,
    logicalName: table.logicalName,
    kind: table.kind,
    rows: files.reduce((sum, file) => sum + file.rows, 0),
    partitioning: partitioning ? { style: 'hive', column: partitioning.column, type: 'DATE', sourceColumn: partitioning.source.column } : null,
    columns: table.fields.map((field) => ({
      name: field.column,
      field: field.name,
      type: field.type,
      nullable: field.nullable,
      duckdbType: duckdbColumnTypes[field.type].sql,
      arrowType: arrowTypeNames[field.type],
    })),
    files: [...files],
  };
}

/**
 * A manifest for `format` over written tables.
 *
 * @example
 * ```ts
 * const manifest = manifestOf('parquet', [manifestTableOf(dimStores, files)]);
 * ```
 */
export function manifestOf(format: FileFormat, tables: readonly ManifestTable[]): FileManifest {
  return {
    manifestVersion: 1,
    format,
    ...(format === 'arrow' ? { arrowIpc: 'stream' as const } : {}),
    ...(format === 'csv' ? { csv: csvDialect } : {}),
    tables: [...tables],
  };
}

/**
 * Writes `<directory>/manifest.json` (through a temporary file and a rename,
 * so a reader never sees half of it).
 *
 * @example
 * ```ts
 * await writeManifest('out/', manifest);
 * ```
 */
export async function writeManifest(directory: string, manifest: FileManifest): Promise<string> {
  const path = join(directory, manifestFileName);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(`${path}.tmp`, path);
  } catch (error) {
    throw new StorageError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`, { path, cause: error });
  }
  return path;
}

/**
 * Reads `<directory>/manifest.json`.
 *
 * @example
 * ```ts
 * const { format, tables } = await readManifest('out/');
 * ```
 */
export async function readManifest(directory: string): Promise<FileManifest> {
  const path = join(directory, manifestFileName);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as FileManifest;
  } catch (error) {
    throw new StorageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { path, cause: error });
  }
}

/**
 * A DuckDB query reading one table of an output folder back with its exact
 * column types: `read_parquet` or `read_csv` over the manifest's files (with
 * the CSV dialect and column types spelled out, and an empty quoted string
 * read as '' rather than NULL). Only the definition's columns are selected,
 * not the partition column. Arrow IPC files cannot be read this way (DuckDB's
 * arrow extension is not available); read them with apache-arrow.
 *
 * @example
 * ```ts
 * const table = manifest.tables.find((entry) => entry.name === 'fact_receipts')!;
 * await store.query(`INSERT INTO fact_receipts ${duckdbReadQuery('out/', manifest, table)}`);
 * ```
 */
export function duckdbReadQuery(directory: string, manifest: FileManifest, table: ManifestTable): string {
  const columns = table.columns.map((column) => quoteIdentifier(column.name));
  if (table.files.length === 0) {
    const empty = table.columns.map((column) => `CAST(NULL AS ${column.duckdbType}) AS ${quoteIdentifier(column.name)}`);
    return `SELECT ${empty.join(', ')} WHERE false`;
  }
  const files = `[${table.files.map((file) => sqlString(join(directory, file.path))).join(', ')}]`;
  const hive = `hive_partitioning = ${table.partitioning ? 'true' : 'false'}`;
  switch (manifest.format) {
    case 'parquet':
      return `SELECT ${columns.join(', ')} FROM read_parquet(${files}, ${hive})`;
    case 'csv': {
      const types = table.columns.map((column) => `${sqlString(column.name)}: ${sqlString(column.duckdbType)}`).join(', ');
      return [
        `SELECT ${columns.join(', ')} FROM read_csv(${files}, header = true, delim = ',', quote = '"', escape = '"', nullstr = '',`,
        `allow_quoted_nulls = false, auto_detect = false, columns = {${types}}, ${hive})`,
      ].join(' ');
    }
    case 'arrow':
      throw new StorageError(`DuckDB cannot read Arrow IPC files here (its arrow extension is not available); read ${table.name} with apache-arrow`);
  }
}
