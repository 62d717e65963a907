import type { TableDefinition } from '@retail-datagen/models';
import type { ColumnBatch } from '../batch/column-batch.js';
import { ColumnBatchBuilder } from '../batch/column-batch-builder.js';
import { createRandom } from '../random/random.js';
import type { GeneratorRegistry } from '../registry/generator-registry.js';
import type { GeneratorPlugin } from '../plugin/generator-plugin.js';
import { CompositionSlots } from './composition-point.js';
import { DemandMultiplier } from './demand-multiplier.js';
import type { FactHooks, FactRun } from './fact-hooks.js';
import { partitionStores } from './store-partitions.js';

/** The output of one unit of store-phase work (day, store partition). */
export interface UnitResult {
  readonly partition: number;
  readonly batches: ColumnBatch[];
  /** Each package's unit summary, by package id. */
  readonly summaries: ReadonlyMap<string, unknown>;
}

/** Each package's state of a unit's stores, by package id (structured-clone data). */
export type UnitStates = Readonly<Record<string, readonly unknown[]>>;

/** The output of a whole day: batches in commit order. */
export interface DayResult {
  readonly dayNumber: number;
  readonly batches: ColumnBatch[];
}

type Emitters = Map<TableDefinition, ColumnBatchBuilder>;

/**
 * Rows each table's builder starts with room for: what the table's last
 * batch held, with a margin, so that a builder seldom grows (and copies) its
 * arrays. Only memory depends on it, never a row.
 */
class CapacityHints {
  private readonly rows = new Map<TableDefinition, number>();
  of(table: TableDefinition): number {
    return this.rows.get(table) ?? 4096;
  }
  record(batches: readonly ColumnBatch[]): void {
    for (const batch of batches) this.rows.set(batch.table, Math.max(4096, Math.ceil(batch.length * 1.25)));
  }
}

function emitterFor(builders: Emitters, generator: GeneratorPlugin, hints: CapacityHints) {
  return (table: TableDefinition): ColumnBatchBuilder => {
    let builder = builders.get(table);
    if (!builder) {
      if (!generator.tables.includes(table)) throw new Error(`generator ${generator.id} emits rows for ${table.name}, which it does not declare in tables`);
      builder = new ColumnBatchBuilder(table, hints.of(table));
      builders.set(table, builder);
    }
    return builder;
  };
}

/**
 * Runs the fact phase of a run day by day: the chain phase in one place and
 * the store phase as units of (day, store partition). Packages are mixed in
 * through their hooks; the engine knows none of them.
 *
 * The partition count is fixed by the caller (not by any worker count), so
 * the same run always yields the same units and the same rows.
 *
 * @example
 * ```ts
 * const engine = new FactEngine(createGeneratorRegistry({ master, seasonal, inventory, receipts }), run, { partitions: 16 });
 * for (let day = run.firstDay; day <= run.lastDay; day++) {
 *   const { batches } = engine.runDay(day);
 *   await store.transaction(() => appendAll(batches));
 * }
 * ```
 */
/**
 * Everything a later day depends on, by package id: each package's chain
 * state and its store states (by store index). Random streams are derived
 * from (seed, package, entity, day), so no generator state is needed beyond
 * these. Plain structured-clone data (typed arrays, arrays, plain objects,
 * Maps): a checkpoint serializes it.
 */
export interface EngineSnapshot {
  readonly chain: Readonly<Record<string, unknown>>;
  readonly stores: Readonly<Record<string, readonly unknown[]>>;
}

export class FactEngine {
  readonly run: FactRun;
  readonly partitions: readonly (readonly number[])[];
  readonly demand = new DemandMultiplier();
  private readonly generators: readonly GeneratorPlugin[];
  private readonly tableOrder: readonly TableDefinition[];
  private readonly runSlots = new CompositionSlots();
  private readonly chainStates = new Map<string, unknown>();
  private readonly storeStates = new Map<string, unknown[]>();
  private readonly capacityHints = new CapacityHints();

  constructor(registry: GeneratorRegistry, run: FactRun, options: { partitions: number }) {
    this.run = run;
    this.generators = registry.generators.filter((generator) => generator.facts);
    this.tableOrder = registry.catalog.tables;
    this.partitions = partitionStores(run.storeCount, options.partitions);
    for (const generator of this.generators) {
      const hooks = generator.facts as FactHooks;
      hooks.setup?.({ run, demand: this.demand, slots: this.runSlots });
      if (hooks.createChainState) this.chainStates.set(generator.id, hooks.createChainState(run));
      if (hooks.createStoreState) {
        const states: unknown[] = [];
        for (let store = 0; store < run.storeCount; store++) states.push(hooks.createStoreState(run, store));
        this.storeStates.set(generator.id, states);
      }
    }
  }

