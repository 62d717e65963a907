import bindings, { type Vector } from '@duckdb/node-bindings';
import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk } from '@duckdb/node-api';
import { makeData, type Bool, type DataType, type DateDay, type Decimal, type Float64, type Int32, type Int64, type RecordBatch, type TimestampMillisecond, type Utf8 } from 'apache-arrow';
import type { ColumnBatch } from '@retail-datagen/generator-core';
import { columnSqlType, columnValueSql, quoteIdentifier, StorageError } from '@retail-datagen/duckdb';
import type { FieldDefinition, TableDefinition } from '@retail-datagen/models';
import { arrowSchemaOf } from './arrow-schema.js';
import { fromRecordBatch, recordBatchOf } from './record-batch.js';
import { bitmapBytes } from './utf8-column.js';

/**
 * Options of {@link openDuckDBTableReader}.
 *
 * @example
 * ```ts
 * const reader = await openDuckDBTableReader('data/retail.duckdb', { memoryLimit: '256MB' });
 * ```
 */
export interface DuckDBTableReaderOptions {
  /** DuckDB's memory limit for the reading instance. Default `'256MB'`: its block cache must not grow with the file. */
  readonly memoryLimit?: string;
  /** DuckDB worker threads. Default: DuckDB's own. */
  readonly threads?: number;
}

/**
 * Options of {@link DuckDBTableReader.batches}.
 *
 * @example
 * ```ts
 * for await (const batch of reader.batches(factReceipts, { batchRows: 100_000 })) console.log(batch.length);
 * ```
 */
export interface ReadBatchesOptions {
  /** Rows per batch (the last one may hold fewer). Default 65,536. */
  readonly batchRows?: number;
}

/**
 * Streams tables of a DuckDB file as column batches, chunk by chunk, so a
 * table of any size is read in constant memory.
 *
 * @example
 * ```ts
 * const reader = await openDuckDBTableReader('data/retail.duckdb');
 * try {
 *   for await (const recordBatch of reader.recordBatches(factReceipts)) await sink.write(factReceipts, recordBatch);
 * } finally {
 *   reader.close();
 * }
 * ```
 */
export interface DuckDBTableReader {
  /** The file read. */
  readonly path: string;
  /**
   * The rows of a table in insertion order as Arrow RecordBatches of
   * {@link arrowSchemaOf}'s schema (plain Utf8 strings), built from DuckDB's
   * vectors without making JS values: strings are copied as UTF-8 bytes,
   * 64-bit values as words. The table must exist with its definition's
   * columns and types.
   */
  recordBatches(table: TableDefinition, options?: ReadBatchesOptions): AsyncIterable<RecordBatch>;
  /**
   * The same rows as column batches in the generator's in-memory shapes
   * (dates as day numbers, timestamps as epoch ms, money as integer cents,
   * booleans as 0/1), through {@link fromRecordBatch}.
   */
  batches(table: TableDefinition, options?: ReadBatchesOptions): AsyncIterable<ColumnBatch>;
  /** Closes the reading instance. Calling it again does nothing. */
  close(): void;
}

const defaultBatchRows = 65_536;
/** Bytes of a DuckDB string_t: a 4-byte length, then 12 bytes inline (or a 4-byte prefix and an 8-byte heap pointer). */
const stringSlotBytes = 16;
const inlineStringBytes = 12;

/**
 * Opens a DuckDB file read-only for streaming reads, through an instance of
 * its own. Read-only instances never write, so several may read one file,
 * also next to a read-only {@link openStore} in this process; do not open a
 * file this process has open for writing.
 *
 * @throws StorageError when the file cannot be opened (missing, not DuckDB, locked by a writer).
 *
 * @example
 * ```ts
 * const reader = await openDuckDBTableReader('data/retail.duckdb');
 * ```
 */
export async function openDuckDBTableReader(path: string, options: DuckDBTableReaderOptions = {}): Promise<DuckDBTableReader> {
  const settings: Record<string, string> = { access_mode: 'READ_ONLY', memory_limit: options.memoryLimit ?? '256MB' };
  if (options.threads !== undefined) settings['threads'] = String(options.threads);
  let instance: DuckDBInstance | undefined;
  try {
    instance = await DuckDBInstance.create(path, settings);
    const connection = await instance.connect();
    return new StreamingReader(path, instance, connection);
  } catch (error) {
    instance?.closeSync();
    throw new StorageError(`cannot open DuckDB database ${path} for reading: ${messageOf(error)}`, { path, cause: error });
  }
}

class StreamingReader implements DuckDBTableReader {
  readonly path: string;
  private readonly instance: DuckDBInstance;
  private readonly connection: DuckDBConnection;
  private closed = false;

