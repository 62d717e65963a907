import { readdir } from 'node:fs/promises';
import { createFileSink, isFileFormat, type BatchSink, type FileFormat } from '@retail-datagen/arrow';
import { createGeneratorRegistry, dayNumberOf, FactEngine, runMasterPhase, type FactRun, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { InvalidArgumentError, type RetailConfig } from '@retail-datagen/models';
import type { ProgressJob } from '@retail-datagen/progress';
import { createBatchSizer } from './batching/index.js';
import { runDayLoop, sumOf } from './day-loop.js';
import { createExecutor, resolveFactTables } from './generate-facts.js';
import type { TableRowCount } from './generate-master.js';
import { runStages } from './run-stages.js';

export interface GenerateFilesOptions {
  /** Output folder: created when missing; it must be empty. */
  out: string;
  format: FileFormat | string;
  config: RetailConfig;
  generators: Readonly<Record<string, GeneratorPlugin>>;
  /** Only write these fact tables (all are still simulated); dimension tables are always written. */
  tables?: readonly string[];
  /** Worker threads for the store phase, as for `generateFacts`. */
  workers?: number;
  generatorsModule?: string | URL;
  /**
   * Rows per batch written (`--batch-rows`): every table's day in batches of
   * that many rows but the last (an Arrow file's record batches); default:
   * the `RETAIL_BATCH_ROWS` environment variable, else adapted between 1,000
   * and 100,000 from write throughput and memory. The rows are the same for
   * any size.
   */
  batchRows?: number | string;
  /** Reports the `master data` and `facts` stages. */
  progress?: ProgressJob;
  /** Stops at the next day boundary; the files then hold complete days. */
  signal?: AbortSignal;
}

/** What {@link generateToFiles} wrote. */
export interface GenerateFilesResult {
  readonly out: string;
  readonly format: FileFormat;
  readonly manifestPath: string | undefined;
  /** Rows written per table, dimensions first. */
  readonly tables: TableRowCount[];
  readonly days: number;
  readonly writtenDays: number;
  readonly cancelled: boolean;
}

/**
 * Generates master data and the fact history straight into Parquet, Arrow
 * IPC or CSV files, without a database: the layout of `datagen export` (one
 * folder per table, facts partitioned by day, Hive style
 * `event_date=YYYY-MM-DD/`, and `manifest.json`), through the same streaming
 * sinks. There is no run log, so a stopped run cannot be resumed; the files
 * then hold the complete days written.
 *
 * @throws InvalidArgumentError (`--format`, `--out`, `--tables`) before anything is written.
 *
 * @example
 * ```ts
 * const result = await generateToFiles({ out: 'lake', format: 'parquet', config, generators });
 * // lake/fact_receipts/event_date=2024-11-15/part-0.parquet, ..., lake/manifest.json
 * ```
 */
export async function generateToFiles(options: GenerateFilesOptions): Promise<GenerateFilesResult> {
  const { format, config, progress, signal } = options;
  if (!isFileFormat(format)) throw new InvalidArgumentError('--format', format, 'parquet, arrow or csv');
  const written = resolveFactTables(options.generators, options.tables);
  const batchSizer = createBatchSizer(options.batchRows);
  await checkEmptyFolder(options.out);
  const registry = createGeneratorRegistry(options.generators);

  progress?.startStage(runStages.master, { step: 'generating master data' });
  const dims = await runMasterPhase(registry, config);
  const sink: BatchSink = createFileSink({ directory: options.out, format });
  try {
    for (const batch of dims.values()) {
      await sink.write(batch.table, batch);
      progress?.addRows(batch.table.name, batch.length);
    }
    progress?.completeStage(runStages.master);

    const run: FactRun = { config, dims, firstDay: dayNumberOf(config.start), lastDay: dayNumberOf(config.end), storeCount: dims.get('dim_stores')?.length ?? 0 };
    const engine = new FactEngine(registry, run, { partitions: config.engine.partitions });
    const executor = createExecutor(options, engine, registry.catalog);
    const days = run.lastDay - run.firstDay + 1;
    let writtenDays: number;
    try {
      progress?.startStage(runStages.facts, { total: days * engine.partitions.length, step: `day 1/${days} ${config.start}` });
      writtenDays = await runDayLoop({
        engine,
        executor,
        firstDay: run.firstDay,
        lastDay: run.lastDay,
        runFirstDay: run.firstDay,
        written: new Set(written.map((table) => table.name)),
        ...(progress ? { progress } : {}),
        ...(signal ? { signal } : {}),
        batchSizer,
        prepare: (batches) => batches,
        write: async ({ date, day, rows, prepared: batches }) => {
          for (const batch of batches) await sink.write(batch.table, batch);
          if (progress) {
            for (const [table, count] of rows) progress.addRows(table, count);
            progress.checkpoint(`day ${date}`, { day, date, rows: sumOf(rows) });
          }
        },
      });
    } finally {
      await executor.close();
    }
    const summary = await sink.close();
    if (writtenDays === days) progress?.completeStage(runStages.facts);
    return {
      out: options.out,
      format,
      manifestPath: summary.manifestPath,
      tables: summary.tables.map(({ table, rows }) => ({ table, rows })),
      days,
      writtenDays,
      cancelled: writtenDays < days,
    };
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

async function checkEmptyFolder(out: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new InvalidArgumentError('--out', out, `a folder this process can write (${(error as Error).message})`);
  }
  if (entries.length > 0) throw new InvalidArgumentError('--out', out, `a new or empty folder; it holds ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}`);
}
