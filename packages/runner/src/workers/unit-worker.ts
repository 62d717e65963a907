import { deserialize } from 'node:v8';
import { FactEngine, createGeneratorRegistry, type GeneratorPlugin, type UnitStates } from '@retail-datagen/generator-core';
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { loadGenerators } from './load-generators.js';
import { yieldToWriter } from './thread-priority.js';
import { fromWireBatch, toWireUnitResult, transferablesOf, type WireBatch, type WireUnitResult } from './wire.js';
import type { RetailConfig } from '@retail-datagen/models';

/** What a worker gets when it starts, before any run is planned. */
export interface UnitWorkerData {
  /** Module (file URL or path) exporting the run's generator packages as `generators`. */
  readonly generatorsModule: string;
}

/** What every worker of a run needs once: enough to build the same engine as the main thread. */
export interface UnitWorkerSetup {
  readonly config: RetailConfig;
  readonly dims: readonly WireBatch[];
  readonly firstDay: number;
  readonly lastDay: number;
}

/**
 * A run's setup as the tasks carry it: serialized once into shared memory,
 * so each task refers to it without copying it; `id` tells a worker whether
 * it already built the engine for it.
 */
export interface SharedUnitSetup {
  readonly id: number;
  readonly bytes: SharedArrayBuffer;
}

/** One unit of work: the stores' states go in, rows, summaries and the new states come back. */
export interface UnitTask {
  readonly setup: SharedUnitSetup;
  readonly dayNumber: number;
  readonly partition: number;
  readonly states: UnitStates;
}

// Generation has slack; the writer on the main thread sets the pace (see workerNice).
yieldToWriter();

// The generator packages load as soon as the worker starts, while the main thread plans the run (and makes the
// master data): the first unit then waits only for the engine. A failure is reported by the first task.
const generatorsLoading = loadGenerators((workerData as UnitWorkerData).generatorsModule);
generatorsLoading.catch(() => {});

let current: { readonly id: number; readonly engine: Promise<FactEngine> } | undefined;

async function buildEngine(setupBytes: SharedArrayBuffer): Promise<FactEngine> {
  const generators: Readonly<Record<string, GeneratorPlugin>> = await generatorsLoading;
  const setup = deserialize(new Uint8Array(setupBytes)) as UnitWorkerSetup;
  const registry = createGeneratorRegistry(generators);
  const dims = new Map(setup.dims.map((wire) => [wire.table, fromWireBatch(wire, registry.catalog)]));
  const storeCount = dims.get('dim_stores')?.length ?? 0;
  return new FactEngine(registry, { config: setup.config, dims, firstDay: setup.firstDay, lastDay: setup.lastDay, storeCount }, { partitions: setup.config.engine.partitions });
}

/**
 * Runs one store-phase unit on this worker's engine for the task's run: adopts
 * the states the main thread sent, runs the unit, and moves the batches and the
 * new states back without copying their typed arrays.
 */
export default async function runUnitTask(task: UnitTask): Promise<unknown> {
  if (current?.id !== task.setup.id) current = { id: task.setup.id, engine: buildEngine(task.setup.bytes) };
  const unitEngine = await current.engine;
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