  constructor(path: string, instance: DuckDBInstance, connection: DuckDBConnection) {
    this.path = path;
    this.instance = instance;
    this.connection = connection;
  }

  async *recordBatches(table: TableDefinition, options: ReadBatchesOptions = {}): AsyncGenerator<RecordBatch> {
    const batchRows = options.batchRows ?? defaultBatchRows;
    if (!Number.isSafeInteger(batchRows) || batchRows < 1) throw new RangeError(`batchRows must be a whole number >= 1, got ${batchRows}`);
    if (this.closed) throw new StorageError(`DuckDB database ${this.path} is closed`, { path: this.path });
    await this.checkColumns(table);
    const layout = await this.layoutOf(table);
    let result;
    try {
      result = await this.connection.stream(`SELECT ${layout.flatMap((column) => column.expressions).join(', ')} FROM ${quoteIdentifier(table.name)}`);
    } catch (error) {
      throw new StorageError(`cannot read ${table.name} from ${this.path}: ${messageOf(error)}`, { path: this.path, cause: error });
    }
    let builder = new RecordBatchBuilder(table, layout, batchRows);
    for (;;) {
      let chunk: DuckDBDataChunk | null;
      try {
        chunk = await result.fetchChunk();
      } catch (error) {
        throw new StorageError(`cannot read ${table.name} from ${this.path}: ${messageOf(error)}`, { path: this.path, cause: error });
      }
      if (chunk === null || chunk.rowCount === 0) break;
      if (!builder.fits(chunk.rowCount)) {
        yield builder.finish();
        builder = new RecordBatchBuilder(table, layout, Math.max(batchRows, chunk.rowCount));
      }
      builder.append(chunk);
    }
    if (builder.length > 0) yield builder.finish();
  }

  async *batches(table: TableDefinition, options: ReadBatchesOptions = {}): AsyncGenerator<ColumnBatch> {
    for await (const recordBatch of this.recordBatches(table, options)) yield fromRecordBatch(recordBatch, table);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /**
   * The SELECT expressions of each field. Timestamps are read as epoch ms
   * (BIGINT). A string longer than 12 bytes sits in DuckDB's string heap and
   * costs a native call to fetch (about 1.7 µs); one of up to 12 bytes is
   * inline in its vector slot. So strings are read as 12-character pieces,
   * `substr(s, 1, 12), substr(s, 13, 12), ...` (as many as the longest value
   * needs), which are inline unless non-ASCII, and joined again as bytes.
   */
  private async layoutOf(table: TableDefinition): Promise<ColumnLayout[]> {
    const strings = table.fields.filter((field) => field.type === 'string');
    const longest = new Map<string, number>();
    if (strings.length > 0) {
      const reader = await this.connection.runAndReadAll(
        `SELECT ${strings.map((field) => `max(length(${columnValueSql(field)}))`).join(', ')} FROM ${quoteIdentifier(table.name)}`,
      );
      const [row] = reader.getRowsJS();
      strings.forEach((field, index) => longest.set(field.name, Number(row?.[index] ?? 0)));
    }
    let vector = 0;
    return table.fields.map((field) => {
      // An ENUM (a closed set of values) is read as VARCHAR: the same strings, in the same slots.
      const column = columnValueSql(field);
      let expressions = [column];
      if (field.type === 'timestamp') expressions = [`epoch_ms(${column})`];
      if (field.type === 'string') {
        const pieces = Math.max(1, Math.ceil((longest.get(field.name) ?? 0) / inlineStringBytes));
        if (pieces > 1) expressions = Array.from({ length: pieces }, (_, piece) => `substr(${column}, ${piece * inlineStringBytes + 1}, ${inlineStringBytes})`);
      }
      const layout = { field, vector, expressions };
      vector += expressions.length;
      return layout;
    });
  }

  /** Values are read by position and type from raw vectors, so the stored columns must be exactly the definition's. */
  private async checkColumns(table: TableDefinition): Promise<void> {
    const reader = await this.connection.runAndReadAll(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
      [table.name],
    );
    const actual = reader.getRowsJS().map((row) => `${String(row[0])} ${String(row[1])}`);
    const expected = table.fields.map((field) => `${field.column} ${columnSqlType(field)}`);
    if (actual.length === 0) throw new StorageError(`cannot read ${table.name} from ${this.path}: the table does not exist`, { path: this.path });
    if (actual.join(', ') !== expected.join(', ')) {
      throw new StorageError(`cannot read ${table.name} from ${this.path}: the table has columns (${actual.join(', ')}) but its definition has (${expected.join(', ')})`, {
        path: this.path,
      });
    }
  }
}

/** Where a field's values are in a result chunk: its first vector and the expressions selected for it. */
interface ColumnLayout {
  readonly field: FieldDefinition;
  readonly vector: number;
  readonly expressions: readonly string[];
}

/** One column's Arrow buffers being filled. */
interface ColumnBuffers {
  /** Fixed-width values: Int32 (int32, date), Float64, packed bits (boolean), 32-bit words (2 per int64 / timestamp, 4 per Decimal128). */
  values: Int32Array | Float64Array | Uint8Array;
  /** Utf8 offsets and bytes (string columns). */
  offsets: Int32Array | undefined;
  bytes: Uint8Array;
  byteLength: number;
  /** Validity bitmap, made when the first NULL arrives. */
  nullBitmap: Uint8Array | undefined;
  nullCount: number;
}

/** Fills one RecordBatch's buffers from DuckDB data chunks. */
class RecordBatchBuilder {
  length = 0;
  private readonly table: TableDefinition;
  private readonly layout: readonly ColumnLayout[];
  private readonly capacity: number;
  private readonly buffers: ColumnBuffers[];

