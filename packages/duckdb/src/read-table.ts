import type { JS } from '@duckdb/node-api';
import { createColumnBatch, type ColumnBatch, type ColumnData } from '@retail-datagen/generator-core';
import type { FieldDefinition, TableDefinition } from '@retail-datagen/models';
import { columnValueSql, quoteIdentifier } from './table-ddl.js';

/**
 * The SELECT that reads a table back into the in-memory batch shapes: dates
 * as day numbers, timestamps as epoch ms, money as integer cents, booleans as
 * 0/1, ordered by the primary key.
 */
export function readTableStatement(table: TableDefinition): string {
  const columns = table.fields.map((field) => `${selectExpression(field)} AS ${quoteIdentifier(field.column)}`);
  const order = table.primaryKeyColumns.map(quoteIdentifier).join(', ');
  return `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(table.name)}${order ? ` ORDER BY ${order}` : ''}`;
}

function selectExpression(field: FieldDefinition): string {
  const column = quoteIdentifier(field.column);
  switch (field.type) {
    case 'date':
      return `CAST(${column} - DATE '1970-01-01' AS INTEGER)`;
    case 'timestamp':
      return `CAST(epoch_ms(${column}) AS DOUBLE)`;
    case 'money':
      return `CAST(CAST(${column} * 100 AS BIGINT) AS DOUBLE)`;
    case 'int64':
      return `CAST(${column} AS DOUBLE)`;
    case 'boolean':
      return `CAST(${column} AS UTINYINT)`;
    default:
      return columnValueSql(field);
  }
}

/** Turns the JS columns of {@link readTableStatement}'s result into a batch. */
export function columnsToBatch(table: TableDefinition, columns: readonly (readonly JS[])[]): ColumnBatch {
  const length = columns[0]?.length ?? 0;
  const data: Record<string, ColumnData> = {};
  const validity: Record<string, Uint8Array> = {};
  table.fields.forEach((field, index) => {
    const values = columns[index] ?? [];
    let mask: Uint8Array | undefined;
    const maskOf = () => (mask ??= new Uint8Array(length).fill(1));
    if (field.type === 'string') {
      data[field.name] = values.map((value) => (value === null ? null : String(value)));
      return;
    }
    const typed = field.type === 'int32' || field.type === 'date' ? new Int32Array(length) : field.type === 'boolean' ? new Uint8Array(length) : new Float64Array(length);
    for (let row = 0; row < length; row++) {
      const value = values[row];
      if (value === null || value === undefined) maskOf()[row] = 0;
      else typed[row] = Number(value);
    }
    data[field.name] = typed;
    if (mask && field.nullable) validity[field.name] = mask;
  });
  return createColumnBatch(table, length, data, validity);
}
