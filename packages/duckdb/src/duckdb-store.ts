import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  blobValue,
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBResultReader,
  type DuckDBValue,
  type JS,
} from '@duckdb/node-api';
import type { ColumnBatch } from '@retail-datagen/generator-core';
import type { TableDefinition } from '@retail-datagen/models';
import { appendTableChunks, DataChunkPool, fillTableChunks, type TableChunks } from './append-column-batch.js';
import { canonicalDatabasePath, claimDatabaseFile, releaseDatabaseFile } from './open-database-files.js';
import { messageOf, StorageError } from './storage-error.js';
import { columnSqlType, createTableStatement, dropTableStatement, quoteIdentifier } from './table-ddl.js';
import { tableHashStatement } from './table-hash.js';
import { columnsToBatch, readTableStatement } from './read-table.js';

/**
 * How to open a store.
 *
 * @example
 * ```ts
 * const store = await openStore('data/retail.duckdb', { threads: 2, memoryLimit: '2GB' });
 * const inspect = await openStore('data/retail.duckdb', { readOnly: true });
 * ```
 */
export interface StoreOptions {
  /** Open without write access; the file must exist. Default false. */
  readonly readOnly?: boolean;
  /** DuckDB worker threads. Default: DuckDB's own (one per core). */
  readonly threads?: number;
  /** DuckDB memory limit, e.g. `'2GB'`. Default: DuckDB's own (80% of RAM). */
  readonly memoryLimit?: string;
  /**
   * Size of the write-ahead log that makes a commit checkpoint it into the
   * file, e.g. `'64MB'`. Default: DuckDB's own (16MB). Long runs of large
   * commits are faster with a larger one.
   */
  readonly checkpointThreshold?: string;
}

/**
 * Options of {@link DuckDBStore.createTables}.
 *
 * @example
 * ```ts
 * await store.createTables(factTables, { ifNotExists: true });
 * ```
 */
export interface CreateTablesOptions {
  /** Leave a table that already exists as it is instead of failing. Default false. */
  readonly ifNotExists?: boolean;
}

/**
 * A value bound to a `?` (or `$name`) placeholder of {@link DuckDBStore.query}:
 * a Uint8Array binds as a BLOB.
 *
 * @example
 * ```ts
 * const value: QueryValue = 17;
 * ```
 */
export type QueryValue = string | number | bigint | boolean | Uint8Array | null;

/**
 * Placeholder values of {@link DuckDBStore.query}: positional or named.
 *
 * @example
 * ```ts
 * await store.query('SELECT * FROM dim_stores WHERE id = ?', [17]);
 * await store.query('SELECT * FROM dim_stores WHERE id = $id', { id: 17 });
 * ```
 */
export type QueryParameters = readonly QueryValue[] | Readonly<Record<string, QueryValue>>;

/**
 * One result row of {@link DuckDBStore.query}, keyed by column name, as JS
 * values: INTEGER/DOUBLE -> number, BIGINT/HUGEINT -> bigint, DECIMAL -> number
 * (cast to VARCHAR for exact money), VARCHAR -> string, BOOLEAN -> boolean,
 * DATE/TIMESTAMP -> Date (UTC), NULL -> null.
 *
 * @example
 * ```ts
 * const [row] = await store.query('SELECT count(*) AS n FROM dim_stores');
 * row?.n; // 120n
 * ```
 */
export type QueryRow = Record<string, JS>;

/**
 * An open DuckDB database file (or `:memory:`) holding retail-datagen tables.
 * Tables are created from their definitions, rows arrive only as column
 * batches through the appender's data chunks, and every write is atomic: a
 * write that fails leaves every table as it was. Calls are serialized: one
 * runs at a time, in the order they were made.
 *
 * @example
 * ```ts
 * const store = await openStore('data/retail.duckdb');
 * try {
 *   await store.replaceTables(masterBatches);
 *   await store.transaction(async () => {
 *     for (const batch of dayBatches) await store.appendBatch(batch);
 *   });
 *   console.log(await store.rowCounts(builtInTables));
 * } finally {
 *   store.close();
 * }
 * ```
 */
export interface DuckDBStore {
  /** The path the store was opened with, or `:memory:`. */
  readonly path: string;

