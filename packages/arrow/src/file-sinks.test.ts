import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type DuckDBStore } from '@retail-datagen/duckdb';
import type { ColumnBatch } from '@retail-datagen/generator-core';
import type { TableDefinition } from '@retail-datagen/models';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArrowFileSink } from './arrow-file-sink.js';
import { readArrowFile } from './arrow-file-reader.js';
import { loadTable, loadTables } from './batch-sink.js';
import { createDuckDBSink } from './duckdb-sink.js';
import { createFileSink } from './file-sink.js';
import { duckdbReadQuery, readManifest, type FileManifest } from './file-manifest.js';
import { fromRecordBatch, toRecordBatch } from './record-batch.js';
import { createStagedFileSink } from './staged-file-sink.js';
import { everyTypeBatch, everyTypeTable, generatedRows, smallBatch, smallTable } from './test-support/every-type-table.js';
import { rowMultiset } from './test-support/rows.js';
import { createTemporaryDirectory } from './test-support/temporary-directory.js';

let directory: { path: string; remove: () => void };
const stores: DuckDBStore[] = [];

beforeEach(() => {
  directory = createTemporaryDirectory();
});
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  directory.remove();
});

async function memoryStore(): Promise<DuckDBStore> {
  const store = await openStore(':memory:');
  stores.push(store);
  return store;
}

/** Three batches of the every-type table spanning three days, one dictionary-encoded, one plain, one as a RecordBatch. */
function inputBatches(): ColumnBatch[] {
  return [everyTypeBatch(generatedRows(400)), everyTypeBatch(generatedRows(300, 400), { plainCategory: true }), everyTypeBatch(generatedRows(200, 700))];
}

/** The hash of the same rows appended straight into DuckDB: what every file format must give back. */
async function expectedHash(table: TableDefinition, batches: ColumnBatch[]): Promise<string> {
  const store = await memoryStore();
  await loadTable(createDuckDBSink(store), table, batches);
  return store.tableHash(table);
}

/** Reads a table of an output folder back into a fresh DuckDB table and hashes it. */
async function readBackHash(manifest: FileManifest, table: TableDefinition): Promise<{ hash: string; rows: number }> {
  const store = await memoryStore();
  await store.createTables([table]);
  const entry = manifest.tables.find((candidate) => candidate.name === table.name);
  if (!entry) throw new Error(`no ${table.name} in the manifest`);
  if (manifest.format === 'arrow') {
    for (const file of entry.files) await loadTable(createDuckDBSink(store), table, readArrowFile(join(directory.path, file.path)));
  } else {
    await store.query(`INSERT INTO ${table.name} ${duckdbReadQuery(directory.path, manifest, entry)}`);
  }
  const counts = await store.rowCounts([table]);
  return { hash: await store.tableHash(table), rows: counts.get(table.name) ?? 0 };
}