  constructor(table: TableDefinition, layout: readonly ColumnLayout[], capacity: number) {
    this.table = table;
    this.layout = layout;
    this.capacity = capacity;
    this.buffers = table.fields.map((field) => allocate(field, capacity));
  }

  fits(rows: number): boolean {
    return this.length + rows <= this.capacity;
  }

  append(chunk: DuckDBDataChunk): void {
    const rows = chunk.rowCount;
    this.layout.forEach(({ field, vector: first, expressions }, index) => {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, first);
      // Absent when every row has a value; bit clear = NULL. NULL slots hold no meaningful bytes.
      const validity = (bindings.vector_get_validity(vector, Math.ceil(rows / 64) * 8) as Uint8Array | null) ?? undefined;
      const buffers = this.buffers[index] as ColumnBuffers;
      if (validity) this.copyValidity(field, buffers, validity, rows);
      if (field.type === 'string') {
        const pieces = expressions.map((_, piece) => bindings.data_chunk_get_vector(chunk.chunk, first + piece));
        copyStrings(pieces, rows, validity, buffers, this.length);
      } else {
        copyValues(field, vector, rows, buffers, this.length);
      }
    });
    this.length += rows;
  }

  finish(): RecordBatch {
    const schema = arrowSchemaOf(this.table);
    const length = this.length;
    const children = this.table.fields.map((field, index) => {
      const type = schema.fields[index]?.type as DataType;
      const { values, offsets, bytes, byteLength, nullBitmap, nullCount } = this.buffers[index] as ColumnBuffers;
      const common = { length, nullCount, nullBitmap: nullCount > 0 ? nullBitmap : undefined };
      switch (field.type) {
        case 'int32':
          return makeData({ type: type as Int32, ...common, data: (values as Int32Array).subarray(0, length) });
        case 'date':
          return makeData({ type: type as DateDay, ...common, data: (values as Int32Array).subarray(0, length) });
        case 'float64':
          return makeData({ type: type as Float64, ...common, data: (values as Float64Array).subarray(0, length) });
        case 'boolean':
          return makeData({ type: type as Bool, ...common, data: values as Uint8Array });
        case 'int64':
          return makeData({ type: type as Int64, ...common, data: new BigInt64Array(values.buffer, 0, length) });
        case 'timestamp':
          return makeData({ type: type as TimestampMillisecond, ...common, data: new BigInt64Array(values.buffer, 0, length) });
        case 'money':
          return makeData({ type: type as Decimal, ...common, data: new Uint32Array(values.buffer, 0, length * 4) });
        case 'string':
          return makeData({ type: type as Utf8, ...common, valueOffsets: (offsets as Int32Array).subarray(0, length + 1), data: bytes.subarray(0, byteLength) });
      }
    });
    return recordBatchOf(schema, children, length);
  }

  private copyValidity(field: FieldDefinition, buffers: ColumnBuffers, validity: Uint8Array, rows: number): void {
    for (let row = 0; row < rows; row++) {
      if (isValid(validity, row)) continue;
      if (!field.nullable) {
        throw new StorageError(`cannot read ${this.table.name}: column ${field.column} holds NULL but the definition does not allow it`);
      }
      if (buffers.nullBitmap === undefined) {
        // Every row so far had a value.
        buffers.nullBitmap = new Uint8Array(bitmapBytes(this.capacity)).fill(0xff);
      }
      const bit = this.length + row;
      buffers.nullBitmap[bit >> 3]! &= ~(1 << (bit & 7));
      buffers.nullCount++;
    }
  }
}

function isValid(bitmap: Uint8Array | undefined, row: number): boolean {
  return bitmap === undefined || (((bitmap[row >> 3] as number) >> (row & 7)) & 1) === 1;
}

