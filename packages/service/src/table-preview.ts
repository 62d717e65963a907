import { quoteIdentifier, type DuckDBStore, type QueryRow } from '@retail-datagen/duckdb';
import { InvalidArgumentError, RetailDatagenError, type FieldDefinition, type TableCatalog, type TableDefinition } from '@retail-datagen/models';
import type { TableInfo, TablePreview } from './job-info.js';

/**
 * The most rows one preview returns; a larger `limit` is capped to it.
 *
 * @example
 * ```ts
 * (await service.previewTable('fact_receipts', { limit: 1e9 })).limit; // 500
 * ```
 */
export const maxPreviewRows = 500;

/**
 * Options of {@link previewTable}.
 *
 * @example
 * ```ts
 * const options: PreviewOptions = { limit: 50, offset: 100, order: 'desc' };
 * ```
 */
export interface PreviewOptions {
  /** Rows to return, 1 or more; capped to {@link maxPreviewRows}. Default 50. */
  readonly limit?: number;
  /** Rows to skip, 0 or more. Default 0. */
  readonly offset?: number;
  /**
   * `asc` (default) or `desc`: fact tables by event time then key, so `desc`
   * gives the most recent rows; other tables by primary key.
   */
  readonly order?: 'asc' | 'desc';
}

/**
 * The tables of the catalog that the database holds, in catalog order, with
 * their row counts.
 *
 * @example
 * ```ts
 * await listTables(store, catalog); // [{ name: 'dim_geographies', kind: 'dimension', description: '...', rows: 60 }, ...]
 * ```
 */
export async function listTables(store: DuckDBStore, catalog: TableCatalog): Promise<TableInfo[]> {
  const existing = new Set(await store.existingTables());
  const tables = catalog.tables.filter((table) => existing.has(table.name));
  const counts = await store.rowCounts(tables);
  return tables.map((table) => ({ name: table.name, kind: table.kind, description: table.description, rows: counts.get(table.name) ?? 0 }));
}

/**
 * One page of a table's rows as JSON values. The name must be in the
 * catalog (the allowlist: no SQL is built from what a user typed) and the
 * table in the database.
 *
 * @throws UnknownTableError for a name outside the catalog; RetailDatagenError
 * `USER_UNKNOWN_TABLE` for a table the database does not hold (yet);
 * InvalidArgumentError for a bad `limit`, `offset` or `order`.
 *
 * @example
 * ```ts
 * const page = await previewTable(store, catalog, 'fact_receipts', { limit: 20, order: 'desc' });
 * ```
 */
export async function previewTable(store: DuckDBStore, catalog: TableCatalog, name: string, options: PreviewOptions = {}): Promise<TablePreview> {
  const table = catalog.get(name);
  const limit = options.limit ?? 50;
  const offset = options.offset ?? 0;
  const order = options.order ?? 'asc';
  if (!(limit >= 1)) throw new InvalidArgumentError('limit', limit, `a whole number >= 1 (at most ${maxPreviewRows} rows are returned)`);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new InvalidArgumentError('offset', offset, 'a whole number >= 0');
  if (order !== 'asc' && order !== 'desc') throw new InvalidArgumentError('order', order, 'asc or desc');
  const applied = Math.min(Math.floor(limit), maxPreviewRows);

  const existing = await store.existingTables();
  if (!existing.includes(table.name)) {
    const present = catalog.tables.filter((candidate) => existing.includes(candidate.name)).map((candidate) => candidate.name);
    throw new RetailDatagenError({
      code: 'USER_UNKNOWN_TABLE',
      message: `table ${JSON.stringify(table.name)} is not in ${store.path} yet; tables there: ${present.join(', ') || 'none (start a run first)'}`,
    });
  }
  const source = quoteIdentifier(table.name);
  const [counted] = await store.query(`SELECT count(*) AS row_count FROM ${source}`);
  const direction = order === 'desc' ? ' DESC' : '';
  const orderBy = orderColumns(table).map((column) => `${quoteIdentifier(column)}${direction}`);
  const rows = await store.query(
    `SELECT ${table.fields.map(selectExpression).join(', ')} FROM ${source}${orderBy.length > 0 ? ` ORDER BY ${orderBy.join(', ')}` : ''} LIMIT ${applied} OFFSET ${offset}`,
  );
  return {
    table: table.name,
    kind: table.kind,
    total: Number(counted?.['row_count'] ?? 0),
    offset,
    limit: applied,
    order,
    columns: table.fields.map((field) => ({ name: field.column, type: field.type, nullable: field.nullable })),
    rows: rows.map(toJsonRow),
  };
}

/** Fact tables by their event time (as the export partitions them), then by key; others by key. */
function orderColumns(table: TableDefinition): string[] {
  const keys = [...table.primaryKeyColumns];
  if (table.kind !== 'fact') return keys;
  const timestamps = table.fields.filter((field) => field.type === 'timestamp' && !field.nullable);
  const event = timestamps.find((field) => field.name === 'EventTS') ?? timestamps[0];
  return event === undefined ? keys : [event.column, ...keys.filter((key) => key !== event.column)];
}

/** Exact text for the types JSON numbers cannot hold (money, 64-bit) or has no type for (dates). */
function selectExpression(field: FieldDefinition): string {
  const column = quoteIdentifier(field.column);
  switch (field.type) {
    case 'money':
    case 'int64':
    case 'date':
    case 'timestamp':
      return `CAST(${column} AS VARCHAR) AS ${column}`;
    default:
      return column;
  }
}

function toJsonRow(row: QueryRow): Record<string, string | number | boolean | null> {
  const result: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(row)) {
    result[key] = value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
  }
  return result;
}