  /**
   * Runs `work` in one transaction: BEGIN, then COMMIT when it resolves, or
   * ROLLBACK when it throws (the error is rethrown). Appends made inside take
   * part in it. A transaction inside a transaction joins the outer one. If a
   * store call inside failed, the transaction is rolled back even when `work`
   * caught that error.
   *
   * `whileCommitting` runs once COMMIT has been handed to DuckDB, which
   * commits on another thread meanwhile: work for the main thread that
   * should not delay the commit (it is not called when the transaction joins
   * an outer one, or fails; what it throws is rethrown after the commit).
   *
   * @example
   * ```ts
   * await store.transaction(async () => {
   *   await store.appendBatch(receipts);
   *   await store.appendBatch(receiptLines);
   *   await store.appendBatch(checkpoint);
   * }); // all three or none
   * await store.transaction(() => store.appendPrepared(today), { whileCommitting: () => (next = store.prepareBatches(tomorrow)) });
   * ```
   */
  transaction<T>(work: () => Promise<T>, options?: TransactionOptions): Promise<T>;

  /**
   * Creates tables from their definitions (see {@link createTableStatement}),
   * all or none.
   *
   * @example
   * ```ts
   * await store.createTables([factReceipts, factReceiptLines], { ifNotExists: true });
   * ```
   */
  createTables(tables: readonly TableDefinition[], options?: CreateTablesOptions): Promise<void>;

  /**
   * In one transaction, drops and re-creates the table of every batch and
   * appends the batches' rows (several batches of one table are allowed). On
   * any failure everything is rolled back: every table keeps its previous
   * rows, and tables that did not exist still do not.
   *
   * @example
   * ```ts
   * await store.replaceTables([geographies, stores, distributionCenters, trucks, customers, products]);
   * ```
   */
  replaceTables(batches: readonly ColumnBatch[]): Promise<void>;

  /**
   * Appends a batch to its table, which must exist with the definition's
   * columns. Atomic on its own, or part of the enclosing
   * {@link DuckDBStore.transaction}.
   *
   * @example
   * ```ts
   * await store.createTables([factReceipts], { ifNotExists: true });
   * await store.appendBatch(receiptsOfDay1);
   * await store.appendBatch(receiptsOfDay2);
   * ```
   */
  appendBatch(batch: ColumnBatch): Promise<void>;

  /**
   * Appends several batches, possibly of several tables, all or none: one
   * appender per table (in the order tables first appear), which is much
   * cheaper than one {@link DuckDBStore.appendBatch} per small batch.
   *
   * @example
   * ```ts
   * await store.appendBatches(engine.runDay(day).batches);
   * ```
   */
  appendBatches(batches: readonly ColumnBatch[]): Promise<void>;

  /**
   * Converts batches to DuckDB data chunks now, to append later with
   * {@link DuckDBStore.appendPrepared}: the conversion, most of an append's
   * work in JavaScript, needs no connection, so it can run while another
   * transaction commits. Throws StorageError for a malformed batch or a value
   * its column cannot hold. A prepared set holds native memory until it is
   * appended or released.
   *
   * @example
   * ```ts
   * const next = store.prepareBatches(engine.runDay(day + 1).batches); // while day's commit runs
   * await committing;
   * await store.transaction(() => store.appendPrepared(next));
   * ```
   */
  prepareBatches(batches: readonly ColumnBatch[]): PreparedBatches;

  /**
   * Appends what {@link DuckDBStore.prepareBatches} converted, as
   * {@link DuckDBStore.appendBatches} would the batches: all or none, one
   * appender per table. A prepared set is appended once; its chunks are then
   * reused.
   */
  appendPrepared(prepared: PreparedBatches): Promise<void>;

  /**
   * Names of the tables in the database, sorted.
   *
   * @example
   * ```ts
   * await store.existingTables(); // ['dim_geographies', 'dim_stores', ...]
   * ```
   */
  existingTables(): Promise<string[]>;

  /**
   * Row count of each of `tables` that exists, by physical name. A table that
   * does not exist has no entry (it is not reported as 0).
   *
   * @example
   * ```ts
   * const counts = await store.rowCounts(builtInTables);
   * counts.get('dim_stores'); // 120
   * counts.has('fact_receipts'); // false until facts are generated
   * ```
   */
  rowCounts(tables: readonly TableDefinition[]): Promise<Map<string, number>>;

