import {
  BIGINT,
  BOOLEAN,
  DATE,
  DECIMAL,
  DOUBLE,
  ENUM,
  INTEGER,
  TIMESTAMP,
  VARCHAR,
  type DuckDBType,
} from '@duckdb/node-api';
import type { ColumnType, FieldDefinition, TableDefinition } from '@retail-datagen/models';

/** Width and scale of every money column: up to 9,999,999,999.99, exact to the cent. */
export const moneyPrecision = { width: 12, scale: 2 } as const;

/**
 * The DuckDB type of each logical column type, as SQL and as the type of an
 * appender data-chunk vector. The one place this mapping is kept.
 *
 * @example
 * ```ts
 * duckdbColumnTypes.money.sql; // 'DECIMAL(12,2)'
 * duckdbColumnTypes.timestamp.sql; // 'TIMESTAMP' (microseconds, no zone)
 * ```
 */
export const duckdbColumnTypes: Readonly<Record<ColumnType, { readonly sql: string; readonly chunkType: DuckDBType }>> = {
  int32: { sql: 'INTEGER', chunkType: INTEGER },
  int64: { sql: 'BIGINT', chunkType: BIGINT },
  float64: { sql: 'DOUBLE', chunkType: DOUBLE },
  money: { sql: `DECIMAL(${moneyPrecision.width},${moneyPrecision.scale})`, chunkType: DECIMAL(moneyPrecision.width, moneyPrecision.scale) },
  boolean: { sql: 'BOOLEAN', chunkType: BOOLEAN },
  string: { sql: 'VARCHAR', chunkType: VARCHAR },
  date: { sql: 'DATE', chunkType: DATE },
  timestamp: { sql: 'TIMESTAMP', chunkType: TIMESTAMP },
};

/**
 * A field's DuckDB column type as SQL: its logical type's, or for a string
 * field with a closed set of values an ENUM of them, written the way DuckDB
 * itself names the type (so that it compares equal to information_schema).
 *
 * @example
 * ```ts
 * columnSqlType(factReceipts.field('Subtotal')); // 'DECIMAL(12,2)'
 * columnSqlType(factStoreInventoryTxn.field('TxnType')); // "ENUM('INITIAL', 'SALE', 'RETURN', 'DELIVERY', 'ADJUSTMENT', 'ONLINE_ORDER')"
 * ```
 */
export function columnSqlType(field: Pick<FieldDefinition, 'type' | 'values'>): string {
  if (field.values === undefined) return duckdbColumnTypes[field.type].sql;
  return `ENUM(${field.values.map(sqlString).join(', ')})`;
}

/** A field's type as an appender data-chunk vector: {@link columnSqlType}'s, as a node-api type. */
export function columnChunkType(field: Pick<FieldDefinition, 'type' | 'values'>): DuckDBType {
  return field.values === undefined ? duckdbColumnTypes[field.type].chunkType : ENUM(field.values);
}

/**
 * Quotes a table or column name for SQL. Names only ever come from table
 * definitions (the models' allowlist); quoting keeps even an odd one inert.
 *
 * @example
 * ```ts
 * quoteIdentifier('dim_stores'); // '"dim_stores"'
 * ```
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A SQL string literal (quotes doubled): file paths, ENUM values.
 *
 * @example
 * ```ts
 * sqlString("it's"); // "'it''s'"
 * ```
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A column read as its logical type: the quoted column, or for an ENUM (a
 * closed set of values) the column cast to VARCHAR, so readers see plain
 * strings whatever the physical type.
 *
 * @example
 * ```ts
 * columnValueSql(factStoreInventoryTxn.field('TxnType')); // 'CAST("txn_type" AS VARCHAR)'
 * ```
 */
export function columnValueSql(field: Pick<FieldDefinition, 'column' | 'values'>): string {
  const column = quoteIdentifier(field.column);
  return field.values === undefined ? column : `CAST(${column} AS VARCHAR)`;
}

/**
 * `CREATE TABLE` for a table definition: physical names, DuckDB types
 * ({@link columnSqlType}: ENUMs for closed sets of values), NOT NULL on
 * every field that is not nullable.
 *
 * PRIMARY KEY and FOREIGN KEY are deliberately not declared: DuckDB checks
 * them row by row through an ART index on every append, which slows bulk
 * loading by several times and makes the index part of the file. Key
 * uniqueness and references are checked by the integrity tests instead.
 *
 * @example
 * ```ts
 * createTableStatement(dimTrucks, { ifNotExists: true });
 * // CREATE TABLE IF NOT EXISTS "dim_trucks" ("id" INTEGER NOT NULL, ..., "dc_id" INTEGER, ...)
 * ```
 */
export function createTableStatement(table: TableDefinition, options: { ifNotExists?: boolean } = {}): string {
  const columns = table.fields.map(
    (field) => `${quoteIdentifier(field.column)} ${columnSqlType(field)}${field.nullable ? '' : ' NOT NULL'}`,
  );
  return `CREATE TABLE ${options.ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdentifier(table.name)} (${columns.join(', ')})`;
}

/** `DROP TABLE IF EXISTS` for a table definition. */
export function dropTableStatement(table: TableDefinition): string {
  return `DROP TABLE IF EXISTS ${quoteIdentifier(table.name)}`;
}
