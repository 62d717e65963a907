import type { ColumnBatch } from '@retail-datagen/generator-core';
import { rowsOf } from './every-type-table.js';

/** Rows of several batches as sorted JSON lines: equal for the same multiset of rows. */
export function rowMultiset(batches: Iterable<ColumnBatch>): string[] {
  const lines: string[] = [];
  for (const batch of batches) for (const row of rowsOf(batch)) lines.push(JSON.stringify(row));
  return lines.sort();
}
