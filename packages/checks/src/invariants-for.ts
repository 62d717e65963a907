import type { RetailConfig, TableCatalog } from '@retail-datagen/models';
import { catalogInvariants } from './catalog-invariants.js';
import type { Invariant } from './invariant.js';
import { sensorAndMarketingInvariants } from './chain-invariants.js';
import { logisticsInvariants } from './logistics-invariants.js';
import { onlineOrderInvariants } from './online-order-invariants.js';
import { storeInvariants } from './store-invariants.js';

/**
 * Every invariant retail-datagen knows for a database generated with these
 * tables and this configuration: the catalog's keys and references, then the
 * store-day rules.
 *
 * @example
 * ```ts
 * const results = await checkDatabase(store, invariantsFor(registry.catalog, config));
 * ```
 */
export function invariantsFor(catalog: TableCatalog, config: Pick<RetailConfig, 'seasonality'>): Invariant[] {
  return [...catalogInvariants(catalog), ...storeInvariants({ closedOnChristmas: config.seasonality.closedOnChristmas }), ...logisticsInvariants(), ...sensorAndMarketingInvariants(), ...onlineOrderInvariants()];
}
