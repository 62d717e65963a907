import { availableParallelism } from 'node:os';
import {
  dayNumberOf,
  FactEngine,
  createGeneratorRegistry,
  isoDateOf,
  type ColumnBatch,
  type EngineSnapshot,
  type FactRun,
  type GeneratorPlugin,
  type GeneratorRegistry,
} from '@retail-datagen/generator-core';
import { openStore, type DuckDBStore } from '@retail-datagen/duckdb';
import { InvalidArgumentError, RetailDatagenError, type RetailConfig, type TableCatalog, type TableDefinition } from '@retail-datagen/models';
import { defaultWorkerCount, inlineExecutor, poolExecutor, startUnitWorkers, type UnitExecutor, type UnitWorkers } from './workers/unit-executor.js';
import type { ProgressJob } from '@retail-datagen/progress';
import type { TableRowCount } from './generate-master.js';
import { createBatchSizer, type BatchSizer } from './batching/index.js';
import { runDayLoop, sumOf } from './day-loop.js';
import { runStages } from './run-stages.js';
import { planRun, type FactRunMode, type PlannedRun } from './runs/plan-run.js';
import { checkpointStateVersion, ensureRunTables, insertCheckpoint, pruneCheckpoints, updateRun } from './runs/run-log.js';
import { decodeState, encodeState } from './runs/state-codec.js';
import { systemClock, type Clock } from './runs/clock.js';
import { acquireWriterLock, type LockHolder } from './runs/writer-lock.js';

/**
 * DuckDB's settings for a fact run. A bounded buffer pool keeps memory flat
 * however long the run: written blocks are evicted, not cached. A day
 * commits tens of MB of write-ahead log; checkpointing it into the file at
 * 128MB rather than DuckDB's 16MB skips most per-day checkpoints, each of
 * which rewrites every table's metadata. Measured on the 10M-row bench (see
 * BENCHMARKS.md): 64MB/512MB 10.4-10.9 s at 956-1,038 MB peak RSS,
 * 128MB/192MB 10.1-10.7 s at 832-843 MB.
 *
 * @example
 * ```ts
 * await openStore('data/retail.duckdb', { ...factRunDuckDBSettings }); // as generateFacts opens it
 * ```
 */
export const factRunDuckDBSettings = { memoryLimit: '192MB', checkpointThreshold: '128MB' } as const;

/**
 * The write-ahead log a fact run lets grow before DuckDB checkpoints it:
 * {@link factRunDuckDBSettings}' 128MB, or the run's DuckDB memory limit when
 * that is lower. Until a checkpoint, the logged rows are also held in
 * memory; a log larger than the memory the run allows DuckDB would make the
 * run's memory grow with its days up to the threshold.
 *
 * @example
 * ```ts
 * factRunCheckpointThreshold('192MB'); // '128MB'
 * factRunCheckpointThreshold('64MB');  // '64MB'
 * ```
 */
export function factRunCheckpointThreshold(memoryLimit: string = factRunDuckDBSettings.memoryLimit): string {
  const limit = byteCount(memoryLimit);
  const threshold = factRunDuckDBSettings.checkpointThreshold;
  return limit !== undefined && limit < (byteCount(threshold) as number) ? memoryLimit : threshold;
}

const byteUnits: Readonly<Record<string, number>> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };

/** Bytes of a DuckDB size setting (`64MB`, `1.5 GiB`, `512 kb`); undefined when it is not one (DuckDB then refuses it itself). */
function byteCount(size: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(size);
  const unit = byteUnits[(match?.[2] || 'b').toLowerCase()];
  return match === null || unit === undefined ? undefined : Number(match[1]) * unit;
}

/**
 * DuckDB's threads for a fact run that opens its own file: the cores the
 * main thread and the worker threads leave, at least 1 (the thread that
 * runs a statement always works on it). A thread more than the free cores
 * costs: a statement whose tasks run on DuckDB's other threads (a commit's
 * compression, the appender's insert) waits for them by polling, which
 * takes CPU from generation. Measured on the 10M-row bench (BENCHMARKS.md):
 * DuckDB's default (2 threads on 2 cores, 1 worker) 20.6 CPU seconds and a
 * median 12.1 s; 1 thread 18.1 CPU seconds and 11.7 s.
 *
 * @example
 * ```ts
 * factRunDuckDBThreads(1, 2); // 1: a 2-core machine, 1 worker thread
 * factRunDuckDBThreads(3, 8); // 4
 * ```
 */
export function factRunDuckDBThreads(workers: number, cores: number = availableParallelism()): number {
  return Math.max(1, cores - 1 - workers);
}

