import { createGeneratorRegistry, runMasterPhase, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { openStore, type DuckDBStore } from '@retail-datagen/duckdb';
import type { RetailConfig } from '@retail-datagen/models';
import type { ProgressJob } from '@retail-datagen/progress';
import type { Clock } from './runs/clock.js';
import { runStages } from './run-stages.js';
import { acquireWriterLock } from './runs/writer-lock.js';

/** Rows written to one table. */
export interface TableRowCount {
  table: string;
  rows: number;
}

export interface GenerateMasterOptions {
  /** DuckDB file to create or update (parent folders are created). */
  database: string;
  /** An open store of `database` to write through instead of opening the file; it stays open. */
  store?: DuckDBStore;
  config: RetailConfig;
  /** The generator packages of the run, as the app lists them. */
  generators: Readonly<Record<string, GeneratorPlugin>>;
  /** Reports the `master data` stage (see {@link runStages}) and the rows of each dim once committed. */
  progress?: ProgressJob;
  /** Time of the writer lock (bookkeeping only); default the system clock. */
  clock?: Clock;
}

/**
 * Generates the dimension tables and writes them into the DuckDB file,
 * replacing any dims already there, in one transaction: on failure the file
 * keeps what it had. Takes the file's writer lock ({@link acquireWriterLock}).
 *
 * @example
 * ```ts
 * const counts = await generateMaster({ database: 'data/retail.duckdb', config: parseConfig({ seed: 7 }), generators: { master } });
 * // [{ table: 'dim_geographies', rows: 60 }, ...]
 * ```
 */
export async function generateMaster(options: GenerateMasterOptions): Promise<TableRowCount[]> {
  const registry = createGeneratorRegistry(options.generators);
  options.progress?.startStage(runStages.master, { step: 'generating master data' });
  const tables = await runMasterPhase(registry, options.config);
  const batches = [...tables.values()];
  const lock = acquireWriterLock(options.database, options.clock);
  let store: DuckDBStore | undefined;
  try {
    store = options.store ?? (await openStore(options.database));
    await store.replaceTables(batches);
    const counts = await store.rowCounts(batches.map((batch) => batch.table));
    const result = batches.map((batch) => ({ table: batch.table.name, rows: counts.get(batch.table.name) ?? 0 }));
    for (const { table, rows } of result) options.progress?.addRows(table, rows);
    options.progress?.completeStage(runStages.master);
    return result;
  } finally {
    if (options.store === undefined) store?.close();
    lock.release();
  }
}
