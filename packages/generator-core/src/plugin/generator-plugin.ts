import type { RetailConfig, TableDefinition } from '@retail-datagen/models';
import type { ColumnBatch } from '../batch/column-batch.js';
import type { Random } from '../random/random.js';
import type { StreamKey } from '../random/derive-seed.js';
import type { FactHooks } from '../engine/fact-hooks.js';

/** What the master-data phase gives a generator package. */
export interface MasterContext {
  readonly config: RetailConfig;
  /**
   * The random stream for (config.seed, this package's id, ...path).
   * @example
   * ```ts
   * const random = context.random('stores'); // one stream for all stores
   * ```
   */
  random(...path: StreamKey[]): Random;
  /** Batches already produced in this phase by the packages this one requires, by table name. */
  tables: ReadonlyMap<string, ColumnBatch>;
}

/**
 * The contract a generator package implements. Version 'v1'; a package built
 * for a later version is refused by the registry with a clear message instead
 * of misbehaving.
 *
 * A package is a plain object built by a factory, plus a default instance:
 *
 * @example
 * ```ts
 * export function createLoyaltyGenerator(options: { pointsPerDollar?: number } = {}): GeneratorPlugin {
 *   return {
 *     specificationVersion: 'v1',
 *     id: 'loyalty',
 *     description: 'Loyalty points earned per receipt',
 *     requires: ['master'],
 *     tables: [loyaltyPoints],
 *   };
 * }
 * export const loyalty = createLoyaltyGenerator();
 * ```
 */
export interface GeneratorPlugin {
  readonly specificationVersion: 'v1';
  /** Unique id; also the domain name of its random streams. */
  readonly id: string;
  readonly description: string;
  /** Ids of packages whose output or composition points this one needs. */
  readonly requires?: readonly string[];
  /** Tables this package writes. */
  readonly tables: readonly TableDefinition[];
  /** Master-data phase: returns one batch per table it fills. */
  generateMaster?(context: MasterContext): ColumnBatch[] | Promise<ColumnBatch[]>;
  /** Fact-phase hooks: the engine calls them per run, day, unit, store-day and store-hour. */
  readonly facts?: FactHooks;
}
