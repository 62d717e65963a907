import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { FactEngine, UnitResult } from '@retail-datagen/generator-core';
import type { TableCatalog } from '@retail-datagen/models';
import { Piscina } from 'piscina';
import type { SharedUnitSetup, UnitTask, UnitWorkerData, UnitWorkerSetup } from './unit-worker.js';
import { fromWireUnitResult, toWireBatch, transferablesOf, type WireUnitResult } from './wire.js';

/** Runs store-phase units for the runner: inline, or on a pool of worker threads. */
export interface UnitExecutor {
  /** Worker threads in use (0 = inline in the calling thread). */
  readonly workers: number;
  /** Runs every partition of a day; results in any order. `onUnit` is called as each one finishes. */
  runUnits(engine: FactEngine, dayNumber: number, onUnit?: () => void): Promise<UnitResult[]>;
  close(): Promise<void>;
}

/**
 * The default worker count: one less than the machine's cores (the main
 * thread writes to DuckDB meanwhile), at least one.
 *
 * @example
 * ```ts
 * defaultWorkerCount(); // 1 on a 2-core machine
 * ```
 */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Units run one after another on the engine itself. */
export function inlineExecutor(): UnitExecutor {
  return {
    workers: 0,
    async runUnits(engine, dayNumber, onUnit) {
      const results: UnitResult[] = [];
      for (let partition = 0; partition < engine.partitions.length; partition++) {
        results.push(engine.runUnit(dayNumber, partition));
        onUnit?.();
        // Let timers (progress display) and signals (Ctrl-C) run between units.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return results;
    },
    async close() {},
  };
}

/**
 * Worker threads for store-phase units, started ahead of a run: each thread
 * starts and loads the generator packages (from `generatorsModule`) while the
 * main thread makes the master data and plans the run. {@link UnitWorkers.executorFor}
 * then gives a run's executor on them.
 *
 * @example
 * ```ts
 * const unitWorkers = startUnitWorkers({ workers: 1, generatorsModule: import.meta.resolve('@retail-datagen/cli/generators') });
 * try {
 *   await generateFacts({ database, config, generators, unitWorkers });
 * } finally {
 *   await unitWorkers.close();
 * }
 * ```
 */
export interface UnitWorkers {
  /** Worker threads in the pool. */
  readonly workers: number;
  /** The module the workers load the generator packages from. */
  readonly generatorsModule: string;
  /**
   * The executor of one run on these threads: each worker builds the same
   * engine from the run (its config, dimensions and days) on its first unit.
   * Closing it leaves the threads running; {@link UnitWorkers.close} stops them.
   */
  executorFor(engine: FactEngine, catalog: TableCatalog): UnitExecutor;
  /** Stops the threads (again: the same promise). */
  close(): Promise<void>;
}

let nextSetupId = 1;

/**
 * Starts `workers` worker threads (piscina) for store-phase units. A unit's
 * store states travel with it, transferred rather than copied, and come back
 * with its batches; the run's setup (config, dimensions) is serialized once
 * into shared memory that every task refers to. Which worker runs which unit
 * does not matter: the output is the same as inline.
 */
export function startUnitWorkers(options: { workers: number; generatorsModule: string }): UnitWorkers {
  const workerData: UnitWorkerData = { generatorsModule: options.generatorsModule };
  const pool = createPool(
    {
      filename: workerFile(),
      minThreads: options.workers,
      maxThreads: options.workers,
      idleTimeout: 60_000,
      // A day's units all wait at the workers, not in the pool: a worker goes on to its next unit while the main
      // thread is busy (appending to DuckDB), instead of waiting for the main thread to hand it over. The pool
      // starts before the run's partition count is known; the least busy worker takes each task, so they share
      // the units evenly whatever the bound.
      concurrentTasksPerWorker: 256,
      workerData,
    },
    workerExecArgv(),
  );
  let closing: Promise<void> | undefined;
  return {
    workers: options.workers,
    generatorsModule: options.generatorsModule,
    executorFor(engine, catalog) {
      const setup = shareSetup({
        config: engine.run.config,
        dims: [...engine.run.dims.values()].map((batch) => toWireBatch(batch)),
        firstDay: engine.run.firstDay,
        lastDay: engine.run.lastDay,
      });
      return {
        workers: options.workers,
        async runUnits(runEngine, dayNumber, onUnit) {
          const tasks: Promise<UnitResult>[] = [];
          for (let partition = 0; partition < runEngine.partitions.length; partition++) {
            const task: UnitTask = { setup, dayNumber, partition, states: runEngine.unitStates(partition) };
            tasks.push(
              (pool.run(task, { transferList: transferablesOf(task.states) }) as Promise<WireUnitResult>).then((wire) => {
                runEngine.adoptUnitStates(partition, wire.states);
                onUnit?.();
                return fromWireUnitResult(wire, catalog);
              }),
            );
          }
          return Promise.all(tasks);
        },
        async close() {},
      };
    },
    close() {
      closing ??= pool.destroy();
      return closing;
    },
  };
}

/** Serializes a run's setup into shared memory, once for all its tasks. */
function shareSetup(setup: UnitWorkerSetup): SharedUnitSetup {
  const serialized = serialize(setup);
  const bytes = new SharedArrayBuffer(serialized.byteLength);
  new Uint8Array(bytes).set(serialized);
  return { id: nextSetupId++, bytes };
}

/**
 * Units run on `workers` worker threads started for this run alone
 * ({@link startUnitWorkers}); closing the executor stops them.
 */
export function poolExecutor(options: { workers: number; generatorsModule: string; engine: FactEngine; catalog: TableCatalog }): UnitExecutor {
  const unitWorkers = startUnitWorkers(options);
  return { ...unitWorkers.executorFor(options.engine, options.catalog), close: () => unitWorkers.close() };
}

/**
 * The compiled worker module. From the sources (tests run them through
 * vitest) it is the built file in dist: worker threads load plain JavaScript.
 */
function workerFile(): string {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/workers/unit-worker.js', here).href : new URL('./unit-worker.js', here).href;
}

/** Starts the pool's workers with the parent's Node flags, leaving out those a worker thread refuses. */
function createPool(options: ConstructorParameters<typeof Piscina>[0] & object, execArgv: readonly string[]): Piscina {
  try {
    return new Piscina({ ...options, execArgv: [...execArgv] });
  } catch (error) {
    if (!isInvalidExecArgv(error)) throw error;
    return new Piscina({ ...options, execArgv: acceptedByWorkers(execArgv) });
  }
}

/**
 * The parent's Node flags without export conditions: a test runner may
 * resolve workspace packages to their TypeScript sources, which a worker
 * thread cannot load; workers always run the compiled packages.
 */
function workerExecArgv(): string[] {
  const flags: string[] = [];
  const argv = process.execArgv;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] as string;
    if (flag === '--conditions' || flag === '-C') {
      index++;
      continue;
    }
    if (flag.startsWith('--conditions=') || flag.startsWith('-C=')) continue;
    flags.push(flag);
  }
  return flags;
}

function isInvalidExecArgv(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_WORKER_INVALID_EXEC_ARGV';
}

/**
 * The flags (each with the values that follow it) that a worker thread takes.
 * Node refuses V8 and per-process options in a worker's execArgv (e.g.
 * `node --max-old-space-size=4096 datagen ...`); they apply to the whole
 * process anyway. Each flag is tried on a worker that is stopped at once.
 */
function acceptedByWorkers(argv: readonly string[]): string[] {
  const groups: string[][] = [];
  for (const token of argv) {
    const last = groups[groups.length - 1];
    if (last !== undefined && !token.startsWith('-')) last.push(token);
    else groups.push([token]);
  }
  const accepted: string[] = [];
  for (const group of groups) {
    try {
      const probe = new Worker('', { eval: true, execArgv: group });
      probe.unref();
      void probe.terminate();
      accepted.push(...group);
    } catch (error) {
      if (!isInvalidExecArgv(error)) throw error;
    }
  }
  return accepted;
}
