import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './duckdb-store.js';
import { everyTypeBatch, everyTypeTable, generatedRows } from './test-support/every-type-table.js';
import { createTemporaryDirectory } from './test-support/temporary-directory.js';

const directory = createTemporaryDirectory();
afterAll(() => directory.remove());

describe('readTable', () => {
  it('reads back exactly what was appended, in the in-memory shapes, ordered by key', async () => {
    const rows = generatedRows(5000);
    const shuffled = [...rows].reverse();
    const store = await openStore(join(directory.path, 'read.duckdb'));
    try {
      await store.replaceTables([everyTypeBatch(shuffled)]);
      const batch = await store.readTable(everyTypeTable);
      const expected = everyTypeBatch(rows);
      expect(batch.length).toBe(rows.length);
      for (const field of everyTypeTable.fields) {
        const read = batch.columns[field.name];
        const want = expected.columns[field.name];
        const mask = expected.validity[field.name];
        if (field.type === 'string') {
          const values = Array.isArray(want) ? want : Array.from((want as unknown as { codes: Int32Array }).codes, (code) => (code < 0 ? null : (want as unknown as { dictionary: string[] }).dictionary[code]));
          expect(read, field.name).toEqual(values.map((value, row) => (mask && mask[row] === 0 ? null : value)));
        } else {
          const masked = Array.from(want as ArrayLike<number>, (value, row) => (mask && mask[row] === 0 ? null : value));
          const got = Array.from(read as ArrayLike<number>, (value, row) => (batch.validity[field.name]?.[row] === 0 ? null : value));
          expect(got, field.name).toEqual(masked);
        }
      }
    } finally {
      store.close();
    }
  });
});
