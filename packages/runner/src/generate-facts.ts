import { dayNumberOf, FactEngine, createGeneratorRegistry, isoDateOf, type ColumnBatch, type FactRun, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { openStore, type DuckDBStore } from '@retail-datagen/duckdb';
import { InvalidArgumentError, RetailDatagenError, type RetailConfig, type TableCatalog, type TableDefinition } from '@retail-datagen/models';
import { defaultWorkerCount, inlineExecutor, poolExecutor, type UnitExecutor } from './workers/unit-executor.js';
import type { ProgressJob } from '@retail-datagen/progress';
import type { TableRowCount } from './generate-master.js';
import { runStages } from './run-stages.js';

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
  /** DuckDB's memory limit during the run (default 512MB): bounds its cache of written blocks. */
  duckdbMemoryLimit?: string;
  /** Reports the `facts` stage: units done, the step, rows per table and a checkpoint per committed day. */
  progress?: ProgressJob;
  /**
   * Stops the run at the next day boundary: the day being generated is
   * dropped, the one being committed is finished, and the result says
   * `cancelled`. The file then holds complete days only.
   */
  signal?: AbortSignal;
}

/** What a fact run wrote. */
export interface GenerateFactsResult {
  /** Rows in each fact table written. */
  tables: TableRowCount[];
  /** Days in the requested range. */
  days: number;
  /** Days committed, from the start. */
  committedDays: number;
  /** Last committed day, YYYY-MM-DD (undefined when none was). */
  lastCommittedDate: string | undefined;
  /** True when the signal stopped the run before the end. */
  cancelled: boolean;
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
 * DuckDB file that already holds master data. The fact tables are created
 * anew; each day's rows are appended in one transaction, so a failure loses
 * at most the day in progress.
 *
 * @example
 * ```ts
 * const counts = await generateFacts({ database: 'data/retail.duckdb', config, generators: { master, seasonal, inventory, receipts } });
 * ```
 */
export async function generateFacts(options: GenerateFactsOptions): Promise<GenerateFactsResult> {
  const registry = createGeneratorRegistry(options.generators);
  const dimensionTables = registry.catalog.tables.filter((table) => table.kind === 'dimension');
  const factTables = registry.catalog.tables.filter((table) => table.kind === 'fact');
  const written = resolveFactTables(options.generators, options.tables);

  // A bounded DuckDB buffer pool keeps memory flat however long the run: written blocks are evicted, not cached.
  // A day commits tens of MB of write-ahead log; checkpointing at 64MB rather than DuckDB's 16MB skips most
  // per-day checkpoints (the 10M-row bench: 24.8 s -> 22 s, see BENCHMARKS.md).
  const store = options.store ?? (await openStore(options.database, { memoryLimit: options.duckdbMemoryLimit ?? '512MB', checkpointThreshold: '64MB' }));
  try {
    const existing = new Set(await store.existingTables());
    const missing = dimensionTables.filter((table) => !existing.has(table.name));
    if (missing.length > 0) {
      throw new RetailDatagenError({
        code: 'USER_INVALID_ARGUMENT',
        message: `${options.database} has no master data (missing ${missing.map((table) => table.name).join(', ')}); run \`datagen generate master --db ${options.database}\` first, or \`datagen generate all\``,
      });
    }
    const dims = new Map<string, ColumnBatch>();
    for (const table of dimensionTables) dims.set(table.name, await store.readTable(table));
    const storeCount = dims.get('dim_stores')?.length ?? 0;
    const run: FactRun = { config: options.config, dims, firstDay: dayNumberOf(options.config.start), lastDay: dayNumberOf(options.config.end), storeCount };
    const engine = new FactEngine(registry, run, { partitions: options.config.engine.partitions });
    const executor = createExecutor(options, engine, registry.catalog);
    const { progress, signal } = options;
    const days = run.lastDay - run.firstDay + 1;
    const units = engine.partitions.length;
    let committedDays = 0;
    try {
      await store.transaction(async () => {
        await store.dropTables(factTables);
        await store.createTables(written);
      });
      progress?.startStage(runStages.facts, { total: days * units, step: `day 1/${days} ${isoDateOf(run.firstDay)}` });
      const writtenSet = new Set(written);
      // Days commit in order, one transaction each, while later days are generated; generation waits only
      // when `maxPendingCommits` days are queued, which bounds the batches held in memory.
      let committing: Promise<void> = Promise.resolve();
      const pending: Promise<void>[] = [];
      for (let dayNumber = run.firstDay; dayNumber <= run.lastDay && !signal?.aborted; dayNumber++) {
        const day = dayNumber - run.firstDay + 1;
        const date = isoDateOf(dayNumber);
        const chainStart = engine.startDay(dayNumber);
        let unitsDone = 0;
        const results = await executor.runUnits(engine, dayNumber, () => {
          unitsDone++;
          progress?.advance(1, `day ${day}/${days} ${date}: store partitions ${unitsDone}/${units}`);
        });
        if (signal?.aborted) break;
        const chainEnd = engine.endDay(dayNumber, results);
        const batches = engine.assembleDay(dayNumber, chainStart, results, chainEnd).batches.filter((batch) => writtenSet.has(batch.table));
        while (pending.length >= maxPendingCommits) await pending.shift();
        const dayProgress: FactDayProgress = { dayNumber, date, day, days, rowsThisDay: batches.reduce((sum, batch) => sum + batch.length, 0) };
        committing = committing.then(() => store.appendBatches(batches)).then(() => {
          committedDays = day;
          if (progress) {
            for (const batch of batches) progress.addRows(batch.table.name, batch.length);
            progress.checkpoint(`day ${date}`, { day, date, rows: dayProgress.rowsThisDay });
          }
          options.onDay?.(dayProgress);
        });
        // Handled when awaited; this keeps a failure from being reported as unhandled meanwhile.
        committing.catch(() => undefined);
        pending.push(committing);
      }
      await committing;
      if (committedDays === days) progress?.completeStage(runStages.facts);
    } finally {
      await executor.close();
    }
    const counts = await store.rowCounts(written);
    return {
      tables: written.map((table) => ({ table: table.name, rows: counts.get(table.name) ?? 0 })),
      days,
      committedDays,
      lastCommittedDate: committedDays > 0 ? isoDateOf(run.firstDay + committedDays - 1) : undefined,
      cancelled: committedDays < days,
    };
  } finally {
    if (options.store === undefined) store.close();
  }
}

/** Days whose batches may wait for their commit while later days are generated. */
const maxPendingCommits = 2;

function createExecutor(options: GenerateFactsOptions, engine: FactEngine, catalog: TableCatalog): UnitExecutor {
  const module = options.generatorsModule === undefined ? undefined : String(options.generatorsModule);
  const workers = options.workers ?? (module === undefined ? 0 : defaultWorkerCount());
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) throw new InvalidArgumentError('--workers', String(workers), 'a whole number from 0 to 256');
  if (workers === 0) return inlineExecutor();
  if (module === undefined) throw new InvalidArgumentError('--workers', String(workers), '0 unless the generator packages come from a module (generatorsModule)');
  return poolExecutor({ workers, generatorsModule: module, engine, catalog });
}
