import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AsyncByteQueue, RecordBatchStreamWriter, util, type RecordBatch, type Schema } from 'apache-arrow';
import { StorageError } from '@retail-datagen/duckdb';
import { isoDateOf, millisecondsPerDay, type ColumnBatch } from '@retail-datagen/generator-core';
import type { TableDefinition } from '@retail-datagen/models';
import { arrowSchemaOf } from './arrow-schema.js';
import { columnBatchOf, isRecordBatch, type BatchInput, type BatchSink, type SinkSummary, type WrittenTable } from './batch-sink.js';
import { partitioningOf, relativeFilePath, type TablePartitioning } from './file-layout.js';
import { manifestOf, manifestTableOf, writeManifest, type ManifestFile } from './file-manifest.js';
import { splitByDay } from './partition-rows.js';
import { toRecordBatch } from './record-batch.js';

/**
 * Options of {@link createArrowFileSink}.
 *
 * @example
 * ```ts
 * createArrowFileSink({ directory: 'out', maxOpenFiles: 8 });
 * ```
 */
export interface ArrowFileSinkOptions {
  /** Output folder; created when missing. */
  readonly directory: string;
  /** Write `<directory>/manifest.json` on close. Default true. */
  readonly manifest?: boolean;
  /**
   * Files kept open at once; the least recently written is closed when
   * another is needed (its partition continues in a new part file if rows
   * of it come again). Default 16.
   */
  readonly maxOpenFiles?: number;
}

/**
 * A sink writing Arrow IPC stream files, one per table, or one per day for a
 * fact table (`<table>/event_date=YYYY-MM-DD/part-0.arrow`, Hive style), as
 * the rows arrive: each batch is encoded and written to its file before
 * `write` resolves, so memory holds one batch. Every file of a table has the
 * table's {@link arrowSchemaOf} schema with plain Utf8 strings, whatever
 * string encoding the batches came in. apache-arrow reads the files with
 * `RecordBatchReader.from` or `tableFromIPC`, pyarrow with `pyarrow.ipc.open_stream`.
 *
 * @example
 * ```ts
 * const sink = createArrowFileSink({ directory: 'out' });
 * for await (const batch of reader.batches(factReceipts)) await sink.write(factReceipts, batch);
 * await sink.close(); // writes out/manifest.json
 * ```
 */
export function createArrowFileSink(options: ArrowFileSinkOptions): BatchSink {
  return new ArrowFileSink(options);
}

interface TableFiles {
  readonly table: TableDefinition;
  readonly partitioning: TablePartitioning | undefined;
  readonly schema: Schema;
  readonly files: ManifestFile[];
  readonly nextPart: Map<string | undefined, number>;
  readonly open: Map<string | undefined, ArrowStreamFile>;
}

class ArrowFileSink implements BatchSink {
  readonly format = 'arrow' as const;
  private readonly options: ArrowFileSinkOptions;
  private readonly maxOpenFiles: number;
  private readonly tables = new Map<string, TableFiles>();
  /** Open files, least recently written first. */
  private readonly openFiles = new Set<ArrowStreamFile>();
  private closed = false;

  constructor(options: ArrowFileSinkOptions) {
    this.options = options;
    this.maxOpenFiles = options.maxOpenFiles ?? 16;
    if (!Number.isSafeInteger(this.maxOpenFiles) || this.maxOpenFiles < 1) throw new RangeError(`maxOpenFiles must be a whole number >= 1, got ${this.maxOpenFiles}`);
  }