  /** Runs one whole day inline: chain start, every unit in partition order, chain end. */
  runDay(dayNumber: number): DayResult {
    const chainStart = this.startDay(dayNumber);
    const units: UnitResult[] = [];
    for (let partition = 0; partition < this.partitions.length; partition++) units.push(this.runUnit(dayNumber, partition));
    const chainEnd = this.endDay(dayNumber, units);
    return this.assembleDay(dayNumber, chainStart, units, chainEnd);
  }

  /**
   * The chain phase before a day's store phase (each package's `startDay`, in
   * registry order). With {@link FactEngine.runUnit}, {@link FactEngine.endDay}
   * and {@link FactEngine.assembleDay} it is {@link FactEngine.runDay} in
   * steps, for runners that run the units elsewhere (worker threads).
   */
  startDay(dayNumber: number): ColumnBatch[] {
    return this.runChain(dayNumber, 'startDay', new Map());
  }

  /** The chain phase after every unit of the day, given their results (any order). */
  endDay(dayNumber: number, units: readonly UnitResult[]): ColumnBatch[] {
    return this.runChain(dayNumber, 'endDay', collectSummaries([...units].sort((a, b) => a.partition - b.partition)));
  }

  /** A day's batches in commit order: by table, then chain start, units in partition order, chain end. */
  assembleDay(dayNumber: number, chainStart: readonly ColumnBatch[], units: readonly UnitResult[], chainEnd: readonly ColumnBatch[]): DayResult {
    const ordered = [...units].sort((a, b) => a.partition - b.partition);
    return { dayNumber, batches: this.orderBatches([chainStart, ...ordered.map((unit) => unit.batches), chainEnd]) };
  }

  /**
   * Every package's state of the partition's stores, by package id, in the
   * partition's store order: what a unit needs to run on another engine
   * (built from the same run) and what it hands back.
   */
  unitStates(partition: number): UnitStates {
    const storeIndices = this.partitionStores(partition);
    const states: Record<string, unknown[]> = {};
    for (const [id, all] of this.storeStates) states[id] = storeIndices.map((storeIndex) => all[storeIndex]);
    return states;
  }

  /** Replaces the partition's store states with ones from {@link FactEngine.unitStates} (of this or another engine). */
  adoptUnitStates(partition: number, states: UnitStates): void {
    const storeIndices = this.partitionStores(partition);
    for (const [id, all] of this.storeStates) {
      const incoming = states[id];
      if (!incoming || incoming.length !== storeIndices.length) throw new Error(`unit states of partition ${partition} lack the ${id} states of its ${storeIndices.length} stores`);
      storeIndices.forEach((storeIndex, position) => (all[storeIndex] = incoming[position]));
    }
  }

  /**
   * The engine's states after the last day run: the live objects, not a copy,
   * so serialize (or structured-clone) it before running the next day.
   *
   * @example
   * ```ts
   * engine.runDay(day);
   * const checkpoint = v8.serialize(engine.snapshot()); // resume after `day`
   * ```
   */
  snapshot(): EngineSnapshot {
    return { chain: Object.fromEntries(this.chainStates), stores: Object.fromEntries(this.storeStates) };
  }

  /**
   * Continues from a {@link FactEngine.snapshot} of an engine built from the
   * same packages and run (its dims, stores and first day): the next day run
   * gives the rows the snapshotted engine would have. Adopts the snapshot's
   * objects (they are not copied).
   *
   * @throws Error naming the package whose states are missing or the wrong size.
   *
   * @example
   * ```ts
   * const engine = new FactEngine(registry, run, { partitions: 16 });
   * engine.restore(v8.deserialize(checkpoint));
   * engine.runDay(day + 1);
   * ```
   */
  restore(snapshot: EngineSnapshot): void {
    for (const id of this.chainStates.keys()) {
      if (!(id in snapshot.chain)) throw new Error(`the snapshot has no chain state of package ${id}`);
    }
    for (const [id, states] of this.storeStates) {
      const incoming = snapshot.stores[id];
      if (!Array.isArray(incoming) || incoming.length !== states.length) {
        throw new Error(`the snapshot has ${Array.isArray(incoming) ? incoming.length : 'no'} store states of package ${id}; the run has ${states.length} stores`);
      }
    }
    for (const id of this.chainStates.keys()) this.chainStates.set(id, snapshot.chain[id]);
    for (const id of this.storeStates.keys()) this.storeStates.set(id, [...(snapshot.stores[id] as unknown[])]);
  }

