import { Data, DataType, RecordBatch, Vector, type Schema } from 'apache-arrow';
import type { TableCatalog, TableDefinition } from '@retail-datagen/models';
import { arrowSchemaOf, tableMetadataKey } from './arrow-schema.js';
import { ArrowConversionError } from './arrow-conversion-error.js';
import { recordBatchOf } from './record-batch.js';

/**
 * The buffers of one Arrow column (a Data), as plain typed arrays that
 * `postMessage` moves without copying when their ArrayBuffers are in the
 * transfer list.
 *
 * @example
 * ```ts
 * const column: TransferableColumn = { length: 2, offset: 0, nullCount: 0, values: Int32Array.of(1, 2) };
 * ```
 */
export interface TransferableColumn {
  readonly length: number;
  readonly offset: number;
  readonly nullCount: number;
  /** Utf8 offsets. */
  readonly valueOffsets?: Int32Array;
  /** Fixed-width values, packed booleans, Utf8 bytes or dictionary indices. */
  readonly values?: ArrayBufferView;
  /** Validity bitmap (bit set = value). */
  readonly nullBitmap?: Uint8Array;
  /** The dictionary of a dictionary-encoded column, one entry per chunk. */
  readonly dictionary?: readonly TransferableColumn[];
}

/**
 * A RecordBatch of a retail-datagen table as a structured-cloneable message:
 * the table name, the row count and each column's buffers, in the table's
 * field order. The schema is not sent: the receiver rebuilds it from the
 * table definition ({@link arrowSchemaOf}).
 *
 * @example
 * ```ts
 * const message: TransferableRecordBatch = toTransferable(toRecordBatch(batch));
 * ```
 */
export interface TransferableRecordBatch {
  /** Physical table name. */
  readonly table: string;
  readonly length: number;
  readonly columns: readonly TransferableColumn[];
}

/**
 * Unpacks a RecordBatch made by {@link toRecordBatch} (or any RecordBatch
 * with {@link arrowSchemaOf}'s columns) into a message for `postMessage`.
 * Nothing is copied: send it with {@link transferListOf} as the transfer
 * list to move the buffers to the other thread.
 *
 * @example
 * ```ts
 * // in a worker
 * const recordBatch = toRecordBatch(batch);
 * parentPort.postMessage(toTransferable(recordBatch), transferListOf(recordBatch));
 * ```
 */
export function toTransferable(recordBatch: RecordBatch, table?: TableDefinition): TransferableRecordBatch {
  const name = table?.name ?? recordBatch.schema.metadata.get(tableMetadataKey);
  if (name === undefined) throw new ArrowConversionError(`the record batch does not say which table it holds (no ${tableMetadataKey} metadata); pass the table`);
  if (table !== undefined) {
    const columns = recordBatch.schema.fields.map((field) => field.name).join(', ');
    const expected = table.fields.map((field) => field.column).join(', ');
    if (columns !== expected) throw new ArrowConversionError(`the record batch has columns (${columns}) but ${table.name} has (${expected})`);
  }
  return { table: name, length: recordBatch.numRows, columns: recordBatch.data.children.map(columnOf) };
}

function columnOf(data: Data): TransferableColumn {
  const column: { -readonly [K in keyof TransferableColumn]: TransferableColumn[K] } = { length: data.length, offset: data.offset, nullCount: data.nullCount };
  if (data.valueOffsets) column.valueOffsets = data.valueOffsets as Int32Array;
  if (data.values) column.values = data.values as ArrayBufferView;
  if (data.nullBitmap && data.nullBitmap.byteLength > 0) column.nullBitmap = data.nullBitmap;
  if (data.dictionary) column.dictionary = data.dictionary.data.map(columnOf);
  return column;
}

/**
 * Rebuilds the RecordBatch of a {@link TransferableRecordBatch} received from
 * another thread, on the buffers that came with it (no copy). `tables` is the
 * table itself or a catalog to find it in by name.
 *
 * @example
 * ```ts
 * worker.on('message', async (message: TransferableRecordBatch) => {
 *   const recordBatch = fromTransferable(message, catalog);
 *   await store.appendBatch(fromRecordBatch(recordBatch, catalog.get(message.table)));
 * });
 * ```
 */
export function fromTransferable(message: TransferableRecordBatch, tables: TableDefinition | TableCatalog): RecordBatch {
  const table = 'get' in tables ? tables.get(message.table) : tables;
  if (table.name !== message.table) throw new ArrowConversionError(`the message holds rows of ${message.table}, not ${table.name}`);
  if (message.columns.length !== table.fields.length) {
    throw new ArrowConversionError(`the message holds ${message.columns.length} columns but ${table.name} has ${table.fields.length}`);
  }
  const dictionaryFields = table.fields.filter((_, index) => message.columns[index]?.dictionary !== undefined).map((field) => field.name);
  const schema: Schema = arrowSchemaOf(table, dictionaryFields);
  const children = schema.fields.map((field, index) => dataOf(field.type as DataType, message.columns[index] as TransferableColumn));
  return recordBatchOf(schema, children, message.length);
}

function dataOf(type: DataType, column: TransferableColumn): Data {
  const dictionary = column.dictionary && DataType.isDictionary(type) ? new Vector(column.dictionary.map((chunk) => dataOf(type.dictionary, chunk))) : undefined;
  // Buffer slots by Arrow's BufferType: OFFSET, DATA, VALIDITY.
  const buffers = [column.valueOffsets, column.values, column.nullBitmap] as unknown as ConstructorParameters<typeof Data>[4];
  return new Data(type, column.offset, column.length, column.nullCount, buffers, [], dictionary);
}

/**
 * The distinct ArrayBuffers behind a RecordBatch's (or a transferable
 * message's) columns and dictionaries: the transfer list for `postMessage`
 * (or piscina's `Piscina.move`). After the transfer they are detached in the
 * sending thread, and so is every other view on them: {@link toRecordBatch}
 * shares the int32, date and float64 arrays of its column batch, so transfer
 * only batches the sender has finished with. SharedArrayBuffers are left
 * out (they are shared, not moved).
 *
 * @example
 * ```ts
 * const recordBatch = toRecordBatch(batch);
 * port.postMessage(toTransferable(recordBatch), transferListOf(recordBatch));
 * ```
 */
export function transferListOf(batch: RecordBatch | TransferableRecordBatch): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (view: ArrayBufferView | undefined) => {
    if (view !== undefined && view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  };
  const visit = (column: TransferableColumn) => {
    add(column.valueOffsets);
    add(column.values);
    add(column.nullBitmap);
    column.dictionary?.forEach(visit);
  };
  const message = batch instanceof RecordBatch ? { columns: batch.data.children.map(columnOf) } : batch;
  message.columns.forEach(visit);
  return [...buffers];
}
