import { columnLength, isColumnOfType, stringAt, type ColumnBatch, type StringColumn } from '../batch/column-batch.js';

/**
 * What is wrong with a batch against its own table definition: missing or
 * mistyped columns, wrong lengths, NULLs in non-nullable fields, non-finite
 * or fractional numbers where the type forbids them, strings outside their
 * field's closed set of values, repeated primary keys.
 * An empty list means the batch conforms.
 *
 * @example
 * ```ts
 * batchProblems(batch); // [] or ['fact_loyalty_points: field Points has a NULL in row 3, but is not nullable']
 * ```
 */
export function batchProblems(batch: ColumnBatch): string[] {
  const problems: string[] = [];
  const table = batch.table;
  const add = (problem: string) => {
    if (problems.length < 20) problems.push(`${table.name}: ${problem}`);
  };
  for (const field of table.fields) {
    const column = batch.columns[field.name];
    if (column === undefined) {
      add(`field ${field.name} is missing`);
      continue;
    }
    if (!isColumnOfType(column, field.type)) add(`field ${field.name} is not held as a ${field.type} column`);
    else if (columnLength(column) !== batch.length) add(`field ${field.name} has ${columnLength(column)} values, the batch ${batch.length}`);
    const validity = batch.validity[field.name];
    const isNull = (row: number) => (validity !== undefined && validity[row] === 0) || (field.type === 'string' && stringAt(column as StringColumn, row) === null);
    for (let row = 0; row < batch.length; row++) {
      if (isNull(row)) {
        if (!field.nullable) {
          add(`field ${field.name} has a NULL in row ${row}, but is not nullable`);
          break;
        }
        continue;
      }
      if (field.values !== undefined) {
        const value = stringAt(column as StringColumn, row);
        if (value !== null && !field.values.includes(value)) {
          add(`field ${field.name} holds ${JSON.stringify(value)} in row ${row}, not one of its values (${field.values.join(', ')})`);
          break;
        }
      }
      if (column instanceof Float64Array || column instanceof Int32Array) {
        const value = column[row] as number;
        const whole = field.type !== 'float64';
        if (!Number.isFinite(value) || (whole && !Number.isInteger(value))) {
          add(`field ${field.name} (${field.type}) holds ${value} in row ${row}`);
          break;
        }
      }
    }
  }
  const keys = new Set<string>();
  for (let row = 0; row < batch.length; row++) {
    const key = table.primaryKey.map((name) => cellText(batch, name, row)).join('\u0001');
    if (keys.has(key)) {
      add(`primary key (${table.primaryKeyColumns.join(', ')}) repeats in row ${row}: ${key.replaceAll('\u0001', ', ')}`);
      break;
    }
    keys.add(key);
  }
  return problems;
}

/** A cell as text (NULL as `\u0000`), for comparing rows. */
export function cellText(batch: ColumnBatch, name: string, row: number): string {
  const column = batch.columns[name];
  if (column === undefined) return '\u0000';
  const validity = batch.validity[name];
  if (validity !== undefined && validity[row] === 0) return '\u0000';
  if (column instanceof Int32Array || column instanceof Float64Array || column instanceof Uint8Array) return String(column[row]);
  return stringAt(column, row) ?? '\u0000';
}

/**
 * Every row of some batches as text, one string per row, in batch order:
 * compare two outputs exactly, or sort both to compare them as multisets.
 *
 * @example
 * ```ts
 * expect(rowsAsText(first).sort()).toEqual(rowsAsText(second).sort());
 * ```
 */
export function rowsAsText(batches: readonly ColumnBatch[]): string[] {
  const rows: string[] = [];
  for (const batch of batches) {
    const names = batch.table.fields.map((field) => field.name);
    for (let row = 0; row < batch.length; row++) rows.push(`${batch.table.name}\u0002${names.map((name) => cellText(batch, name, row)).join('\u0001')}`);
  }
  return rows;
}
