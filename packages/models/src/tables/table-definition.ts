import { toSnakeCase } from '../naming/to-snake-case.js';

/**
 * Logical column types. Each sink maps them to its own physical types
 * (DuckDB: INTEGER, BIGINT, DOUBLE, DECIMAL(12,2), BOOLEAN, VARCHAR, DATE, TIMESTAMP).
 *
 * - `money` is exact: generators work in integer cents.
 * - `date` is days since 1970-01-01; `timestamp` is milliseconds since 1970-01-01 (UTC, no zone).
 */
export type ColumnType = 'int32' | 'int64' | 'float64' | 'money' | 'boolean' | 'string' | 'date' | 'timestamp';

export type TableKind = 'dimension' | 'fact' | 'system';

/** A field as declared, in generator-layer (PascalCase) naming. */
export interface FieldInput {
  /** PascalCase generator-layer name, e.g. `StoreID`. */
  name: string;
  type: ColumnType;
  /** Defaults to false. */
  nullable?: boolean;
  /** Physical column name when the derived snake_case name is not wanted, e.g. `receipt_id_ext`. */
  column?: string;
  /** Physical `table.column` this field points to. */
  references?: `${string}.${string}`;
  /**
   * A string field's closed set of values: the only ones it ever holds, in
   * the order sinks list them (DuckDB stores the column as an ENUM of them,
   * one byte a row instead of a string; a value outside the set is refused
   * when it is written). At most {@link maxFieldValues}.
   */
  values?: readonly string[];
  description?: string;
}

/** Most values a field's closed set may have (DuckDB stores up to 255 in one byte). */
export const maxFieldValues = 255;

export interface TableInput {
  /** PascalCase generator-layer name, e.g. `DimStores`. */
  name: string;
  kind: TableKind;
  description: string;
  fields: readonly FieldInput[];
  /** Field names (generator layer) forming the primary key. */
  primaryKey: readonly string[];
  /** Physical table name when the derived one is not wanted. */
  table?: string;
}

/** A field with its physical column name resolved. */
export interface FieldDefinition extends FieldInput {
  nullable: boolean;
  /** Physical (storage-layer) column name. */
  column: string;
}

/** A table with every physical name resolved. */
export interface TableDefinition {
  /** Physical (storage-layer) table name, e.g. `dim_stores`. */
  name: string;
  /** Generator-layer name, e.g. `DimStores`. */
  logicalName: string;
  kind: TableKind;
  description: string;
  fields: readonly FieldDefinition[];
  primaryKey: readonly string[];
  /** Physical column names of the primary key. */
  primaryKeyColumns: readonly string[];
  /** Looks a field up by its generator-layer name. */
  field(name: string): FieldDefinition;
}

/**
 * Declares a table once; physical names are derived by {@link toSnakeCase}
 * unless an override is declared beside the field.
 *
 * @example
 * ```ts
 * const receipts = defineTable({
 *   name: 'FactReceipts', kind: 'fact', description: 'Receipt headers',
 *   primaryKey: ['ReceiptId'],
 *   fields: [
 *     { name: 'ReceiptId', type: 'string', column: 'receipt_id_ext' },
 *     { name: 'StoreID', type: 'int32', references: 'dim_stores.id' },
 *   ],
 * });
 * receipts.field('StoreID').column; // 'store_id'
 * ```
 */
export function defineTable(input: TableInput): TableDefinition {
  const fields: FieldDefinition[] = input.fields.map((field) => ({
    ...field,
    nullable: field.nullable ?? false,
    column: field.column ?? toSnakeCase(field.name),
  }));
  const byName = new Map(fields.map((field) => [field.name, field]));
  if (byName.size !== fields.length) throw new Error(`table ${input.name}: duplicate field names`);
  const columns = new Set(fields.map((field) => field.column));
  if (columns.size !== fields.length) throw new Error(`table ${input.name}: two fields map to the same column`);
  for (const key of input.primaryKey) {
    if (!byName.has(key)) throw new Error(`table ${input.name}: primary key field ${key} is not a field`);
  }
  for (const field of fields) if (field.values !== undefined) checkValues(input.name, field);
  const name = input.table ?? toSnakeCase(input.name);
  return {
    name,
    logicalName: input.name,
    kind: input.kind,
    description: input.description,
    fields,
    primaryKey: [...input.primaryKey],
    primaryKeyColumns: input.primaryKey.map((key) => byName.get(key)!.column),
    field(fieldName: string): FieldDefinition {
      const found = byName.get(fieldName);
      if (!found) throw new Error(`table ${name} has no field ${fieldName}; fields: ${[...byName.keys()].join(', ')}`);
      return found;
    },
  };
}

function checkValues(table: string, field: FieldDefinition): void {
  const values = field.values ?? [];
  const where = `table ${table}: field ${field.name}`;
  if (field.type !== 'string') throw new Error(`${where}: only a string field takes a closed set of values, not a ${field.type} one`);
  if (values.length === 0 || values.length > maxFieldValues) throw new Error(`${where}: a closed set has 1 to ${maxFieldValues} values, not ${values.length}`);
  if (new Set(values).size !== values.length) throw new Error(`${where}: a value is listed twice in its closed set`);
  if (values.some((value) => value === '')) throw new Error(`${where}: the empty string is not a value of a closed set`);
}
