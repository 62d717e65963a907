import type { DuckDBStore } from '@retail-datagen/duckdb';
import type { Invariant, InvariantResult } from './invariant.js';

export interface CheckOptions {
  /** Offending rows kept per failed invariant. Default 5. */
  readonly exampleLimit?: number;
  /** Called after each invariant, e.g. to print progress. */
  readonly onResult?: (result: InvariantResult, index: number, total: number) => void;
}

/**
 * Runs invariants against an open database, one query each (plus one for
 * examples when it fails). An invariant whose tables are not all present is
 * skipped, with the reason, rather than failed: a database generated with
 * `--tables` holds only some tables.
 *
 * @example
 * ```ts
 * const store = await openStore('data/retail.duckdb', { readOnly: true });
 * const results = await checkDatabase(store, [...catalogInvariants(catalog), ...storeInvariants(settings)]);
 * results.filter((result) => result.status === 'failed'); // [] for a healthy database
 * ```
 */
export async function checkDatabase(store: DuckDBStore, invariants: readonly Invariant[], options: CheckOptions = {}): Promise<InvariantResult[]> {
  const exampleLimit = options.exampleLimit ?? 5;
  const existing = new Set(await store.existingTables());
  const results: InvariantResult[] = [];
  for (const invariant of invariants) {
    const result = await checkOne(store, invariant, existing, exampleLimit);
    results.push(result);
    options.onResult?.(result, results.length, invariants.length);
  }
  return results;
}

async function checkOne(store: DuckDBStore, invariant: Invariant, existing: ReadonlySet<string>, exampleLimit: number): Promise<InvariantResult> {
  const base = { id: invariant.id, description: invariant.description };
  const missing = invariant.tables.filter((table) => !existing.has(table));
  if (missing.length > 0) {
    return { ...base, status: 'skipped', violations: 0, examples: [], reason: `missing table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };
  }
  const [counted] = await store.query(`SELECT count(*) AS violations FROM (${invariant.violations})`);
  const violations = Number(counted?.violations ?? 0);
  if (violations === 0) return { ...base, status: 'passed', violations: 0, examples: [] };
  const rows = await store.query(`SELECT * FROM (${invariant.violations}) LIMIT ${Math.max(0, Math.floor(exampleLimit))}`);
  return { ...base, status: 'failed', violations, examples: rows.map(asText) };
}

function asText(row: Record<string, unknown>): Record<string, string | null> {
  const text: Record<string, string | null> = {};
  for (const [column, value] of Object.entries(row)) {
    text[column] = value === null || value === undefined ? null : value instanceof Date ? value.toISOString().replace('T', ' ').replace('.000Z', '') : String(value);
  }
  return text;
}