  async write(table: TableDefinition, batch: BatchInput): Promise<void> {
    if (this.closed) throw new Error('the Arrow file sink is closed');
    const state = this.stateOf(table);
    if (state.partitioning === undefined) {
      await this.append(state, undefined, this.recordBatchFor(state, batch));
      return;
    }
    if (isRecordBatch(batch) && util.compareSchemas(state.schema, batch.schema)) {
      const runs = dayRunsOf(batch, state);
      if (runs !== undefined) {
        // Rows arrive mostly in day order: write each run of one day as a zero-copy slice.
        for (const { partitionValue, start, end } of runs) await this.append(state, partitionValue, start === 0 && end === batch.numRows ? batch : batch.slice(start, end));
        return;
      }
    }
    for (const [partitionValue, rows] of splitByDay(columnBatchOf(table, batch), state.partitioning.source)) {
      await this.append(state, partitionValue, this.recordBatchFor(state, rows));
    }
  }

  async close(): Promise<SinkSummary> {
    if (this.closed) throw new Error('the Arrow file sink is closed');
    this.closed = true;
    for (const file of [...this.openFiles]) await this.closeFile(file);
    const tables: WrittenTable[] = [...this.tables.values()].map((state) => ({
      table: state.table.name,
      rows: state.files.reduce((sum, file) => sum + file.rows, 0),
      files: state.files.map((file) => ({ ...file })),
    }));
    if (this.options.manifest === false) return { format: 'arrow', tables };
    const manifest = manifestOf('arrow', [...this.tables.values()].map((state) => manifestTableOf(state.table, state.files)));
    return { format: 'arrow', tables, manifestPath: await writeManifest(this.options.directory, manifest) };
  }

  async abort(): Promise<void> {
    this.closed = true;
    for (const file of [...this.openFiles]) {
      this.openFiles.delete(file);
      await file.abort();
    }
  }

  private stateOf(table: TableDefinition): TableFiles {
    let state = this.tables.get(table.name);
    if (state === undefined) {
      state = { table, partitioning: partitioningOf(table), schema: arrowSchemaOf(table), files: [], nextPart: new Map(), open: new Map() };
      this.tables.set(table.name, state);
    } else if (state.table !== table && state.table.fields.map((field) => `${field.column} ${field.type}`).join() !== table.fields.map((field) => `${field.column} ${field.type}`).join()) {
      throw new Error(`two different definitions of table ${table.name} were written to one sink`);
    }
    return state;
  }

  /** The batch in the file schema: a RecordBatch of that schema as it is, anything else through a column batch. */
  private recordBatchFor(state: TableFiles, batch: BatchInput | ColumnBatch): RecordBatch {
    if (isRecordBatch(batch) && util.compareSchemas(state.schema, batch.schema)) return batch;
    return toRecordBatch(columnBatchOf(state.table, batch), { strings: 'utf8' });
  }

  private async append(state: TableFiles, partitionValue: string | undefined, recordBatch: RecordBatch): Promise<void> {
    let file = state.open.get(partitionValue);
    if (file === undefined) {
      if (this.openFiles.size >= this.maxOpenFiles) {
        const leastRecent = this.openFiles.values().next().value as ArrowStreamFile;
        await this.closeFile(leastRecent);
      }
      const part = state.nextPart.get(partitionValue) ?? 0;
      state.nextPart.set(partitionValue, part + 1);
      const entry: { path: string; rows: number; partition?: Record<string, string> } = { path: relativeFilePath(state.table, 'arrow', part, partitionValue), rows: 0 };
      if (partitionValue !== undefined && state.partitioning) entry.partition = { [state.partitioning.column]: partitionValue };
      state.files.push(entry);
      file = await ArrowStreamFile.create(join(this.options.directory, entry.path), entry, () => state.open.delete(partitionValue));
      state.open.set(partitionValue, file);
    }
    this.openFiles.delete(file);
    this.openFiles.add(file);
    await file.write(recordBatch);
  }

  private async closeFile(file: ArrowStreamFile): Promise<void> {
    this.openFiles.delete(file);
    await file.close();
  }
}

/** Most runs of one day a batch is sliced into; a batch in no useful order is regrouped by day instead. */
const maxDayRuns = 16;