  private partitionStores(partition: number): readonly number[] {
    const storeIndices = this.partitions[partition];
    if (!storeIndices) throw new RangeError(`no partition ${partition}; there are ${this.partitions.length}`);
    return storeIndices;
  }

  /** Runs one unit of the store phase: every store of the partition, hour by hour. */
  runUnit(dayNumber: number, partition: number): UnitResult {
    const storeIndices = this.partitions[partition];
    if (!storeIndices) throw new RangeError(`no partition ${partition}; there are ${this.partitions.length}`);
    const dayIndex = dayNumber - this.run.firstDay;
    const builders: Emitters = new Map();
    const slots = this.runSlots.child();
    const summaries = new Map<string, unknown>();
    const seed = this.run.config.seed;

    for (const generator of this.generators) {
      const hooks = generator.facts as FactHooks;
      const summary = hooks.createUnitSummary?.();
      summaries.set(generator.id, summary);
      const states = this.storeStates.get(generator.id);
      hooks.startUnit?.({
        run: this.run,
        slots,
        dayNumber,
        dayIndex,
        storeIndices,
        stateOf: (storeIndex) => states?.[storeIndex],
        summary,
        emit: emitterFor(builders, generator, this.capacityHints),
      });
    }

    const contexts = this.generators.map((generator) => ({
      hooks: generator.facts as FactHooks,
      states: this.storeStates.get(generator.id),
      summary: summaries.get(generator.id),
      emit: emitterFor(builders, generator, this.capacityHints),
      id: generator.id,
    }));

    for (const storeIndex of storeIndices) {
      const storeContexts = contexts.map((entry) => ({
        hooks: entry.hooks,
        context: {
          run: this.run,
          demand: this.demand,
          slots,
          dayNumber,
          dayIndex,
          storeIndex,
          hour: 0,
          state: entry.states?.[storeIndex],
          summary: entry.summary,
          random: (...path: (string | number)[]) => createRandom(seed, entry.id, 'store', storeIndex, dayNumber, ...path),
          emit: entry.emit,
        },
      }));
      for (const { hooks, context } of storeContexts) hooks.startStoreDay?.(context);
      for (let hour = 0; hour < 24; hour++) {
        for (const { hooks, context } of storeContexts) {
          if (!hooks.storeHour) continue;
          context.hour = hour;
          hooks.storeHour(context);
        }
      }
      for (const { hooks, context } of storeContexts) hooks.endStoreDay?.(context);
    }
    const batches = finishAll(builders);
    this.capacityHints.record(batches);
    return { partition, batches, summaries };
  }

  private runChain(dayNumber: number, hook: 'startDay' | 'endDay', summaries: ReadonlyMap<string, unknown[]>): ColumnBatch[] {
    const builders: Emitters = new Map();
    const slots = this.runSlots.child();
    for (const generator of this.generators) {
      const hooks = generator.facts as FactHooks;
      const run = hooks[hook];
      if (!run) continue;
      const states = this.storeStates.get(generator.id);
      run.call(hooks, {
        run: this.run,
        demand: this.demand,
        slots,
        dayNumber,
        dayIndex: dayNumber - this.run.firstDay,
        state: this.chainStates.get(generator.id),
        stateOf: (storeIndex: number) => states?.[storeIndex],
        summaries: summaries.get(generator.id) ?? [],
        random: (...path: (string | number)[]) => createRandom(this.run.config.seed, generator.id, 'chain', dayNumber, hook, ...path),
        emit: emitterFor(builders, generator, this.capacityHints),
      });
    }
    const batches = finishAll(builders);
    this.capacityHints.record(batches);
    return batches;
  }

  /** Concatenation in a fixed order: by table (catalog order), then by phase and partition. */
  private orderBatches(groups: readonly (readonly ColumnBatch[])[]): ColumnBatch[] {
    const ordered: ColumnBatch[] = [];
    for (const table of this.tableOrder) {
      for (const group of groups) for (const batch of group) if (batch.table === table && batch.length > 0) ordered.push(batch);
    }
    return ordered;
  }
}

function finishAll(builders: Emitters): ColumnBatch[] {
  return [...builders.values()].map((builder) => builder.finish());
}

function collectSummaries(units: readonly UnitResult[]): Map<string, unknown[]> {
  const collected = new Map<string, unknown[]>();
  for (const unit of units) {
    for (const [id, summary] of unit.summaries) {
      const list = collected.get(id) ?? [];
      list.push(summary);
      collected.set(id, list);
    }
  }
  return collected;
}
