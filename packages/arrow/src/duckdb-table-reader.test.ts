import { join } from 'node:path';
import { openStore } from '@retail-datagen/duckdb';
import { StorageError } from '@retail-datagen/duckdb';
import type { ColumnBatch } from '@retail-datagen/generator-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTableToFiles } from './copy-table-to-files.js';
import { openDuckDBTableReader } from './duckdb-table-reader.js';
import { everyTypeBatch, everyTypeTable, generatedRows, smallBatch, smallTable } from './test-support/every-type-table.js';
import { rowMultiset } from './test-support/rows.js';
import { createTemporaryDirectory } from './test-support/temporary-directory.js';

let directory: { path: string; remove: () => void };
let databasePath: string;
const rows = generatedRows(5_000);

beforeEach(async () => {
  directory = createTemporaryDirectory();
  databasePath = join(directory.path, 'source.duckdb');
  const store = await openStore(databasePath);
  await store.createTables([everyTypeTable, smallTable]);
  await store.appendBatch(everyTypeBatch(rows));
  await store.appendBatch(smallBatch(['a', 'b', 'c']));
  store.close();
});
afterEach(() => directory.remove());

describe('openDuckDBTableReader', () => {
  it('streams a table in batches of at most batchRows rows, giving back exactly the rows stored', async () => {
    const reader = await openDuckDBTableReader(databasePath);
    try {
      const batches: ColumnBatch[] = [];
      for await (const batch of reader.batches(everyTypeTable, { batchRows: 2_048 })) batches.push(batch);
      expect(batches.map((batch) => batch.length)).toEqual([2_048, 2_048, 904]);
      expect(rowMultiset(batches)).toEqual(rowMultiset([everyTypeBatch(rows)]));
      // Insertion order is kept.
      expect(Array.from(batches[0]!.columns.ID as Int32Array).slice(0, 3)).toEqual([0, 1, 2]);
    } finally {
      reader.close();
    }
  });

  it('reads next to a read-only store of the same file', async () => {
    const store = await openStore(databasePath, { readOnly: true });
    const reader = await openDuckDBTableReader(databasePath);
    try {
      const batches: ColumnBatch[] = [];
      for await (const batch of reader.batches(smallTable)) batches.push(batch);
      expect(rowMultiset(batches)).toEqual(rowMultiset([smallBatch(['a', 'b', 'c'])]));
      expect((await store.rowCounts([smallTable])).get('test_small')).toBe(3);
    } finally {
      reader.close();
      store.close();
    }
  });

  it('refuses a missing table or one whose columns differ from the definition', async () => {
    const reader = await openDuckDBTableReader(databasePath);
    try {
      const other = { ...smallTable, name: 'test_missing' };
      await expect(reader.batches(other)[Symbol.asyncIterator]().next()).rejects.toThrow(`cannot read test_missing from ${databasePath}: the table does not exist`);
      const renamed = { ...smallTable, fields: [smallTable.fields[0]!, { ...smallTable.fields[1]!, column: 'label' }] };
      await expect(reader.batches(renamed)[Symbol.asyncIterator]().next()).rejects.toThrow('the table has columns (id INTEGER, name VARCHAR) but its definition has (id INTEGER, label VARCHAR)');
    } finally {
      reader.close();
    }
  });

  it('names the file it cannot open', async () => {
    const missing = join(directory.path, 'missing.duckdb');
    await expect(openDuckDBTableReader(missing)).rejects.toThrow(StorageError);
    await expect(openDuckDBTableReader(missing)).rejects.toThrow(`cannot open DuckDB database ${missing} for reading`);
  });
});

describe('copyTableToFiles', () => {
  it('copies a table of a read-only store into day partitions with their row counts', async () => {
    const store = await openStore(databasePath, { readOnly: true });
    try {
      const out = join(directory.path, 'out');
      const files = await copyTableToFiles(store, everyTypeTable, { directory: out, format: 'parquet' });
      const perDay = new Map<string, number>();
      for (const row of rows) {
        const day = new Date(row.eventMilliseconds).toISOString().slice(0, 10);
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
      }
      expect(files).toEqual(
        [...perDay].sort().map(([day, count]) => ({ path: `test_every_type/event_date=${day}/part-0.parquet`, rows: count, partition: { event_date: day } })),
      );
      const [counted] = await store.query(`SELECT count(*) AS n, count(DISTINCT event_date) AS days FROM read_parquet('${out}/test_every_type/*/*.parquet', hive_partitioning = true)`);
      expect(counted).toEqual({ n: 5_000n, days: 3n });
      expect(await copyTableToFiles(store, smallTable, { directory: out, format: 'csv' })).toEqual([{ path: 'test_small/part-0.csv', rows: 3 }]);
    } finally {
      store.close();
    }
  });
});