function allocate(field: FieldDefinition, capacity: number): ColumnBuffers {
  const buffers: ColumnBuffers = { values: new Uint8Array(0), offsets: undefined, bytes: new Uint8Array(0), byteLength: 0, nullBitmap: undefined, nullCount: 0 };
  switch (field.type) {
    case 'int32':
    case 'date':
      buffers.values = new Int32Array(capacity);
      break;
    case 'float64':
      buffers.values = new Float64Array(capacity);
      break;
    case 'boolean':
      buffers.values = new Uint8Array(bitmapBytes(capacity));
      break;
    case 'int64':
    case 'timestamp':
      buffers.values = new Int32Array(capacity * 2);
      break;
    case 'money':
      buffers.values = new Int32Array(capacity * 4);
      break;
    case 'string':
      buffers.offsets = new Int32Array(capacity + 1);
      buffers.bytes = new Uint8Array(capacity * 16);
      break;
  }
  return buffers;
}

function copyValues(field: FieldDefinition, vector: Vector, rows: number, buffers: ColumnBuffers, at: number): void {
  switch (field.type) {
    case 'int32':
    case 'date': {
      const data = bindings.vector_get_data(vector, rows * 4);
      (buffers.values as Int32Array).set(new Int32Array(data.buffer, data.byteOffset, rows), at);
      return;
    }
    case 'float64': {
      const data = bindings.vector_get_data(vector, rows * 8);
      (buffers.values as Float64Array).set(new Float64Array(data.buffer, data.byteOffset, rows), at);
      return;
    }
    case 'boolean': {
      const data = bindings.vector_get_data(vector, rows);
      const bits = buffers.values as Uint8Array;
      for (let row = 0; row < rows; row++) {
        if (data[row] !== 0) bits[(at + row) >> 3]! |= 1 << ((at + row) & 7);
      }
      return;
    }
    case 'int64':
    case 'timestamp': {
      // BIGINT and epoch_ms(TIMESTAMP): the same little-endian 64-bit values Arrow holds.
      const data = bindings.vector_get_data(vector, rows * 8);
      (buffers.values as Int32Array).set(new Int32Array(data.buffer, data.byteOffset, rows * 2), at * 2);
      return;
    }
    case 'money': {
      // DECIMAL(12,2) is stored as int64 cents; Decimal128 is the same value sign-extended to four words.
      const data = bindings.vector_get_data(vector, rows * 8);
      const source = new Int32Array(data.buffer, data.byteOffset, rows * 2);
      const words = buffers.values as Int32Array;
      for (let row = 0; row < rows; row++) {
        const base = (at + row) * 4;
        const high = source[row * 2 + 1] as number;
        const sign = high < 0 ? -1 : 0;
        words[base] = source[row * 2] as number;
        words[base + 1] = high;
        words[base + 2] = sign;
        words[base + 3] = sign;
      }
      return;
    }
    case 'string':
      throw new Error('string columns are copied by copyStrings');
  }
}

/**
 * Copies the UTF-8 bytes of DuckDB string_t slots into Utf8 offsets and
 * bytes, growing the byte buffer as needed: row by row, the bytes of each of
 * the row's pieces in order (inline ones straight from the slot, longer
 * ones from DuckDB's heap).
 */
function copyStrings(pieces: readonly Vector[], rows: number, validity: Uint8Array | undefined, buffers: ColumnBuffers, at: number): void {
  const slots = pieces.map((vector) => bindings.vector_get_data(vector, rows * stringSlotBytes));
  const lengths = slots.map((data) => new Uint32Array(data.buffer, data.byteOffset, rows * 4));
  const offsets = buffers.offsets as Int32Array;
  let position = buffers.byteLength;
  for (let row = 0; row < rows; row++) {
    if (isValid(validity, row)) {
      for (let piece = 0; piece < slots.length; piece++) {
        const data = slots[piece] as Uint8Array;
        const length = (lengths[piece] as Uint32Array)[row * 4] as number;
        if (position + length > buffers.bytes.length) {
          const grown = new Uint8Array(Math.max(buffers.bytes.length * 2, position + length));
          grown.set(buffers.bytes.subarray(0, position));
          buffers.bytes = grown;
        }
        const bytes = buffers.bytes;
        if (length <= inlineStringBytes) {
          const start = row * stringSlotBytes + 4;
          for (let index = 0; index < length; index++) bytes[position + index] = data[start + index] as number;
        } else {
          bytes.set(bindings.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + row * stringSlotBytes + 8, length), position);
        }
        position += length;
      }
    }
    offsets[at + row + 1] = position;
  }
  buffers.byteLength = position;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