  /**
   * A 32-hex-digit hash of a table's rows: the same for the same rows in any
   * insertion order, different when any value differs or a row is repeated.
   * Each row (its definition's columns, as DuckDB text, length-prefixed) is
   * md5-hashed and the row hashes are summed, so no sort by primary key and no
   * table-sized string is needed; comparable across files with the same
   * DuckDB version. Throws StorageError when the table does not exist.
   *
   * @example
   * ```ts
   * expect(await first.tableHash(dimStores)).toBe(await second.tableHash(dimStores));
   * ```
   */
  tableHash(table: TableDefinition): Promise<string>;

  /**
   * Runs one SQL statement and returns its rows as JS values, for tests and
   * the CLI. Never build `sql` from user input: pass values as parameters and
   * take table names from table definitions.
   *
   * @example
   * ```ts
   * const rows = await store.query('SELECT id, CAST(unit_price AS VARCHAR) AS price FROM dim_products WHERE id < ?', [3]);
   * ```
   */
  query(sql: string, parameters?: QueryParameters): Promise<QueryRow[]>;
  /**
   * Reads a whole table back as a batch in the generator's in-memory shapes,
   * ordered by primary key (for dimension tables: the master data of a fact run).
   *
   * @example
   * ```ts
   * const stores = await store.readTable(dimStores);
   * stores.length; // 24
   * ```
   */
  readTable(table: TableDefinition): Promise<ColumnBatch>;
  /**
   * Drops tables that exist (others are ignored), in one transaction.
   *
   * @example
   * ```ts
   * await store.dropTables(storeFactTables);
   * ```
   */
  dropTables(tables: readonly TableDefinition[]): Promise<void>;

  /**
   * Closes the connection and the database, releasing the file. Uncommitted
   * work is rolled back. Calling it again does nothing.
   *
   * @example
   * ```ts
   * store.close();
   * ```
   */
  close(): void;
}

/**
 * Opens (creating when missing, with its parent directories) a DuckDB
 * database file, or an in-memory database for `:memory:`.
 *
 * @throws StorageError when the file cannot be opened: held by another
 * process, a directory, not a DuckDB file, already open in this process.
 * The message names the path; DuckDB's error is the `cause`.
 *
 * @example
 * ```ts
 * const store = await openStore('data/retail.duckdb');
 * const scratch = await openStore(':memory:');
 * ```
 */
export async function openStore(path: string, options: StoreOptions = {}): Promise<DuckDBStore> {
  let canonicalPath: string | undefined;
  if (path !== ':memory:' && path !== '') {
    try {
      if (!options.readOnly) mkdirSync(dirname(resolve(path)), { recursive: true });
      canonicalPath = canonicalDatabasePath(path);
    } catch (error) {
      throw new StorageError(`cannot open DuckDB database ${path}: ${messageOf(error)}`, { path, cause: error });
    }
    if (!claimDatabaseFile(canonicalPath)) {
      throw new StorageError(`cannot open DuckDB database ${path}: it is already open in this process; close that store first`, { path });
    }
  }
  let instance: DuckDBInstance | undefined;
  try {
    instance = await DuckDBInstance.create(path, instanceOptions(options));
    const connection = await instance.connect();
    return new ConnectedStore(path, instance, connection, canonicalPath);
  } catch (error) {
    instance?.closeSync();
    if (canonicalPath !== undefined) releaseDatabaseFile(canonicalPath);
    const reason = /lock/i.test(messageOf(error)) ? 'another process holds it open' : 'DuckDB refused it';
    throw new StorageError(`cannot open DuckDB database ${path}: ${reason} (${messageOf(error)})`, { path, cause: error });
  }
}

function instanceOptions(options: StoreOptions): Record<string, string> {
  const settings: Record<string, string> = {};
  if (options.readOnly) settings['access_mode'] = 'READ_ONLY';
  if (options.threads !== undefined) settings['threads'] = String(options.threads);
  if (options.memoryLimit !== undefined) settings['memory_limit'] = options.memoryLimit;
  if (options.checkpointThreshold !== undefined) settings['checkpoint_threshold'] = options.checkpointThreshold;
  return settings;
}

/** Statements that read or change rows only, never a table's columns. */
const rowStatement = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

/** What the calls of one serialized piece of work share. */
interface WorkScope {
  transaction: { failure: unknown } | undefined;
}

/**
 * Options of {@link DuckDBStore.transaction}.
 *
 * @example
 * ```ts
 * const options: TransactionOptions = { whileCommitting: () => prepareTheNextDay() };
 * ```
 */