/** Progress of a fact run, reported after each committed day. */
export interface FactDayProgress {
  dayNumber: number;
  date: string;
  /** 1-based index of the day in the run. */
  day: number;
  days: number;
  rowsThisDay: number;
}

export interface GenerateFactsOptions {
  /** DuckDB file holding the master data (from `generateMaster`). */
  database: string;
  /**
   * An open store of `database` to write through instead of opening the
   * file (a server that keeps it open); it stays open, and `duckdbMemoryLimit`
   * does not apply.
   */
  store?: DuckDBStore;
  config: RetailConfig;
  /** The generator packages of the run, as the app lists them. */
  generators: Readonly<Record<string, GeneratorPlugin>>;
  /** Only write these fact tables (all are still simulated, so the others stay consistent). */
  tables?: readonly string[];
  /** Called after each day is committed. */
  onDay?: (progress: FactDayProgress) => void;
  /**
   * Worker threads for the store phase; 0 runs it inline. Default: one less
   * than the cores (at least 1) when `generatorsModule` is given, else 0. The
   * rows are the same for any count.
   */
  workers?: number;
  /**
   * Module (file URL or path) exporting the same generator packages as
   * `generators`, as `generators` (or default): how worker threads load them.
   * Required for `workers` > 0.
   */
  generatorsModule?: string | URL;
  /**
   * Worker threads started ahead of the run ({@link startUnitWorkers}), to use
   * instead of starting them: `generateHistory` starts them before the master
   * data, so they are ready when the first day starts. They stay running;
   * `workers` and `generatorsModule` are theirs.
   */
  unitWorkers?: UnitWorkers;
  /**
   * Most rows per batch handed to DuckDB (`--batch-rows`; larger batches are
   * cut, smaller ones are packed into DuckDB's data chunks as they are);
   * default: the `RETAIL_BATCH_ROWS` environment variable, else adapted
   * between 1,000 and 100,000 from write throughput and memory. The rows are
   * the same for any size.
   */
  batchRows?: number | string;
  /** DuckDB's memory limit during the run (default 192MB, {@link factRunDuckDBSettings}): bounds its cache of written blocks, and the write-ahead log kept before a checkpoint ({@link factRunCheckpointThreshold}). */
  duckdbMemoryLimit?: string;
  /** Reports the `facts` stage: units done, the step, rows per table and a checkpoint per committed day. */
  progress?: ProgressJob;
  /**
   * Stops the run at the next day boundary: the day being generated is
   * dropped, the one being committed is finished, and the result says
   * `cancelled`. The file then holds complete days only.
   */
  signal?: AbortSignal;
  /**
   * Continue an unfinished run instead of starting one: `true` for the
   * latest, or a run id. Refused when the config, packages or tables differ
   * from the run's.
   */
  resume?: true | string;
  /** Keep every day's checkpoint once the run completes (default: only the last, which an extension continues from). */
  keepCheckpoints?: boolean;
  /** Time of the run log and writer lock (bookkeeping only, never in a row); default the system clock. */
  clock?: Clock;
  /** Called once the run is planned, before the first day. */
  onStart?: (start: FactRunStart) => void;
}

/** What a fact run wrote. */
export interface GenerateFactsResult {
  /** Rows in each fact table written. */
  tables: TableRowCount[];
  /** First day of the run: the history's start, or the day after the history it extends. */
  firstDate: string;
  /** Days of the run, from `firstDate`. */
  days: number;
  /** Days of the run committed, also those committed before a resume. */
  committedDays: number;
  /** Last committed day, YYYY-MM-DD (undefined when none was). */
  lastCommittedDate: string | undefined;
  /** True when the signal stopped the run before the end. */
  cancelled: boolean;
  /** Rows in each dimension table the run read. */
  dimensions: TableRowCount[];
  /** The run in `generation_runs`. */
  runId: string;
  /** Whether the run started anew, resumed an unfinished run, or extended a completed history. */
  mode: FactRunMode;
}

/**
 * Where a fact run starts, reported once it is planned.
 *
 * @example
 * ```ts
 * const start: FactRunStart = { runId: 'run-20261123-101500-3f2a', mode: 'resume', firstDate: '2024-11-09', resumedAfter: '2024-11-08' };
 * ```
 */
export interface FactRunStart {
  readonly runId: string;
  readonly mode: FactRunMode;
  /** The first day this call generates. */
  readonly firstDate: string;
  /** The checkpoint's day it continues after (resume, extend). */
  readonly resumedAfter?: string;
  /** The holder of a writer lock this run took over because its process was gone. */
  readonly tookOverLockFrom?: LockHolder;
}

