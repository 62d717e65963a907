import { UnknownTableError } from '../errors/unknown-table-error.js';
import { dimensionTables } from './dimensions.js';
import { logisticsTables } from './logistics-tables.js';
import { dimCampaigns, factMarketing } from './marketing-tables.js';
import { onlineOrderTables } from './online-order-tables.js';
import { sensorTables } from './sensor-tables.js';
import { storeFactTables } from './store-facts.js';
import type { TableDefinition } from './table-definition.js';

/**
 * The allowlist of tables: every name used to build SQL comes from here.
 * Generator packages with tables of their own register them through a
 * catalog made with {@link createTableCatalog}.
 *
 * @example
 * ```ts
 * const catalog = createTableCatalog([...builtInTables, loyaltyPoints]);
 * catalog.get('dim_stores').primaryKeyColumns; // ['id']
 * catalog.get('dim_nope'); // throws UnknownTableError listing the known tables
 * ```
 */
export interface TableCatalog {
  readonly tables: readonly TableDefinition[];
  get(name: string): TableDefinition;
  has(name: string): boolean;
  names(): string[];
}

export function createTableCatalog(tables: readonly TableDefinition[]): TableCatalog {
  const byName = new Map<string, TableDefinition>();
  for (const table of tables) {
    const existing = byName.get(table.name);
    if (existing && existing !== table) throw new Error(`two different tables are named ${table.name}`);
    byName.set(table.name, table);
  }
  const unique = [...byName.values()];
  return {
    tables: unique,
    get(name) {
      const table = byName.get(name);
      if (!table) throw new UnknownTableError(name, [...byName.keys()]);
      return table;
    },
    has: (name) => byName.has(name),
    names: () => [...byName.keys()],
  };
}

/** Every table retail-datagen itself defines. */
export const builtInTables: readonly TableDefinition[] = [
  ...dimensionTables,
  dimCampaigns,
  ...storeFactTables,
  ...logisticsTables,
  ...sensorTables,
  factMarketing,
  ...onlineOrderTables,
];

export const builtInCatalog: TableCatalog = createTableCatalog(builtInTables);