export interface TransactionOptions {
  /** Called once COMMIT is under way on DuckDB's thread, before it is awaited. */
  readonly whileCommitting?: () => void;
}

/**
 * Batches converted to DuckDB data chunks by {@link DuckDBStore.prepareBatches},
 * waiting for {@link DuckDBStore.appendPrepared}.
 *
 * @example
 * ```ts
 * const prepared = store.prepareBatches(batches);
 * prepared.rows.get('fact_receipts'); // 1234
 * prepared.release(); // not appended after all: the chunks are reused
 * ```
 */
export interface PreparedBatches {
  /** Rows by table, in the order tables first appear in the batches. */
  readonly rows: ReadonlyMap<string, number>;
  /** Gives the chunks back without appending them. Appending it afterwards is refused. */
  release(): void;
}

class PreparedChunks implements PreparedBatches {
  readonly rows: ReadonlyMap<string, number>;
  #tables: readonly TableChunks[] | undefined;

  constructor(
    readonly pool: DataChunkPool,
    tables: readonly TableChunks[],
  ) {
    this.#tables = tables;
    this.rows = new Map(tables.map((filled) => [filled.table.name, filled.rows]));
  }

  /** The chunks, once: later calls (after an append or a release) throw. */
  take(): readonly TableChunks[] {
    const tables = this.#tables;
    if (tables === undefined) throw new StorageError('these prepared batches were already appended or released');
    this.#tables = undefined;
    return tables;
  }

  release(): void {
    const tables = this.#tables;
    this.#tables = undefined;
    for (const filled of tables ?? []) this.pool.give(filled.table, filled.chunks);
  }
}

class ConnectedStore implements DuckDBStore {
  readonly path: string;
  private readonly instance: DuckDBInstance;
  private readonly connection: DuckDBConnection;
  private readonly canonicalPath: string | undefined;
  private readonly scope = new AsyncLocalStorage<WorkScope>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Tables whose physical columns were checked against their definition. */
  private readonly checkedTables = new Set<string>();
  /** Data chunks reused from one append to the next. */
  private readonly chunks = new DataChunkPool();

  constructor(path: string, instance: DuckDBInstance, connection: DuckDBConnection, canonicalPath: string | undefined) {
    this.path = path;
    this.instance = instance;
    this.connection = connection;
    this.canonicalPath = canonicalPath;
  }

