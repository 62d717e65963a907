import { isoDateOf, millisecondsPerDay } from '@retail-datagen/generator-core';
import type { FieldDefinition, TableDefinition } from '@retail-datagen/models';

/**
 * File formats of the file sinks and of `datagen export`.
 *
 * @example
 * ```ts
 * fileFormats.includes('parquet'); // true
 * ```
 */
export const fileFormats = ['parquet', 'arrow', 'csv'] as const;

/**
 * A file format: `parquet`, `arrow` (Arrow IPC stream) or `csv`.
 *
 * @example
 * ```ts
 * const format: FileFormat = 'parquet';
 * ```
 */
export type FileFormat = (typeof fileFormats)[number];

/**
 * True when `value` names a {@link FileFormat}.
 *
 * @example
 * ```ts
 * isFileFormat('parquet'); // true
 * isFileFormat('xlsx'); // false
 * ```
 */
export function isFileFormat(value: unknown): value is FileFormat {
  return typeof value === 'string' && (fileFormats as readonly string[]).includes(value);
}

/**
 * The Hive partition column of fact tables: the UTC date of the row's event timestamp.
 *
 * @example
 * ```ts
 * `${partitionColumn}=2024-01-31`; // the folder of one day's files
 * ```
 */
export const partitionColumn = 'event_date';

/**
 * How a table's files are split: fact tables by the date of their event
 * timestamp, one Hive-style folder per day (`event_date=2024-01-31/`).
 *
 * @example
 * ```ts
 * partitioningOf(factReceipts)?.source.column; // 'event_ts'
 * partitioningOf(dimStores); // undefined: one folder, no partitions
 * ```
 */
export interface TablePartitioning {
  /** The partition column, {@link partitionColumn}. It is not stored in the files, only in the folder names. */
  readonly column: typeof partitionColumn;
  /** The non-nullable timestamp field the date is taken from. */
  readonly source: FieldDefinition;
}

/**
 * The partitioning of a table: a fact table's `EventTS` field (or else its
 * first non-nullable timestamp field) gives the partition date; dimension
 * tables, and fact tables without such a field, are not partitioned.
 *
 * @example
 * ```ts
 * partitioningOf(factReceipts); // { column: 'event_date', source: <EventTS> }
 * ```
 */
export function partitioningOf(table: TableDefinition): TablePartitioning | undefined {
  if (table.kind !== 'fact') return undefined;
  const candidates = table.fields.filter((field) => field.type === 'timestamp' && !field.nullable);
  const source = candidates.find((field) => field.name === 'EventTS') ?? candidates[0];
  if (source === undefined) return undefined;
  if (table.fields.some((field) => field.column === partitionColumn)) {
    throw new Error(`table ${table.name} has a column named ${partitionColumn}, which would clash with its partition column`);
  }
  return { column: partitionColumn, source };
}

/**
 * The partition value (`YYYY-MM-DD`) of a timestamp in epoch ms.
 *
 * @example
 * ```ts
 * partitionValueOf(Date.UTC(2024, 0, 31, 23, 59)); // '2024-01-31'
 * ```
 */
export function partitionValueOf(milliseconds: number): string {
  return isoDateOf(Math.floor(milliseconds / millisecondsPerDay));
}

/**
 * File name extension of a format.
 *
 * @example
 * ```ts
 * extensionOf('arrow'); // 'arrow'
 * ```
 */
export function extensionOf(format: FileFormat): string {
  return format;
}

/**
 * Path of a table's file relative to the output folder, with `/`
 * separators: `<table>/part-<n>.<ext>` or
 * `<table>/event_date=<YYYY-MM-DD>/part-<n>.<ext>`.
 *
 * @example
 * ```ts
 * relativeFilePath(factReceipts, 'parquet', 0, '2024-01-31'); // 'fact_receipts/event_date=2024-01-31/part-0.parquet'
 * relativeFilePath(dimStores, 'csv', 0); // 'dim_stores/part-0.csv'
 * ```
 */
export function relativeFilePath(table: TableDefinition, format: FileFormat, part: number, partitionValue?: string): string {
  const folder = partitionValue === undefined ? table.name : `${table.name}/${partitionColumn}=${partitionValue}`;
  return `${folder}/part-${part}.${extensionOf(format)}`;
}