/** Runs of consecutive rows of one day in a RecordBatch of the file schema, from its epoch-ms source column; undefined when there are too many. */
function dayRunsOf(batch: RecordBatch, state: TableFiles): { partitionValue: string; start: number; end: number }[] | undefined {
  const sourceIndex = state.table.fields.indexOf(state.partitioning!.source);
  const data = batch.data.children[sourceIndex]!;
  const values = data.values as BigInt64Array;
  const words = new Int32Array(values.buffer, values.byteOffset, data.length * 2);
  const runs: { partitionValue: string; start: number; end: number }[] = [];
  let runDay = Number.NaN;
  for (let row = 0; row < data.length; row++) {
    const day = Math.floor(((words[row * 2 + 1] as number) * 4_294_967_296 + ((words[row * 2] as number) >>> 0)) / millisecondsPerDay);
    if (day === runDay) continue;
    const last = runs[runs.length - 1];
    if (last) last.end = row;
    if (runs.length === maxDayRuns) return undefined;
    runs.push({ partitionValue: isoDateOf(day), start: row, end: data.length });
    runDay = day;
  }
  return runs;
}

/** An AsyncByteQueue that only collects what the IPC writer writes, for the caller to take synchronously. */
class CollectingByteQueue extends AsyncByteQueue {
  private chunks: Uint8Array[] = [];

  override write(value: Uint8Array): void {
    if (value.byteLength > 0) this.chunks.push(value);
  }

  take(): Uint8Array[] {
    const taken = this.chunks;
    this.chunks = [];
    return taken;
  }
}

/** One Arrow IPC stream file being written. */
class ArrowStreamFile {
  private readonly path: string;
  private readonly handle: FileHandle;
  private readonly writer: RecordBatchStreamWriter;
  private readonly queue = new CollectingByteQueue();
  private readonly entry: { rows: number };
  private readonly onClose: () => void;

  private constructor(path: string, handle: FileHandle, entry: { rows: number }, onClose: () => void) {
    this.path = path;
    this.handle = handle;
    this.entry = entry;
    this.onClose = onClose;
    // autoDestroy would silently end the stream on a batch of another schema; the sink never sends one.
    this.writer = new RecordBatchStreamWriter({ autoDestroy: false });
    this.writer.reset(this.queue);
  }

  static async create(path: string, entry: { rows: number }, onClose: () => void): Promise<ArrowStreamFile> {
    try {
      await mkdir(dirname(path), { recursive: true });
      return new ArrowStreamFile(path, await open(path, 'w'), entry, onClose);
    } catch (error) {
      throw new StorageError(`cannot create ${path}: ${messageOf(error)}`, { path, cause: error });
    }
  }

  async write(recordBatch: RecordBatch): Promise<void> {
    this.writer.write(recordBatch);
    await this.flush();
    this.entry.rows += recordBatch.numRows;
  }

  async close(): Promise<void> {
    this.onClose();
    this.writer.close();
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
  }

  async abort(): Promise<void> {
    this.onClose();
    await this.handle.close().catch(() => undefined);
  }

  private async flush(): Promise<void> {
    let chunks = this.queue.take();
    try {
      while (chunks.length > 0) {
        const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
        const { bytesWritten } = await this.handle.writev(chunks);
        if (bytesWritten === total) return;
        chunks = remainderAfter(chunks, bytesWritten);
      }
    } catch (error) {
      throw new StorageError(`cannot write ${this.path}: ${messageOf(error)}`, { path: this.path, cause: error });
    }
  }
}

/** What is left of `chunks` after their first `bytes` bytes were written. */
function remainderAfter(chunks: Uint8Array[], bytes: number): Uint8Array[] {
  let skip = bytes;
  const rest: Uint8Array[] = [];
  for (const chunk of chunks) {
    if (skip >= chunk.byteLength) skip -= chunk.byteLength;
    else {
      rest.push(skip > 0 ? chunk.subarray(skip) : chunk);
      skip = 0;
    }
  }
  return rest;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