/**
 * The fact tables a run writes: all of them, or the named ones. Throws a user
 * error naming an unknown or non-fact table (call it before touching data).
 *
 * @example
 * ```ts
 * resolveFactTables(generators, ['fact_receipts']); // [factReceipts]
 * resolveFactTables(generators, ['fact_nope']);     // throws UnknownTableError listing the tables
 * ```
 */
export function resolveFactTables(generators: Readonly<Record<string, GeneratorPlugin>>, tables?: readonly string[]): TableDefinition[] {
  const registry = createGeneratorRegistry(generators);
  const factTables = registry.catalog.tables.filter((table) => table.kind === 'fact');
  for (const name of tables ?? []) {
    const table = registry.catalog.get(name);
    if (table.kind !== 'fact') throw new InvalidArgumentError('--tables', name, `fact tables only: ${factTables.map((fact) => fact.name).join(', ')}`);
  }
  return tables ? factTables.filter((table) => tables.includes(table.name)) : factTables;
}

/**
 * Generates the fact history from `config.start` to `config.end` into a
 * DuckDB file that already holds master data, as a run recorded in
 * `generation_runs`. Each day's rows commit in one transaction with a
 * checkpoint of the world state after it (`generation_checkpoints`), so a run
 * that dies (crash, kill, power loss) loses at most the day in progress and
 * `resume` continues after the last committed day, ending with the same
 * database an uninterrupted run makes. See {@link planRun} for how a run
 * starts: new (fact tables recreated), resumed, or extending a completed
 * history to a later `config.end`. One writer per file: a second one is
 * refused at once ({@link acquireWriterLock}).
 *
 * @example
 * ```ts
 * const result = await generateFacts({ database: 'data/retail.duckdb', config, generators: { master, seasonal, inventory, receipts } });
 * if (result.cancelled) await generateFacts({ database: 'data/retail.duckdb', config, generators, resume: result.runId });
 * ```
 */
export async function generateFacts(options: GenerateFactsOptions): Promise<GenerateFactsResult> {
  const registry = createGeneratorRegistry(options.generators);
  const dimensionTables = registry.catalog.tables.filter((table) => table.kind === 'dimension');
  const factTables = registry.catalog.tables.filter((table) => table.kind === 'fact');
  const written = resolveFactTables(options.generators, options.tables);
  if (options.config.end < options.config.start) throw new InvalidArgumentError('end', options.config.end, `a day on or after the start, ${options.config.start}`);
  const batchSizer = createBatchSizer(options.batchRows);
  const workers = options.unitWorkers?.workers ?? resolveWorkerCount(options);

  const clock = options.clock ?? systemClock;
  const lock = acquireWriterLock(options.database, clock);
  let store: DuckDBStore | undefined;
  let runId: string | undefined;
  let ownWorkers: UnitWorkers | undefined;
  try {
    // Worker threads start now: they load the generator packages while the run is planned and the dimensions read.
    if (options.unitWorkers === undefined) ownWorkers = startWorkersFor(options);
    const unitWorkers = options.unitWorkers ?? ownWorkers;
    store =
      options.store ??
      (await openStore(options.database, {
        memoryLimit: options.duckdbMemoryLimit ?? factRunDuckDBSettings.memoryLimit,
        checkpointThreshold: factRunCheckpointThreshold(options.duckdbMemoryLimit),
        threads: factRunDuckDBThreads(workers),
      }));
    const existing = new Set(await store.existingTables());
    const missing = dimensionTables.filter((table) => !existing.has(table.name));
    if (missing.length > 0) {
      throw new RetailDatagenError({
        code: 'USER_INVALID_ARGUMENT',
        message: `${options.database} has no master data (missing ${missing.map((table) => table.name).join(', ')}); run \`datagen generate master --db ${options.database}\` first, or \`datagen generate all\``,
      });
    }
    await ensureRunTables(store);
    const planned = await planRun({ store, registry, config: options.config, written, factTables, resume: options.resume, now: clock() });
    const record = planned.record;
    runId = record.runId;
    lock.setRun(runId);
    return await runDays(options, store, registry, planned, lock.tookOverFrom, batchSizer, { unitWorkers, ownWorkers });
  } catch (error) {
    if (store !== undefined && runId !== undefined) await recordFailure(store, runId, error, clock);
    throw error;
  } finally {
    await ownWorkers?.close();
    if (options.store === undefined) store?.close();
    lock.release();
  }
}

