import type { TableDefinition } from '@retail-datagen/models';
import { quoteIdentifier } from './table-ddl.js';

/**
 * SQL giving `row_count` and `hash` (32 hex digits) of a table's content.
 *
 * Each row is written as text, every column length-prefixed (`5:hello`, NULL
 * as `-`) so no two different rows read the same, and hashed with DuckDB's
 * built-in md5. The row hashes are then summed (both 64-bit halves, as
 * HUGEINT) and the sums and the row count are md5-ed once more. A sum does not
 * depend on the order rows were inserted in and, unlike XOR, two equal rows
 * do not cancel, so the hash is the same for the same multiset of rows and
 * differs when any value differs. It streams: no sort by primary key and no
 * table-sized string, so it works on fact tables of any size.
 *
 * Text forms are DuckDB's casts to VARCHAR (DECIMAL `123.45`, TIMESTAMP
 * `2024-01-01 08:00:00.123`, DOUBLE shortest round-trip), so hashes compare
 * across runs and machines with the same DuckDB version.
 */
export function tableHashStatement(table: TableDefinition): string {
  const columns = table.fields.map((field) => {
    const text = `CAST(${quoteIdentifier(field.column)} AS VARCHAR)`;
    return `coalesce(length(${text}) || ':' || ${text}, '-')`;
  });
  const rowText = `concat_ws('|', ${columns.join(', ')})`;
  return [
    'SELECT count(*) AS row_count,',
    "  md5(concat(count(*), ':', coalesce(sum(md5_number_lower(row_text)::HUGEINT), 0), ':', coalesce(sum(md5_number_upper(row_text)::HUGEINT), 0))) AS hash",
    `FROM (SELECT ${rowText} AS row_text FROM ${quoteIdentifier(table.name)})`,
  ].join('\n');
}
