import { createBatchSizer } from './batching/index.js';
import { openStore } from '@retail-datagen/duckdb';
import { access } from 'node:fs/promises';
import { generateFacts, startWorkersFor, type GenerateFactsOptions, type GenerateFactsResult } from './generate-facts.js';
import { generateMaster, type TableRowCount } from './generate-master.js';
import { runStages } from './run-stages.js';
import { listRuns } from './runs/run-log.js';
import { acquireWriterLock } from './runs/writer-lock.js';
import type { UnitWorkers } from './workers/unit-executor.js';

/** What {@link generateHistory} wrote. */
export interface GenerateHistoryResult {
  /** Rows per dimension table: generated, or kept when a resume found master data of the run. */
  readonly dimensions: TableRowCount[];
  /** Whether the master data was generated (false when a resume kept it). */
  readonly generatedMaster: boolean;
  /** The fact run; undefined when the signal stopped the work after the master data. */
  readonly facts: GenerateFactsResult | undefined;
}

/**
 * `datagen generate all`: master data, then the fact history, holding the
 * file's writer lock throughout. With `resume: true`, a database that has
 * runs keeps its master data (a run starts only after its master data
 * committed) and the latest run continues, so a generation killed at any
 * moment and started again with `resume` ends with the database one
 * uninterrupted run makes.
 *
 * @example
 * ```ts
 * const result = await generateHistory({ database: 'data/retail.duckdb', config, generators, resume: true });
 * result.facts?.mode; // 'new', 'resume' or 'complete'
 * ```
 */
export async function generateHistory(options: GenerateFactsOptions): Promise<GenerateHistoryResult> {
  // Settings are checked before the master data is replaced.
  createBatchSizer(options.batchRows);
  const lock = acquireWriterLock(options.database, options.clock);
  let ownWorkers: UnitWorkers | undefined;
  try {
    // The fact run's worker threads start first: they load the generator packages while the master data is made.
    if (options.unitWorkers === undefined) ownWorkers = startWorkersFor(options);
    const keepMaster = options.resume !== undefined && (await hasRuns(options));
    let dimensions: TableRowCount[] = [];
    if (keepMaster) {
      options.progress?.startStage(runStages.master, { step: 'master data kept: resuming' });
      options.progress?.completeStage(runStages.master);
    } else {
      dimensions = await generateMaster({ database: options.database, config: options.config, generators: options.generators, ...(options.store ? { store: options.store } : {}), ...(options.progress ? { progress: options.progress } : {}), ...(options.clock ? { clock: options.clock } : {}) });
    }
    if (options.signal?.aborted) return { dimensions, generatedMaster: !keepMaster, facts: undefined };
    const facts = await generateFacts(ownWorkers ? { ...options, unitWorkers: ownWorkers } : options);
    return { dimensions: keepMaster ? facts.dimensions : dimensions, generatedMaster: !keepMaster, facts };
  } finally {
    await ownWorkers?.close();
    lock.release();
  }
}

async function hasRuns(options: GenerateFactsOptions): Promise<boolean> {
  if (options.store) return (await listRuns(options.store)).length > 0;
  try {
    await access(options.database);
  } catch {
    return false;
  }
  const store = await openStore(options.database, { readOnly: true });
  try {
    return (await listRuns(store)).length > 0;
  } finally {
    store.close();
  }
}