async function runDays(
  options: GenerateFactsOptions,
  store: DuckDBStore,
  registry: GeneratorRegistry,
  planned: PlannedRun,
  tookOverLockFrom: LockHolder | undefined,
  batchSizer: BatchSizer,
  threads: { unitWorkers: UnitWorkers | undefined; ownWorkers: UnitWorkers | undefined },
): Promise<GenerateFactsResult> {
  const clock = options.clock ?? systemClock;
  const lockNote = tookOverLockFrom ? { tookOverLockFrom } : {};
  const { record, checkpoint } = planned;
  const dimensionTables = registry.catalog.tables.filter((table) => table.kind === 'dimension');
  const written = resolveFactTables(options.generators, record.tables);
  if (planned.mode === 'complete') {
    const days = dayNumberOf(record.end) - dayNumberOf(record.firstDay) + 1;
    options.onStart?.({ runId: record.runId, mode: 'complete', firstDate: record.firstDay, ...lockNote });
    options.progress?.startStage(runStages.facts, { total: days, step: `run ${record.runId} is complete` });
    options.progress?.completeStage(runStages.facts);
    const counts = await store.rowCounts(written);
    const tables = written.map((table) => ({ table: table.name, rows: counts.get(table.name) ?? 0 }));
    const dimensions = await dimensionCounts(store, dimensionTables);
    return { runId: record.runId, mode: 'complete', tables, dimensions, firstDate: record.firstDay, days, committedDays: days, lastCommittedDate: record.end, cancelled: false };
  }
  const dims = new Map<string, ColumnBatch>();
  for (const table of dimensionTables) dims.set(table.name, await store.readTable(table));
  const storeCount = dims.get('dim_stores')?.length ?? 0;
  // Day indices count from the start of the history, also in a run that resumes or extends it.
  const run: FactRun = { config: record.config, dims, firstDay: dayNumberOf(record.historyStart), lastDay: dayNumberOf(record.end), storeCount };
  const engine = new FactEngine(registry, run, { partitions: record.config.engine.partitions });
  if (checkpoint !== undefined) {
    if (checkpoint.stateVersion !== checkpointStateVersion) {
      throw new RetailDatagenError({
        code: 'USER_INVALID_ARGUMENT',
        message: `run ${record.runId}'s checkpoint of ${checkpoint.date} has state format ${checkpoint.stateVersion}; this version reads format ${checkpointStateVersion}`,
      });
    }
    engine.restore(decodeState(checkpoint.state) as EngineSnapshot);
  }
  const runFirstDay = dayNumberOf(record.firstDay);
  const firstDay = checkpoint === undefined ? runFirstDay : dayNumberOf(checkpoint.date) + 1;
  const days = run.lastDay - runFirstDay + 1;
  const rows: Record<string, number> = { ...(checkpoint?.rows ?? {}) };
  let committedDays = firstDay - runFirstDay;
  options.onStart?.({ runId: record.runId, mode: planned.mode, firstDate: isoDateOf(firstDay), ...(checkpoint ? { resumedAfter: checkpoint.date } : {}), ...lockNote });

  const executor = threads.unitWorkers?.executorFor(engine, registry.catalog) ?? inlineExecutor();
  const { progress, signal } = options;
  const units = engine.partitions.length;
  try {
    progress?.startStage(runStages.facts, { total: days * units, step: `day ${committedDays + 1}/${days} ${isoDateOf(firstDay)}` });
    if (progress && committedDays > 0) {
      // A resumed run's progress starts from what is done.
      progress.advance(committedDays * units, `resumed after ${checkpoint?.date}: day ${committedDays + 1}/${days}`);
      // Rows of the committed days that the job has not counted (none when it is the stopped run's job, restored).
      const counted = progress.snapshot().counts.rows;
      for (const [table, count] of Object.entries(rows)) progress.addRows(table, Math.max(0, count - (counted[table] ?? 0)));
    }
    committedDays = await runDayLoop({
      engine,
      executor,
      firstDay,
      lastDay: run.lastDay,
      runFirstDay,
      written: new Set(written.map((table) => table.name)),
      batchSizer,
      // DuckDB's appender takes rows in data chunks of 2,048 that prepareBatches fills from consecutive batches:
      // merging small batches first would only copy them.
      mergeBatches: false,
      snapshot: (current) => encodeState(current.snapshot()),
      ...(progress ? { progress } : {}),
      ...(signal ? { signal } : {}),
      // A day's batches become DuckDB data chunks while the day before commits.
      prepare: (batches) => store.prepareBatches(batches),
      discard: (prepared) => prepared.release(),
      // Each day commits in one transaction with its checkpoint and the run's progress.
      write: async ({ dayNumber, date, day, rows: dayRows, prepared, state, prepareNext }) => {
        const rowsThisDay = sumOf(dayRows);
        for (const [table, count] of dayRows) rows[table] = (rows[table] ?? 0) + count;
        const now = clock();
        const writeDay = async () => {
          await store.appendPrepared(prepared);
          await insertCheckpoint(store, { runId: record.runId, date, committedAt: now.toISOString(), rows, stateVersion: checkpointStateVersion, state: state as Uint8Array });
          await updateRun(store, record.runId, { progressPct: (100 * day) / days, lastCommittedDate: date, rows }, now);
        };
        // While DuckDB commits the day, the next one becomes data chunks.
        await store.transaction(writeDay, { whileCommitting: prepareNext });
        if (progress) {
          for (const [table, count] of dayRows) progress.addRows(table, count);
          progress.checkpoint(`day ${date}`, { day, date, rows: rowsThisDay });
        }
        options.onDay?.({ dayNumber, date, day, days, rowsThisDay });
      },
    });
  } finally {
    await executor.close();
    // The run's own threads stop before its last transaction and the close (DuckDB's checkpoint) have the cores.
    await threads.ownWorkers?.close();
  }

  const finished = committedDays === days;
  const now = clock();
  await store.transaction(async () => {
    await updateRun(store, record.runId, finished ? { status: 'completed', finishedAt: now.toISOString(), progressPct: 100 } : { status: 'cancelled' }, now);
    if (finished && !options.keepCheckpoints) await pruneCheckpoints(store, record.runId, 'latest');
  });
  if (finished) progress?.completeStage(runStages.facts);
  const counts = await store.rowCounts(written);
  return {
    runId: record.runId,
    mode: planned.mode,
    tables: written.map((table) => ({ table: table.name, rows: counts.get(table.name) ?? 0 })),
    dimensions: dimensionTables.map((table) => ({ table: table.name, rows: dims.get(table.name)?.length ?? 0 })),
    firstDate: record.firstDay,
    days,
    committedDays,
    lastCommittedDate: committedDays > 0 ? isoDateOf(runFirstDay + committedDays - 1) : undefined,
    cancelled: !finished,
  };
}

