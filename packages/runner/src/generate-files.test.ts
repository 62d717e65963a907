import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuckDBSink, duckdbReadQuery, loadTable, readArrowFile, readManifest } from '@retail-datagen/arrow';
import { openStore } from '@retail-datagen/duckdb';
import { createGeneratorRegistry } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { logistics } from '@retail-datagen/generator-logistics';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { parseConfig } from '@retail-datagen/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from './generate-history.js';
import { generateToFiles } from './generate-files.js';

const generators = { master, seasonal, inventory, receipts, logistics };
const catalog = createGeneratorRegistry(generators).catalog;
const config = parseConfig({
  seed: 21,
  start: '2024-11-28',
  end: '2024-11-30',
  volumes: { geographies: 10, stores: 4, distributionCenters: 2, customers: 600, products: 100 },
  traffic: { baseDailyCustomers: 120 },
});

let directory: string;
let referenceRun: Promise<string> | undefined;
/** The same config generated into DuckDB, once for the file. */
function referenceDatabase(): Promise<string> {
  referenceRun ??= (async () => {
    const database = join(directory, 'reference.duckdb');
    await generateHistory({ database, config, generators });
    return database;
  })();
  return referenceRun;
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retail-datagen-files-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('generateToFiles', () => {
  it('writes Parquet files, facts partitioned by day, holding the same rows as a run into DuckDB', async () => {
    const out = join(directory, 'lake');
    const result = await generateToFiles({ out, format: 'parquet', config, generators });
    expect(result).toMatchObject({ format: 'parquet', days: 3, writtenDays: 3, cancelled: false, manifestPath: join(out, 'manifest.json') });
    const manifest = await readManifest(out);

    const reference = await openStore(await referenceDatabase(), { readOnly: true });
    const scratch = await openStore(':memory:');
    try {
      for (const table of catalog.tables) {
        const entry = manifest.tables.find((candidate) => candidate.name === table.name);
        expect(entry, table.name).toBeDefined();
        await scratch.createTables([table]);
        await scratch.query(`INSERT INTO ${table.name} ${duckdbReadQuery(out, manifest, entry!)}`);
        expect(await scratch.tableHash(table), table.name).toBe(await reference.tableHash(table));
        expect(result.tables.find((written) => written.table === table.name)?.rows, table.name).toBe((await reference.rowCounts([table])).get(table.name));
      }
      const [days] = await scratch.query(`SELECT count(DISTINCT event_date)::INTEGER AS n FROM read_parquet('${join(out, 'fact_receipts')}/**/*.parquet', hive_partitioning = true)`);
      expect(days).toEqual({ n: 3 });
    } finally {
      reference.close();
      scratch.close();
    }
  });

  it('cuts Arrow record batches to --batch-rows, merging small ones, on worker threads, with the same rows as a run into DuckDB', async () => {
    const out = join(directory, 'arrow-batches');
    const result = await generateToFiles({ out, format: 'arrow', config, generators, batchRows: 500, workers: 1, generatorsModule: new URL('./test-support/built-in-generators.mjs', import.meta.url) });
    const manifest = await readManifest(out);
    const entry = manifest.tables.find((candidate) => candidate.name === 'fact_receipt_lines');
    expect(entry?.files.length).toBe(3);
    const sizes: number[] = [];
    for (const file of entry?.files ?? []) for await (const recordBatch of readArrowFile(join(out, file.path))) sizes.push(recordBatch.numRows);
    // Every day's rows in batches of 500 but its last: unit batches of a few dozen rows were merged.
    expect(Math.max(...sizes)).toBe(500);
    expect(sizes.filter((size) => size < 500).length).toBeLessThanOrEqual(3);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(result.tables.find((written) => written.table === 'fact_receipt_lines')?.rows);

    const reference = await openStore(await referenceDatabase(), { readOnly: true });
    const scratch = await openStore(':memory:');
    try {
      for (const table of catalog.tables.filter((candidate) => candidate.kind === 'fact')) {
        const tableEntry = manifest.tables.find((candidate) => candidate.name === table.name);
        await scratch.createTables([table]);
        for (const file of tableEntry?.files ?? []) await loadTable(createDuckDBSink(scratch), table, readArrowFile(join(out, file.path)));
        expect(await scratch.tableHash(table), table.name).toBe(await reference.tableHash(table));
      }
    } finally {
      reference.close();
      scratch.close();
    }
  });

  it('refuses a folder that holds files and an unknown format before writing anything', async () => {
    const used = join(directory, 'used');
    await mkdir(used);
    await writeFile(join(used, 'notes.txt'), 'keep me');
    await expect(generateToFiles({ out: used, format: 'parquet', config, generators })).rejects.toThrow(/--out.*used.*a new or empty folder; it holds notes\.txt/);
    await expect(generateToFiles({ out: join(directory, 'new'), format: 'xlsx', config, generators })).rejects.toThrow(/--format.*xlsx.*parquet, arrow or csv/);
    await expect(generateToFiles({ out: join(directory, 'new'), format: 'csv', config, generators, batchRows: '0' })).rejects.toThrow(
      '--batch-rows: got "0"; expected a whole number from 1 to 1,000,000',
    );
  });
});
