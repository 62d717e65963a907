import { dayNumberOf, FactEngine, createGeneratorRegistry, isoDateOf, type ColumnBatch, type FactRun, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { openStore } from '@retail-datagen/duckdb';
import { InvalidArgumentError, RetailDatagenError, type RetailConfig, type TableDefinition } from '@retail-datagen/models';
import type { TableRowCount } from './generate-master.js';

/** Progress of a fact run, reported after each committed day. */
export interface FactDayProgress {
  dayNumber: number;
  date: string;
  /** 1-based index of the day in the run. */
  day: number;
  days: number;
  rowsThisDay: number;
}

export interface GenerateFactsOptions {
  /** DuckDB file holding the master data (from `generateMaster`). */
  database: string;
  config: RetailConfig;
  /** The generator packages of the run, as the app lists them. */
  generators: Readonly<Record<string, GeneratorPlugin>>;
  /** Only write these fact tables (all are still simulated, so the others stay consistent). */
  tables?: readonly string[];
  /** Called after each day is committed. */
  onDay?: (progress: FactDayProgress) => void;
}

/**
 * The fact tables a run writes: all of them, or the named ones. Throws a user
 * error naming an unknown or non-fact table (call it before touching data).
 *
 * @example
 * ```ts
 * resolveFactTables(generators, ['fact_receipts']); // [factReceipts]
 * resolveFactTables(generators, ['fact_nope']);     // throws UnknownTableError listing the tables
 * ```
 */
export function resolveFactTables(generators: Readonly<Record<string, GeneratorPlugin>>, tables?: readonly string[]): TableDefinition[] {
  const registry = createGeneratorRegistry(generators);
  const factTables = registry.catalog.tables.filter((table) => table.kind === 'fact');
  for (const name of tables ?? []) {
    const table = registry.catalog.get(name);
    if (table.kind !== 'fact') throw new InvalidArgumentError('--tables', name, `fact tables only: ${factTables.map((fact) => fact.name).join(', ')}`);
  }
  return tables ? factTables.filter((table) => tables.includes(table.name)) : factTables;
}

/**
 * Generates the fact history from `config.start` to `config.end` into a
 * DuckDB file that already holds master data. The fact tables are created
 * anew; each day's rows are appended in one transaction, so a failure loses
 * at most the day in progress.
 *
 * @example
 * ```ts
 * const counts = await generateFacts({ database: 'data/retail.duckdb', config, generators: { master, seasonal, inventory, receipts } });
 * ```
 */
export async function generateFacts(options: GenerateFactsOptions): Promise<TableRowCount[]> {
  const registry = createGeneratorRegistry(options.generators);
  const dimensionTables = registry.catalog.tables.filter((table) => table.kind === 'dimension');
  const factTables = registry.catalog.tables.filter((table) => table.kind === 'fact');
  const written = resolveFactTables(options.generators, options.tables);

  const store = await openStore(options.database);
  try {
    const existing = new Set(await store.existingTables());
    const missing = dimensionTables.filter((table) => !existing.has(table.name));
    if (missing.length > 0) {
      throw new RetailDatagenError({
        code: 'USER_INVALID_ARGUMENT',
        message: `${options.database} has no master data (missing ${missing.map((table) => table.name).join(', ')}); run \`datagen generate master --db ${options.database}\` first, or \`datagen generate all\``,
      });
    }
    const dims = new Map<string, ColumnBatch>();
    for (const table of dimensionTables) dims.set(table.name, await store.readTable(table));
    const storeCount = dims.get('dim_stores')?.length ?? 0;
    const run: FactRun = { config: options.config, dims, firstDay: dayNumberOf(options.config.start), lastDay: dayNumberOf(options.config.end), storeCount };
    const engine = new FactEngine(registry, run, { partitions: options.config.engine.partitions });

    await store.transaction(async () => {
      await store.dropTables(factTables);
      await store.createTables(written);
    });
    const writtenSet = new Set(written);
    const days = run.lastDay - run.firstDay + 1;
    for (let dayNumber = run.firstDay; dayNumber <= run.lastDay; dayNumber++) {
      const { batches } = engine.runDay(dayNumber);
      let rowsThisDay = 0;
      await store.transaction(async () => {
        for (const batch of batches) {
          if (!writtenSet.has(batch.table)) continue;
          rowsThisDay += batch.length;
          await store.appendBatch(batch);
        }
      });
      options.onDay?.({ dayNumber, date: isoDateOf(dayNumber), day: dayNumber - run.firstDay + 1, days, rowsThisDay });
    }
    const counts = await store.rowCounts(written);
    return written.map((table) => ({ table: table.name, rows: counts.get(table.name) ?? 0 }));
  } finally {
    store.close();
  }
}
