import { quoteIdentifier } from '@retail-datagen/duckdb';
import type { TableCatalog, TableDefinition } from '@retail-datagen/models';
import type { Invariant } from './invariant.js';

/**
 * The invariants every table declares through its definition: its primary
 * key is unique, and every field with `references` points at an existing
 * row (NULL allowed where the field is nullable). Generator packages get
 * them for free by declaring their tables.
 *
 * @example
 * ```ts
 * catalogInvariants(createTableCatalog([...builtInTables, loyaltyPoints])).map((invariant) => invariant.id);
 * // ['dim_geographies.primary-key', ..., 'fact_receipts.store_id.references', ...]
 * ```
 */
export function catalogInvariants(catalog: TableCatalog): Invariant[] {
  const invariants: Invariant[] = [];
  for (const table of catalog.tables) {
    invariants.push(primaryKeyInvariant(table));
    for (const field of table.fields) {
      if (!field.references) continue;
      const [parentName, parentColumn] = field.references.split('.') as [string, string];
      const child = quoteIdentifier(table.name);
      const column = quoteIdentifier(field.column);
      invariants.push({
        id: `${table.name}.${field.column}.references`,
        description: `${table.name}.${field.column} -> ${field.references}: every value exists`,
        tables: [table.name, parentName],
        violations:
          `SELECT DISTINCT c.${column} AS ${column} FROM ${child} c WHERE c.${column} IS NOT NULL AND NOT EXISTS ` +
          `(SELECT 1 FROM ${quoteIdentifier(parentName)} p WHERE p.${quoteIdentifier(parentColumn)} = c.${column})`,
      });
    }
  }
  return invariants;
}

function primaryKeyInvariant(table: TableDefinition): Invariant {
  const key = table.primaryKeyColumns.map(quoteIdentifier).join(', ');
  return {
    id: `${table.name}.primary-key`,
    description: `${table.name}: (${table.primaryKeyColumns.join(', ')}) is unique and not NULL`,
    tables: [table.name],
    violations:
      `SELECT ${key}, count(*) AS copies FROM ${quoteIdentifier(table.name)} GROUP BY ${key} ` +
      `HAVING count(*) > 1 OR ${table.primaryKeyColumns.map((column) => `${quoteIdentifier(column)} IS NULL`).join(' OR ')}`,
  };
}