  transaction<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.serialized(async (scope) => {
      if (scope.transaction) return work();
      await this.execute('BEGIN TRANSACTION', 'begin a transaction');
      const transaction = { failure: undefined as unknown };
      scope.transaction = transaction;
      let result: T;
      let sideFailure: { readonly error: unknown } | undefined;
      try {
        result = await work();
        if (transaction.failure !== undefined) {
          throw new StorageError(`transaction in ${this.path} rolled back: a step in it failed (${messageOf(transaction.failure)})`, {
            path: this.path,
            cause: transaction.failure,
          });
        }
        const committing = this.execute('COMMIT', 'commit');
        try {
          options.whileCommitting?.();
        } catch (error) {
          sideFailure = { error };
        }
        await committing;
      } catch (error) {
        await this.rollback();
        throw error;
      } finally {
        scope.transaction = undefined;
      }
      // Committed: a failure of the side work is its own, not the transaction's.
      if (sideFailure !== undefined) throw sideFailure.error;
      return result;
    });
  }


  createTables(tables: readonly TableDefinition[], options: CreateTablesOptions = {}): Promise<void> {
    return this.transaction(async () => {
      for (const table of tables) {
        this.checkedTables.delete(table.name);
        await this.execute(createTableStatement(table, options), `create table ${table.name}`);
      }
    });
  }

  replaceTables(batches: readonly ColumnBatch[]): Promise<void> {
    return this.transaction(async () => {
      const batchesByTable = groupByTable(batches);
      for (const [table] of batchesByTable) {
        this.checkedTables.delete(table.name);
        await this.execute(dropTableStatement(table), `drop table ${table.name}`);
        await this.execute(createTableStatement(table), `create table ${table.name}`);
      }
      await this.appendChunks(this.prepareChunks(batchesByTable).take());
    });
  }

  appendBatch(batch: ColumnBatch): Promise<void> {
    return this.appendBatches([batch]);
  }

  appendBatches(batches: readonly ColumnBatch[]): Promise<void> {
    try {
      return this.appendPrepared(this.prepareBatches(batches));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  prepareBatches(batches: readonly ColumnBatch[]): PreparedBatches {
    if (this.closed) throw new StorageError(`${this.path} is closed`);
    return this.prepareChunks(groupByTable(batches));
  }

  appendPrepared(prepared: PreparedBatches): Promise<void> {
    if (!(prepared instanceof PreparedChunks) || prepared.pool !== this.chunks) {
      return Promise.reject(new StorageError(`these prepared batches were not prepared by the store of ${this.path}`));
    }
    let tables: readonly TableChunks[];
    try {
      tables = prepared.take();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.transaction(() => this.appendChunks(tables));
  }

  existingTables(): Promise<string[]> {
    return this.serialized(async () => {
      const reader = await this.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name",
        'list tables',
      );
      return reader.getRowsJS().map((row) => String(row[0]));
    });
  }

  rowCounts(tables: readonly TableDefinition[]): Promise<Map<string, number>> {
    return this.serialized(async () => {
      const existing = new Set(await this.existingTables());
      const counts = new Map<string, number>();
      for (const table of tables) {
        if (!existing.has(table.name) || counts.has(table.name)) continue;
        const reader = await this.execute(`SELECT count(*) FROM ${quoteIdentifier(table.name)}`, `count rows of ${table.name}`);
        counts.set(table.name, Number(reader.getRowsJS()[0]?.[0] ?? 0));
      }
      return counts;
    });
  }

  tableHash(table: TableDefinition): Promise<string> {
    return this.serialized(async () => {
      const reader = await this.execute(tableHashStatement(table), `hash table ${table.name}`);
      return String(reader.getRowObjectsJS()[0]?.['hash']);
    });
  }

  dropTables(tables: readonly TableDefinition[]): Promise<void> {
    return this.transaction(async () => {
      for (const table of tables) {
        this.checkedTables.delete(table.name);
        await this.execute(dropTableStatement(table), `drop table ${table.name}`);
      }
    });
  }

  readTable(table: TableDefinition): Promise<ColumnBatch> {
    return this.serialized(async () => {
      const reader = await this.execute(readTableStatement(table), `read table ${table.name}`);
      return columnsToBatch(table, reader.getColumnsJS());
    });
  }

  query(sql: string, parameters?: QueryParameters): Promise<QueryRow[]> {
    return this.serialized(async () => {
      // A statement other than a query or a row change may alter tables behind the checks made so far.
      if (!rowStatement.test(sql)) this.checkedTables.clear();
      const reader = await this.execute(sql, 'run a query', parameters);
      return reader.getRowObjectsJS();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.connection.closeSync();
      this.instance.closeSync();
    } catch (error) {
      throw new StorageError(`cannot close DuckDB database ${this.path}: ${messageOf(error)}`, { path: this.path, cause: error });
    } finally {
      if (this.canonicalPath !== undefined) releaseDatabaseFile(this.canonicalPath);
    }
  }

  /**
   * Runs `work` when every earlier call has finished. A call made from inside
   * running work (a transaction's body) is part of it and runs at once.
   */
  private serialized<T>(work: (scope: WorkScope) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StorageError(`DuckDB database ${this.path} is closed`, { path: this.path }));
    const current = this.scope.getStore();
    if (current) return work(current);
    const result = this.queue.then(() => {
      if (this.closed) throw new StorageError(`DuckDB database ${this.path} is closed`, { path: this.path });
      const scope: WorkScope = { transaction: undefined };
      return this.scope.run(scope, () => work(scope));
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async execute(sql: string, purpose: string, parameters?: QueryParameters): Promise<DuckDBResultReader> {
    try {
      return await this.connection.runAndReadAll(sql, parameters === undefined ? undefined : toDuckDBParameters(parameters));
    } catch (error) {
      throw this.failure(`cannot ${purpose} in ${this.path}: ${messageOf(error)}`, error);
    }
  }

  /** Records a failure in the open transaction, which can then only roll back. */
  private failure(message: string, cause: unknown): StorageError {
    const error = StorageError.isInstance(cause) ? cause : new StorageError(message, { path: this.path, cause });
    const transaction = this.scope.getStore()?.transaction;
    if (transaction && transaction.failure === undefined) transaction.failure = error;
    return error;
  }

  private async rollback(): Promise<void> {
    // A rolled-back table may have had other columns than the ones checked.
    this.checkedTables.clear();
    try {
      await this.connection.run('ROLLBACK');
    } catch {
      // DuckDB already ended a transaction that a failed statement aborted.
    }
  }

  private prepareChunks(batchesByTable: ReadonlyMap<TableDefinition, readonly ColumnBatch[]>): PreparedChunks {
    const tables: TableChunks[] = [];
    try {
      for (const [table, group] of batchesByTable) tables.push(fillTableChunks(this.chunks, table, group));
    } catch (error) {
      for (const filled of tables) this.chunks.give(filled.table, filled.chunks);
      throw error;
    }
    return new PreparedChunks(this.chunks, tables);
  }

  /** Appends each table's chunks through its own appender; the chunks go back to the pool whatever happens. */
  private async appendChunks(tables: readonly TableChunks[]): Promise<void> {
    try {
      for (const filled of tables) await this.appendToTable(filled);
    } finally {
      for (const filled of tables) this.chunks.give(filled.table, filled.chunks);
    }
  }

  private async appendToTable(filled: TableChunks): Promise<void> {
    const { table } = filled;
    await this.checkTableColumns(table);
    let appender: DuckDBAppender;
    try {
      appender = await this.connection.createAppender(table.name);
    } catch (error) {
      throw this.failure(`cannot append to ${table.name} in ${this.path}: ${messageOf(error)}`, error);
    }
    try {
      appendTableChunks(appender, filled);
      // Closing flushes the buffered chunks into the table, inside the open transaction.
      appender.closeSync();
    } catch (error) {
      // Drop what is still buffered, so nothing is flushed later (a close or
      // a garbage-collected appender flushes) outside this transaction.
      try {
        appender.clear();
        appender.closeSync();
      } catch {
        // The appender is already closed or broken; nothing is left to flush.
      }
      throw this.failure(`cannot append to ${table.name} in ${this.path}: ${messageOf(error)}`, error);
    }
  }

  /**
   * The appender fills columns by position, so an existing table made from
   * another definition (an older version's file) must be refused rather than
   * filled column by column in the wrong places.
   */
  private async checkTableColumns(table: TableDefinition): Promise<void> {
    if (this.checkedTables.has(table.name)) return;
    const reader = await this.execute(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
      `read the columns of ${table.name}`,
      [table.name],
    );
    const actual = reader.getRowsJS().map((row) => `${String(row[0])} ${String(row[1])}`);
    const expected = table.fields.map((field) => `${field.column} ${columnSqlType(field)}`);
    if (actual.length === 0) {
      throw this.failure(`cannot append to ${table.name} in ${this.path}: the table does not exist; create it first`, undefined);
    }
    if (actual.join(', ') !== expected.join(', ')) {
      throw this.failure(
        `cannot append to ${table.name} in ${this.path}: the table has columns (${actual.join(', ')}) but its definition has (${expected.join(', ')})`,
        undefined,
      );
    }
    this.checkedTables.add(table.name);
  }
}

/** Batches grouped by table, tables in the order they first appear. */
function groupByTable(batches: readonly ColumnBatch[]): Map<TableDefinition, ColumnBatch[]> {
  const groups = new Map<TableDefinition, ColumnBatch[]>();
  const byName = new Map<string, TableDefinition>();
  for (const batch of batches) {
    const known = byName.get(batch.table.name);
    if (known !== undefined && known !== batch.table) {
      throw new StorageError(`two different definitions of table ${batch.table.name} were given; batches of one table must share its definition`);
    }
    byName.set(batch.table.name, batch.table);
    const group = groups.get(batch.table);
    if (group === undefined) groups.set(batch.table, [batch]);
    else group.push(batch);
  }
  return groups;
}

function toDuckDBParameters(parameters: QueryParameters): DuckDBValue[] | Record<string, DuckDBValue> {
  const value = (item: QueryValue): DuckDBValue => (item instanceof Uint8Array ? blobValue(item) : item);
  return isPositional(parameters) ? parameters.map(value) : Object.fromEntries(Object.entries(parameters).map(([name, item]) => [name, value(item)]));
}

function isPositional(parameters: QueryParameters): parameters is readonly QueryValue[] {
  return Array.isArray(parameters);
}
