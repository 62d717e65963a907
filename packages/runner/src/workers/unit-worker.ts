import { FactEngine, createGeneratorRegistry, type GeneratorPlugin, type UnitStates } from '@retail-datagen/generator-core';
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { loadGenerators } from './load-generators.js';
import { yieldToWriter } from './thread-priority.js';
import { fromWireBatch, toWireUnitResult, transferablesOf, type WireBatch, type WireUnitResult } from './wire.js';
import type { RetailConfig } from '@retail-datagen/models';

/** What every worker of a run gets once: enough to build the same engine as the main thread. */
export interface UnitWorkerSetup {
  /** Module (file URL or path) exporting the run's generator packages as `generators`. */
  readonly generatorsModule: string;
  readonly config: RetailConfig;
  readonly dims: readonly WireBatch[];
  readonly firstDay: number;
  readonly lastDay: number;
}

/** One unit of work: the stores' states go in, rows, summaries and the new states come back. */
export interface UnitTask {
  readonly dayNumber: number;
  readonly partition: number;
  readonly states: UnitStates;
}

// Generation has slack; the writer on the main thread sets the pace (see workerNice).
yieldToWriter();

let engine: Promise<FactEngine> | undefined;

async function buildEngine(setup: UnitWorkerSetup): Promise<FactEngine> {
  const generators: Readonly<Record<string, GeneratorPlugin>> = await loadGenerators(setup.generatorsModule);
  const registry = createGeneratorRegistry(generators);
  const dims = new Map(setup.dims.map((wire) => [wire.table, fromWireBatch(wire, registry.catalog)]));
  const storeCount = dims.get('dim_stores')?.length ?? 0;
  return new FactEngine(registry, { config: setup.config, dims, firstDay: setup.firstDay, lastDay: setup.lastDay, storeCount }, { partitions: setup.config.engine.partitions });
}

/**
 * Runs one store-phase unit on this worker's engine: adopts the states the
 * main thread sent, runs the unit, and moves the batches and the new states
 * back without copying their typed arrays.
 */
export default async function runUnitTask(task: UnitTask): Promise<unknown> {
  engine ??= buildEngine(workerData as UnitWorkerSetup);
  const unitEngine = await engine;
  unitEngine.adoptUnitStates(task.partition, task.states);
  const result = unitEngine.runUnit(task.dayNumber, task.partition);
  const wire: WireUnitResult = toWireUnitResult(result, unitEngine.unitStates(task.partition));
  const buffers = transferablesOf(wire);
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return wire;
    },
  });
}
