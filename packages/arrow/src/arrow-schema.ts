import {
  Bool,
  DateDay,
  Decimal,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  Schema,
  TimestampMillisecond,
  Utf8,
  type DataType,
} from 'apache-arrow';
import type { ColumnType, FieldDefinition, TableDefinition } from '@retail-datagen/models';

/**
 * Width and scale of money as an Arrow Decimal128, the same as DuckDB's DECIMAL(12,2).
 *
 * @example
 * ```ts
 * moneyDecimal.scale; // 2: the unscaled Decimal128 value is the integer cents
 * ```
 */
export const moneyDecimal = { precision: 12, scale: 2, bitWidth: 128 } as const;

/** Schema metadata key holding the physical table name. */
export const tableMetadataKey = 'retail-datagen.table';
/** Field metadata key holding the logical column type (`money`, `timestamp`, ...). */
export const typeMetadataKey = 'retail-datagen.type';
/** Field metadata key holding the generator-layer field name (`StoreID`). */
export const fieldMetadataKey = 'retail-datagen.field';

/**
 * How a string column is held in Arrow: `utf8` (offsets and bytes) or
 * `dictionary` (Int32 indices into a Utf8 dictionary).
 *
 * @example
 * ```ts
 * const encoding: StringEncoding = 'dictionary';
 * ```
 */
export type StringEncoding = 'utf8' | 'dictionary';

/**
 * The Arrow type of each logical column type:
 * int32 -> Int32, int64 -> Int64, float64 -> Float64,
 * money (integer cents) -> Decimal128(12, 2) (the unscaled value is the cents),
 * boolean -> Bool, date (days since epoch) -> Date32(DAY),
 * timestamp (ms since epoch, no zone) -> Timestamp(MILLISECOND),
 * string -> Utf8, or Dictionary<Int32, Utf8> when dictionary-encoded.
 *
 * Decimal128(12,2) is what DuckDB, Parquet readers, pyarrow and polars read as
 * an exact money value; a bare Int64 of cents would be read as a count.
 *
 * @example
 * ```ts
 * arrowTypeOf('money').toString(); // 'Decimal[12e+2]' (precision 12, scale 2)
 * arrowTypeOf('string', 'dictionary').toString(); // 'Dictionary<Int32, Utf8>'
 * ```
 */
export function arrowTypeOf(type: ColumnType, encoding: StringEncoding = 'utf8'): DataType {
  switch (type) {
    case 'int32':
      return new Int32();
    case 'int64':
      return new Int64();
    case 'float64':
      return new Float64();
    case 'money':
      return new Decimal(moneyDecimal.scale, moneyDecimal.precision, moneyDecimal.bitWidth);
    case 'boolean':
      return new Bool();
    case 'date':
      return new DateDay();
    case 'timestamp':
      return new TimestampMillisecond();
    case 'string':
      return encoding === 'dictionary' ? new Dictionary(new Utf8(), new Int32()) : new Utf8();
  }
}

/**
 * The Arrow type of each logical column type as the Arrow specification
 * names it, for manifests and messages.
 *
 * @example
 * ```ts
 * arrowTypeNames.money; // 'Decimal128(12, 2)'
 * ```
 */
export const arrowTypeNames: Readonly<Record<ColumnType, string>> = {
  int32: 'Int32',
  int64: 'Int64',
  float64: 'Float64',
  money: `Decimal128(${moneyDecimal.precision}, ${moneyDecimal.scale})`,
  boolean: 'Bool',
  date: 'Date32(DAY)',
  timestamp: 'Timestamp(MILLISECOND)',
  string: 'Utf8',
};

/** Schemas by table and by the set of dictionary-encoded fields: one Schema object per shape keeps Dictionary ids stable. */
const schemaCache = new WeakMap<TableDefinition, Map<string, Schema>>();

/**
 * The Arrow schema of a table: one field per definition field, in order,
 * named by its physical column (`store_id`), nullable as declared, with the
 * logical type and generator-layer name in the field metadata and the table
 * name in the schema metadata. The same table and dictionary fields always
 * give the same Schema object, so batches of one table share Dictionary ids
 * and an IPC stream needs one schema message.
 *
 * @example
 * ```ts
 * const schema = arrowSchemaOf(factReceipts);
 * schema.fields.map((field) => field.name); // ['receipt_id_ext', 'store_id', ...]
 * arrowSchemaOf(factPayments, ['PaymentMethod']); // payment_method as Dictionary<Int32, Utf8>
 * ```
 */
export function arrowSchemaOf(table: TableDefinition, dictionaryFields: Iterable<string> = []): Schema {
  const dictionaries = new Set(dictionaryFields);
  for (const name of dictionaries) {
    if (table.field(name).type !== 'string') throw new Error(`table ${table.name}: field ${name} is not a string field and cannot be dictionary-encoded`);
  }
  const key = table.fields.map((field) => (dictionaries.has(field.name) ? '1' : '0')).join('');
  let byKey = schemaCache.get(table);
  if (!byKey) schemaCache.set(table, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const fields = table.fields.map((field) => arrowFieldOf(field, dictionaries.has(field.name) ? 'dictionary' : 'utf8'));
  const schema = new Schema(fields, new Map([[tableMetadataKey, table.name]]));
  byKey.set(key, schema);
  return schema;
}

function arrowFieldOf(field: FieldDefinition, encoding: StringEncoding): Field {
  const metadata = new Map([
    [typeMetadataKey, field.type],
    [fieldMetadataKey, field.name],
  ]);
  return new Field(field.column, arrowTypeOf(field.type, encoding), field.nullable, metadata);
}