async function dimensionCounts(store: DuckDBStore, tables: readonly TableDefinition[]): Promise<TableRowCount[]> {
  const counts = await store.rowCounts(tables);
  return tables.map((table) => ({ table: table.name, rows: counts.get(table.name) ?? 0 }));
}

/** Marks the run failed with the error's message; a failure to record it is not allowed to hide the error. */
async function recordFailure(store: DuckDBStore, runId: string, error: unknown, clock: Clock): Promise<void> {
  try {
    await updateRun(store, runId, { status: 'failed', errorMessage: error instanceof Error ? error.message : String(error) }, clock());
  } catch {
    // The store itself failed; the run stays `running`, which resume treats the same way.
  }
}

/** @internal The store-phase executor of a run: inline, or a pool of worker threads. */
export function createExecutor(options: Pick<GenerateFactsOptions, 'workers' | 'generatorsModule'>, engine: FactEngine, catalog: TableCatalog): UnitExecutor {
  const module = options.generatorsModule === undefined ? undefined : String(options.generatorsModule);
  const workers = resolveWorkerCount(options);
  if (workers === 0 || module === undefined) return inlineExecutor();
  return poolExecutor({ workers, generatorsModule: module, engine, catalog });
}

/** @internal Starts the run's worker threads, if it runs any ({@link resolveWorkerCount}). */
export function startWorkersFor(options: Pick<GenerateFactsOptions, 'workers' | 'generatorsModule'>): UnitWorkers | undefined {
  const workers = resolveWorkerCount(options);
  if (workers === 0 || options.generatorsModule === undefined) return undefined;
  return startUnitWorkers({ workers, generatorsModule: String(options.generatorsModule) });
}

/**
 * The run's worker threads: `workers`, or the default when the generator
 * packages come from a module (else 0). Checked before the run touches its
 * file, so a bad value records no run.
 */
function resolveWorkerCount(options: Pick<GenerateFactsOptions, 'workers' | 'generatorsModule'>): number {
  const workers = options.workers ?? (options.generatorsModule === undefined ? 0 : defaultWorkerCount());
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) throw new InvalidArgumentError('--workers', String(workers), 'a whole number from 0 to 256');
  if (workers > 0 && options.generatorsModule === undefined) {
    throw new InvalidArgumentError('--workers', String(workers), '0 unless the generator packages come from a module (generatorsModule)');
  }
  return workers;
}
