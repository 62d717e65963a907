import { RetailDatagenError } from './retail-datagen-error.js';

/**
 * Thrown when a table name is not in the models' allowlist. Lists what is allowed.
 *
 * @example
 * ```ts
 * getTable('fact_nope'); // UnknownTableError: unknown table "fact_nope"; known tables: dim_geographies, ...
 * ```
 */
export class UnknownTableError extends RetailDatagenError {
  readonly tableName: string;
  readonly knownTables: readonly string[];

  constructor(tableName: string, knownTables: readonly string[]) {
    super({
      code: 'USER_UNKNOWN_TABLE',
      message: `unknown table ${JSON.stringify(tableName)}; known tables: ${knownTables.join(', ')}`,
    });
    this.name = 'UnknownTableError';
    this.tableName = tableName;
    this.knownTables = knownTables;
  }
}
