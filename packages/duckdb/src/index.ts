export {
  openStore,
  type CreateTablesOptions,
  type DuckDBStore,
  type PreparedBatches,
  type QueryParameters,
  type QueryRow,
  type QueryValue,
  type StoreOptions,
  type TransactionOptions,
} from './duckdb-store.js';
export { StorageError } from './storage-error.js';
export { columnChunkType, columnSqlType, columnValueSql, createTableStatement, duckdbColumnTypes, quoteIdentifier, sqlString } from './table-ddl.js';
