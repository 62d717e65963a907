import { dayNumberOf, type ColumnBatch, type GeneratorPlugin, type MasterContext } from '@retail-datagen/generator-core';
import { InvalidArgumentError, dimensionTables } from '@retail-datagen/models';
import { generateCustomers } from './customers.js';
import { generateDistributionCenters } from './distribution-centers.js';
import { generateGeographies } from './geographies.js';
import { generateProducts } from './products.js';
import { generateStores } from './stores.js';
import { generateTrucks } from './trucks.js';
import { usCities } from './word-lists/us-cities.js';

/** Knobs of the master-data generator; every one has a default. */
export interface MasterGeneratorOptions {
  /**
   * Share of products that launch from 45 days before `start` to
   * `newProductHorizonDays` after it (so "never sold before launch" matters);
   * the rest launched years before `start`. Default 0.07.
   */
  readonly newProductShare?: number;
  /**
   * Days after `start` within which the new products launch. Independent of
   * the end date, so a history extended to a later end keeps its products.
   * Default 365.
   */
  readonly newProductHorizonDays?: number;
  /** Share of trucks with refrigeration. Default 0.3. */
  readonly refrigeratedTruckShare?: number;
}

/**
 * Creates the master-data generator: the six dimension tables (geographies,
 * stores, distribution centers, trucks, customers, products) as column
 * batches, in `dimensionTables` order. Every draw comes from the run's derived
 * streams, so the same configuration always gives the same rows.
 *
 * @example
 * ```ts
 * import { createGeneratorRegistry, runMasterPhase } from '@retail-datagen/generator-core';
 * import { parseConfig } from '@retail-datagen/models';
 *
 * const master = createMasterGenerator({ newProductShare: 0.1 });
 * const tables = await runMasterPhase(createGeneratorRegistry({ master }), parseConfig({ seed: 7 }));
 * tables.get('dim_stores')?.length; // 24
 * ```
 */
export function createMasterGenerator(options: MasterGeneratorOptions = {}): GeneratorPlugin {
  const newProductShare = shareOption('newProductShare', options.newProductShare, 0.07);
  const refrigeratedTruckShare = shareOption('refrigeratedTruckShare', options.refrigeratedTruckShare, 0.3);
  const horizonDays = options.newProductHorizonDays ?? 365;
  if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > 36_500) {
    throw new InvalidArgumentError('newProductHorizonDays', horizonDays, 'a whole number of days from 0 to 36500');
  }
  return {
    specificationVersion: 'v1',
    id: 'master',
    description: 'Master data: geographies, stores, distribution centers, trucks, customers and products',
    tables: dimensionTables,
    generateMaster(context: MasterContext): ColumnBatch[] {
      const { config } = context;
      const volumes = config.volumes;
      const startDay = dayNumberOf(config.start);
      const geographies = generateGeographies(volumes.geographies, volumes.distributionCenters, usCities, context.random('geographies'));
      const stores = generateStores(volumes.stores, startDay, geographies, context.random('stores'), context.random('stores', 'tax-rates'));
      const distributionCenters = generateDistributionCenters(geographies, context.random('distribution-centers'));
      const trucks = generateTrucks(distributionCenters.count, volumes.trucksPerDc, volumes.poolTrucks, refrigeratedTruckShare, context.random('trucks'));
      const customers = generateCustomers(volumes.customers, geographies, stores, {
        chunk: (chunkIndex) => context.random('customers', chunkIndex),
        identifiers: context.random('customers', 'identifiers'),
      });
      const products = generateProducts(volumes.products, startDay, { newProductShare, horizonDays }, context.random('products'));
      return [geographies.batch, stores.batch, distributionCenters.batch, trucks, customers, products];
    },
  };
}

/**
 * The master-data generator with default options.
 *
 * @example
 * ```ts
 * const registry = createGeneratorRegistry({ master });
 * ```
 */
export const master: GeneratorPlugin = createMasterGenerator();

function shareOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && value >= 0 && value <= 1)) throw new InvalidArgumentError(`createMasterGenerator options.${name}`, value, 'a share from 0 to 1');
  return value;
}
