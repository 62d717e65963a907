import { access } from 'node:fs/promises';
import { openStore } from '@retail-datagen/duckdb';
import { RetailDatagenError, type RetailConfig, type TableCatalog } from '@retail-datagen/models';
import { checkDatabase, type CheckOptions } from './check-database.js';
import type { InvariantResult } from './invariant.js';
import { invariantsFor } from './invariants-for.js';

export interface CheckDatabaseFileOptions extends CheckOptions {
  /** The DuckDB file to check; opened read-only, never changed. */
  readonly database: string;
  /** The tables of the generators that wrote it (e.g. `createGeneratorRegistry(generators).catalog`). */
  readonly catalog: TableCatalog;
  /** The configuration it was generated with (rules such as the Christmas closure depend on it). */
  readonly config: Pick<RetailConfig, 'seasonality'>;
}

/**
 * Opens a generated DuckDB file read-only and runs every invariant of
 * {@link invariantsFor} on it.
 *
 * @throws RetailDatagenError (USER_INVALID_ARGUMENT) when the file does not exist.
 *
 * @example
 * ```ts
 * const results = await checkDatabaseFile({ database: 'data/retail.duckdb', catalog: registry.catalog, config });
 * const failed = results.filter((result) => result.status === 'failed');
 * ```
 */
export async function checkDatabaseFile(options: CheckDatabaseFileOptions): Promise<InvariantResult[]> {
  try {
    await access(options.database);
  } catch {
    throw new RetailDatagenError({
      code: 'USER_INVALID_ARGUMENT',
      message: `${options.database} does not exist; generate it first, e.g. \`datagen generate all --db ${options.database} --days 30\``,
    });
  }
  const store = await openStore(options.database, { readOnly: true });
  try {
    return await checkDatabase(store, invariantsFor(options.catalog, options.config), options);
  } finally {
    store.close();
  }
}