describe('file sinks', () => {
  for (const format of ['arrow', 'parquet', 'csv'] as const) {
    it(`${format}: writes facts partitioned by day and dims in one folder, and reads back to the same rows`, async () => {
      const batches = inputBatches();
      const sink = createFileSink({ directory: directory.path, format });
      // Interleave tables as a day of generation does; one batch arrives as an Arrow RecordBatch.
      await sink.write(everyTypeTable, batches[0]!);
      await sink.write(smallTable, smallBatch(['north', 'süd', '']));
      await sink.write(everyTypeTable, toRecordBatch(batches[1]!));
      await sink.write(everyTypeTable, batches[2]!);
      await sink.write(smallTable, smallBatch(['east'], 4));
      const summary = await sink.close();
      expect(summary.tables.map((table) => [table.table, table.rows])).toEqual([
        ['test_every_type', 900],
        ['test_small', 4],
      ]);

      const manifest = await readManifest(directory.path);
      expect(summary.manifestPath).toBe(join(directory.path, 'manifest.json'));
      expect(manifest.format).toBe(format);
      const facts = manifest.tables[0]!;
      expect(facts.partitioning).toEqual({ style: 'hive', column: 'event_date', type: 'DATE', sourceColumn: 'event_ts' });
      expect(new Set(facts.files.map((file) => file.partition?.event_date))).toEqual(new Set(['2024-01-01', '2024-01-02', '2024-01-03']));
      for (const file of facts.files) {
        expect(file.path).toMatch(new RegExp(`^test_every_type/event_date=${file.partition?.event_date}/part-\\d+\\.${format}$`));
        expect(existsSync(join(directory.path, file.path))).toBe(true);
      }
      expect(facts.files.reduce((sum, file) => sum + file.rows, 0)).toBe(900);
      expect(manifest.tables[1]).toMatchObject({ name: 'test_small', partitioning: null, rows: 4 });
      expect(manifest.tables[1]!.files.every((file) => /^test_small\/part-\d+\./.test(file.path))).toBe(true);
      expect(facts.columns.find((column) => column.name === 'unit_price')).toEqual({
        name: 'unit_price',
        field: 'UnitPrice',
        type: 'money',
        nullable: true,
        duckdbType: 'DECIMAL(12,2)',
        arrowType: 'Decimal128(12, 2)',
      });

      expect(await readBackHash(manifest, everyTypeTable)).toEqual({ hash: await expectedHash(everyTypeTable, batches), rows: 900 });
      expect((await readBackHash(manifest, smallTable)).hash).toBe(await expectedHash(smallTable, [smallBatch(['north', 'süd', '']), smallBatch(['east'], 4)]));
    });
  }

  it('arrow: files hold plain Utf8 strings whatever the batches held, readable by apache-arrow', async () => {
    const batches = inputBatches();
    const summary = await loadTables(createArrowFileSink({ directory: directory.path }), [[everyTypeTable, batches]]);
    const read: ColumnBatch[] = [];
    for (const file of summary.tables[0]!.files) {
      for await (const recordBatch of readArrowFile(join(directory.path, file.path))) {
        expect(String(recordBatch.schema.fields.find((field) => field.name === 'category')?.type)).toBe('Utf8');
        read.push(fromRecordBatch(recordBatch, everyTypeTable));
      }
    }
    expect(rowMultiset(read)).toEqual(rowMultiset(batches));
  });

  it('arrow: a record batch in day order is written as slices, one per day; one in no order is regrouped', async () => {
    const rows = generatedRows(600);
    const byDay = [...rows].sort((one, other) => one.eventMilliseconds - other.eventMilliseconds || one.id - other.id);
    const sink = createArrowFileSink({ directory: directory.path });
    await sink.write(everyTypeTable, toRecordBatch(everyTypeBatch(byDay), { strings: 'utf8' }));
    await sink.write(everyTypeTable, toRecordBatch(everyTypeBatch(generatedRows(300, 600)), { strings: 'utf8' }));
    const { tables } = await sink.close();
    expect(tables[0]!.files.map((file) => [file.partition?.event_date, file.rows])).toEqual([
      ['2024-01-01', 300],
      ['2024-01-02', 300],
      ['2024-01-03', 300],
    ]);
    const read: ColumnBatch[] = [];
    for (const file of tables[0]!.files) {
      const day = file.partition?.event_date;
      for await (const recordBatch of readArrowFile(join(directory.path, file.path))) {
        const batch = fromRecordBatch(recordBatch, everyTypeTable);
        expect(Array.from(batch.columns.EventTS as Float64Array).every((milliseconds) => new Date(milliseconds).toISOString().startsWith(day!))).toBe(true);
        read.push(batch);
      }
    }
    expect(rowMultiset(read)).toEqual(rowMultiset([everyTypeBatch(generatedRows(900))]));
  });

  it('arrow: with fewer open files than partitions, a partition that comes back continues in a new part file', async () => {
    const sink = createArrowFileSink({ directory: directory.path, maxOpenFiles: 1 });
    const rows = generatedRows(60);
    for (let start = 0; start < 60; start += 10) await sink.write(everyTypeTable, everyTypeBatch(rows.slice(start, start + 10)));
    const { tables } = await sink.close();
    const files = tables[0]!.files;
    expect(files.some((file) => file.path.endsWith('part-1.arrow'))).toBe(true);
    expect(files.reduce((sum, file) => sum + file.rows, 0)).toBe(60);
    const read: ColumnBatch[] = [];
    for (const file of files) for await (const recordBatch of readArrowFile(join(directory.path, file.path))) read.push(fromRecordBatch(recordBatch, everyTypeTable));
    expect(rowMultiset(read)).toEqual(rowMultiset([everyTypeBatch(rows)]));
  });

  for (const format of ['parquet', 'csv'] as const) {
    it(`${format}: flushes the staging database when it holds flushRows rows, adding part files`, async () => {
      const batches = inputBatches();
      const sink = createStagedFileSink({ directory: directory.path, format, flushRows: 250 });
      for (const batch of batches) await sink.write(everyTypeTable, batch);
      await sink.close();
      const manifest = await readManifest(directory.path);
      const files = manifest.tables[0]!.files;
      expect(files.filter((file) => file.partition?.event_date === '2024-01-01').map((file) => file.path.split('/').pop())).toEqual(['part-0.' + format, 'part-1.' + format, 'part-2.' + format]);
      expect(await readBackHash(manifest, everyTypeTable)).toEqual({ hash: await expectedHash(everyTypeTable, batches), rows: 900 });
      expect(readdirSync(directory.path).sort()).toEqual(['manifest.json', 'test_every_type']);
    });
  }

  it('writes an empty file for an unpartitioned table without rows, and none for an empty fact table', async () => {
    const summary = await loadTables(createFileSink({ directory: directory.path, format: 'parquet' }), [
      [smallTable, [smallBatch([])]],
      [everyTypeTable, [everyTypeBatch([])]],
    ]);
    expect(summary.tables.map((table) => [table.table, table.files.length, table.rows])).toEqual([
      ['test_small', 1, 0],
      ['test_every_type', 0, 0],
    ]);
    const manifest = await readManifest(directory.path);
    expect(await readBackHash(manifest, smallTable)).toMatchObject({ rows: 0 });
    expect(await readBackHash(manifest, everyTypeTable)).toMatchObject({ rows: 0 });
  });

  it('duckdb: appends column batches and record batches, creating the table on first write', async () => {
    const store = await memoryStore();
    const batches = inputBatches();
    const summary = await loadTables(createDuckDBSink(store), [[everyTypeTable, [batches[0]!, toRecordBatch(batches[1]!), toRecordBatch(batches[2]!, { strings: 'utf8' })]]]);
    expect(summary).toEqual({ format: 'duckdb', tables: [{ table: 'test_every_type', rows: 900, files: [] }] });
    expect(await store.tableHash(everyTypeTable)).toBe(await expectedHash(everyTypeTable, batches));
  });
});
