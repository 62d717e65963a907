import { DuckDBInstance } from '@duckdb/node-api';
import { columnSqlType, quoteIdentifier, sqlString } from '@retail-datagen/duckdb';
import type { FieldDefinition, TableDefinition } from '@retail-datagen/models';

/**
 * A SQL expression of the column's type from the row number `i`; strings are
 * id-like (about 20 characters), a closed set's values taken in turn.
 */
function expressionOf(field: FieldDefinition): string {
  if (field.values !== undefined) return `[${field.values.map(sqlString).join(', ')}][1 + CAST(i % ${field.values.length} AS INTEGER)]`;
  switch (field.type) {
    case 'int32':
      return 'CAST(i % 100000 AS INTEGER)';
    case 'int64':
      return 'CAST(i AS BIGINT)';
    case 'float64':
      return 'i * 0.25';
    case 'money':
      return 'CAST((i % 1000000) / 100 AS DECIMAL(12,2))';
    case 'boolean':
      return 'i % 2 = 0';
    case 'date':
      return "DATE '2024-01-01' + CAST(i % 365 AS INTEGER)";
    case 'timestamp':
      return "TIMESTAMP '2024-01-01' + to_microseconds(i * 1000)";
    case 'string':
      return "'R' || lpad(CAST(i % 100000 AS VARCHAR), 5, '0') || '-20241129-' || lpad(CAST(i % 99999 AS VARCHAR), 5, '0')";
  }
}

/**
 * DuckDB's own speed at writing the same table shapes and row counts from SQL
 * (`CREATE TABLE ... AS SELECT ... FROM range(n)`): the physical reference a
 * generator in JavaScript cannot beat.
 */
export async function runNativeReference(database: string, tables: readonly { table: TableDefinition; rows: number }[]): Promise<{ rows: number; seconds: number }> {
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  try {
    const started = performance.now();
    let rows = 0;
    for (const { table, rows: count } of tables) {
      const columns = table.fields.map((field) => `CAST(${expressionOf(field)} AS ${columnSqlType(field)}) AS ${quoteIdentifier(field.column)}`);
      await connection.run(`CREATE TABLE ${quoteIdentifier(table.name)} AS SELECT ${columns.join(', ')} FROM range(${Math.floor(count)}) AS t(i)`);
      rows += count;
    }
    await connection.run('CHECKPOINT');
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
