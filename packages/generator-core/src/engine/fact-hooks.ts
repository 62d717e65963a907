import type { RetailConfig, TableDefinition } from '@retail-datagen/models';
import type { ColumnBatch } from '../batch/column-batch.js';
import type { ColumnBatchBuilder } from '../batch/column-batch-builder.js';
import type { StreamKey } from '../random/derive-seed.js';
import type { Random } from '../random/random.js';
import type { CompositionSlots } from './composition-point.js';
import type { DemandMultiplier } from './demand-multiplier.js';

/** What every fact hook can read: the run's configuration, its dimension tables and its days. */
export interface FactRun {
  readonly config: RetailConfig;
  /** Dimension batches by physical table name (dim_stores, dim_products, ...). */
  readonly dims: ReadonlyMap<string, ColumnBatch>;
  /** First and last day of the run, as day numbers (days since 1970-01-01). */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Stores in dim_stores order. */
  readonly storeCount: number;
}

/** Run-wide composition points, set up once per thread by every package's `setup`. */
export interface SetupContext {
  readonly run: FactRun;
  readonly demand: DemandMultiplier;
  readonly slots: CompositionSlots;
}

/** Shared by store-phase hooks. */
export interface StoreContext<StoreState = unknown, UnitSummary = unknown> {
  readonly run: FactRun;
  readonly demand: DemandMultiplier;
  /** Run-wide and unit-scoped composition points (e.g. the inventory ledger). */
  readonly slots: CompositionSlots;
  readonly dayNumber: number;
  /** 0 for the first day of the run. */
  readonly dayIndex: number;
  readonly storeIndex: number;
  /** This package's state for this store, carried from day to day. */
  readonly state: StoreState;
  /** This package's summary for this unit, handed to its chain-phase `endDay`. */
  readonly summary: UnitSummary;
  /** Random stream for (seed, package id, store, day, ...path). */
  random(...path: StreamKey[]): Random;
  /** The unit's row builder for a table this package declares. */
  emit(table: TableDefinition): ColumnBatchBuilder;
}

export interface StoreHourContext<StoreState = unknown, UnitSummary = unknown> extends StoreContext<StoreState, UnitSummary> {
  /** Hour of day, 0-23. */
  readonly hour: number;
}

/** A unit of store-phase work about to start: a package may provide unit-scoped composition points. */
export interface UnitContext<StoreState = unknown, UnitSummary = unknown> {
  readonly run: FactRun;
  readonly slots: CompositionSlots;
  readonly dayNumber: number;
  readonly dayIndex: number;
  readonly storeIndices: readonly number[];
  /** This package's state of each store of the unit, by store index. */
  stateOf(storeIndex: number): StoreState;
  readonly summary: UnitSummary;
  emit(table: TableDefinition): ColumnBatchBuilder;
}

/** The chain phase of a day: runs in one place, in registry order. */
export interface ChainContext<ChainState = unknown, StoreState = unknown, UnitSummary = unknown> {
  readonly run: FactRun;
  readonly demand: DemandMultiplier;
  /**
   * Composition points of this chain phase (a fresh scope for each startDay
   * and endDay, seeing the run's points): a package provides one (e.g. the DC
   * inventory ledger) for the packages after it in registry order.
   */
  readonly slots: CompositionSlots;
  readonly dayNumber: number;
  readonly dayIndex: number;
  /** This package's chain-wide state. */
  readonly state: ChainState;
  /** This package's state of any store (the chain phase may schedule work for later days there). */
  stateOf(storeIndex: number): StoreState;
  /** At `endDay`: this package's unit summaries of the day, in partition order. */
  readonly summaries: readonly UnitSummary[];
  /** Random stream for (seed, package id, 'chain', day, ...path). */
  random(...path: StreamKey[]): Random;
  emit(table: TableDefinition): ColumnBatchBuilder;
}

/**
 * The fact-phase hooks a package may implement. States must be structured-clone
 * data (typed arrays, plain objects): they cross worker threads and are saved
 * in checkpoints.
 */
export interface FactHooks<ChainState = unknown, StoreState = unknown, UnitSummary = unknown> {
  /** Contribute to run-wide composition points (demand curves...). Pure: runs once in every thread. */
  setup?(context: SetupContext): void;
  createChainState?(run: FactRun): ChainState;
  createStoreState?(run: FactRun, storeIndex: number): StoreState;
  createUnitSummary?(): UnitSummary;
  /** Chain phase, before the day's store phase. */
  startDay?(context: ChainContext<ChainState, StoreState, UnitSummary>): void;
  /** Store phase: a unit starts (provide unit-scoped composition points here). */
  startUnit?(context: UnitContext<StoreState, UnitSummary>): void;
  startStoreDay?(context: StoreContext<StoreState, UnitSummary>): void;
  storeHour?(context: StoreHourContext<StoreState, UnitSummary>): void;
  endStoreDay?(context: StoreContext<StoreState, UnitSummary>): void;
  /** Chain phase, after every unit of the day, with their summaries. */
  endDay?(context: ChainContext<ChainState, StoreState, UnitSummary>): void;
}
