import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDuckDBSink, duckdbReadQuery, loadTable, readArrowFile, readManifest, type FileManifest } from '@retail-datagen/arrow';
import { openStore, type DuckDBStore } from '@retail-datagen/duckdb';
import { createGeneratorRegistry, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { createTableCatalog, InvalidArgumentError, parseConfig, UnknownTableError, type TableDefinition } from '@retail-datagen/models';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportDatabase, type ExportTableProgress } from './export-database.js';
import { generateFacts } from './generate-facts.js';
import { generateMaster } from './generate-master.js';

const generators: Readonly<Record<string, GeneratorPlugin>> = { master, seasonal, inventory, receipts };
const catalog = createGeneratorRegistry(generators).catalog;
let directory: string;
let database: string;
const config = parseConfig({
  seed: 11,
  start: '2024-03-01',
  end: '2024-03-03',
  volumes: { geographies: 8, stores: 6, distributionCenters: 2, customers: 800, products: 120 },
  traffic: { baseDailyCustomers: 120 },
  engine: { partitions: 5 },
});
/** Row count and hash of every table of the generated file. */
const original = new Map<string, { rows: number; hash: string }>();

async function withStore<T>(path: string, work: (store: DuckDBStore) => Promise<T>, readOnly = true): Promise<T> {
  const store = await openStore(path, { readOnly });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

/** Loads one exported table into a fresh DuckDB table, the way a user would read it, and gives its count and hash. */
async function readBack(out: string, manifest: FileManifest, table: TableDefinition): Promise<{ rows: number; hash: string }> {
  return withStore(
    ':memory:',
    async (store) => {
      await store.createTables([table]);
      const entry = manifest.tables.find((candidate) => candidate.name === table.name);
      if (entry === undefined) throw new Error(`${table.name} is not in the manifest`);
      if (manifest.format === 'arrow') {
        for (const file of entry.files) await loadTable(createDuckDBSink(store), table, readArrowFile(join(out, file.path)));
      } else {
        await store.query(`INSERT INTO ${table.name} ${duckdbReadQuery(out, manifest, entry)}`);
      }
      return { rows: (await store.rowCounts([table])).get(table.name) ?? 0, hash: await store.tableHash(table) };
    },
    false,
  );
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retail-datagen-export-'));
  database = join(directory, 'retail.duckdb');
  await generateMaster({ database, config, generators });
  await generateFacts({ database, config, generators });
  await withStore(database, async (store) => {
    const counts = await store.rowCounts(catalog.tables);
    for (const table of catalog.tables) {
      if (counts.has(table.name)) original.set(table.name, { rows: counts.get(table.name) ?? 0, hash: await store.tableHash(table) });
    }
  });
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('exportDatabase', () => {
  for (const format of ['parquet', 'arrow', 'csv'] as const) {
    test(`${format}: every table reads back with the same rows and hash; facts are partitioned by day`, async () => {
      const out = join(directory, `export-${format}`);
      const progress: ExportTableProgress[] = [];
      const result = await exportDatabase({ database, out, format, catalog, onTable: (event) => progress.push(event) });
      expect(original.size).toBeGreaterThanOrEqual(10);
      expect(result.tables.map((table) => table.table)).toEqual([...original.keys()]);
      expect(progress.filter((event) => event.phase === 'done').map((event) => [event.table, event.rows])).toEqual(
        [...original].map(([table, { rows }]) => [table, rows]),
      );

      const manifest = await readManifest(out);
      expect(manifest.format).toBe(format);
      for (const table of catalog.tables.filter((candidate) => original.has(candidate.name))) {
        const entry = manifest.tables.find((candidate) => candidate.name === table.name)!;
        expect(entry.rows, table.name).toBe(original.get(table.name)!.rows);
        expect(await readBack(out, manifest, table), table.name).toEqual(original.get(table.name));
      }
      const receiptsEntry = manifest.tables.find((entry) => entry.name === 'fact_receipts')!;
      expect(receiptsEntry.files.map((file) => file.path)).toEqual([
        `fact_receipts/event_date=2024-03-01/part-0.${format}`,
        `fact_receipts/event_date=2024-03-02/part-0.${format}`,
        `fact_receipts/event_date=2024-03-03/part-0.${format}`,
      ]);
      expect(manifest.tables.find((entry) => entry.name === 'dim_stores')?.files).toEqual([{ path: `dim_stores/part-0.${format}`, rows: original.get('dim_stores')!.rows }]);
      expect(readdirSync(out).sort()).toEqual([...[...original.keys()].filter((name) => manifest.tables.find((entry) => entry.name === name)!.files.length > 0), 'manifest.json'].sort());
    });
  }

  test('parquet: DuckDB reads a fact table with a glob and Hive partitioning; each row sits in the folder of its day', async () => {
    const out = join(directory, 'export-glob');
    await exportDatabase({ database, out, format: 'parquet', catalog, tables: ['fact_receipt_lines'] });
    const [row] = await withStore(':memory:', (store) =>
      store.query(
        `SELECT count(*) AS row_count, count(*) FILTER (WHERE event_date <> CAST(event_ts AS DATE)) AS misplaced FROM read_parquet('${out}/fact_receipt_lines/*/*.parquet', hive_partitioning = true)`,
      ),
      false,
    );
    expect(row).toEqual({ row_count: BigInt(original.get('fact_receipt_lines')!.rows), misplaced: 0n });
  });

  test('the files and their rows do not depend on the engine partition count the file was generated with', async () => {
    const repartitioned = join(directory, 'repartitioned.duckdb');
    const oneTable = { ...config, engine: { ...config.engine, partitions: 1 } };
    await generateMaster({ database: repartitioned, config: oneTable, generators });
    await generateFacts({ database: repartitioned, config: oneTable, generators });
    const contents = async (source: string, out: string) => {
      await exportDatabase({ database: source, out, format: 'parquet', catalog });
      const manifest = await readManifest(out);
      // Each file's rows as sorted text: the same multiset of rows in every file.
      return withStore(
        ':memory:',
        async (store) => {
          const files: Record<string, unknown> = {};
          for (const table of manifest.tables) {
            for (const file of table.files) {
              const [row] = await store.query(`SELECT count(*) AS row_count, md5(string_agg(CAST(r AS VARCHAR), '|' ORDER BY CAST(r AS VARCHAR))) AS content FROM read_parquet('${join(out, file.path)}') r`);
              files[file.path] = row;
            }
          }
          return files;
        },
        false,
      );
    };
    const fromFive = await contents(database, join(directory, 'export-five'));
    expect(Object.keys(fromFive).length).toBeGreaterThan(20);
    expect(await contents(repartitioned, join(directory, 'export-one'))).toEqual(fromFive);
  });

  test('exports only the named tables, replacing an earlier export of them and keeping the others in the manifest', async () => {
    const out = join(directory, 'export-subset');
    await exportDatabase({ database, out, format: 'csv', catalog, tables: ['dim_stores', 'fact_receipts'] });
    writeFileSync(join(out, 'fact_receipts', 'event_date=2024-03-01', 'stale.csv'), 'left from before\n');
    const result = await exportDatabase({ database, out, format: 'csv', catalog, tables: ['fact_receipts'] });
    expect(result.tables.map((table) => table.table)).toEqual(['fact_receipts']);
    expect(existsSync(join(out, 'fact_receipts', 'event_date=2024-03-01', 'stale.csv'))).toBe(false);
    expect(existsSync(join(out, 'dim_stores', 'part-0.csv'))).toBe(true);
    expect((await readManifest(out)).tables.map((table) => [table.name, table.rows])).toEqual([
      ['dim_stores', original.get('dim_stores')!.rows],
      ['fact_receipts', original.get('fact_receipts')!.rows],
    ]);
    // An export in another format starts a new manifest.
    await exportDatabase({ database, out, format: 'parquet', catalog, tables: ['fact_payments'] });
    expect((await readManifest(out)).tables.map((table) => table.name)).toEqual(['fact_payments']);
  });

  test('a failed export leaves the output folder as it was', async () => {
    const out = join(directory, 'export-failed');
    await exportDatabase({ database, out, format: 'arrow', catalog, tables: ['dim_stores', 'fact_receipts'] });
    const before = await readManifest(out);
    // A definition the file does not match: reading it fails after dim_stores was written.
    const receiptsTable = catalog.get('fact_receipts');
    const changed = { ...receiptsTable, fields: [...receiptsTable.fields, { ...receiptsTable.fields[0]!, name: 'Extra', column: 'extra' }] };
    const tampered = createTableCatalog([catalog.get('dim_stores'), changed]);
    await expect(exportDatabase({ database, out, format: 'arrow', catalog: tampered })).rejects.toThrow('the table has columns');
    expect(await readManifest(out)).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(['dim_stores', 'fact_receipts', 'manifest.json']);
  });

  for (const format of ['parquet', 'arrow', 'csv'] as const) {
    test(`${format} through an open read-write store: the same files and rows, and the store stays open and usable`, async () => {
      const copy = join(directory, `through-store-${format}.duckdb`);
      copyFileSync(database, copy);
      const out = join(directory, `export-store-${format}`);
      const store = await openStore(copy);
      try {
        const result = await exportDatabase({ database: copy, store, out, format, catalog });
        expect(result.tables.map((table) => [table.table, table.rows])).toEqual([...original].map(([table, { rows }]) => [table, rows]));
        const manifest = await readManifest(out);
        for (const name of ['dim_stores', 'fact_receipts', 'fact_payments']) {
          expect(await readBack(out, manifest, catalog.get(name)), name).toEqual(original.get(name));
        }
        expect(readdirSync(out).sort()).toEqual([...[...original.keys()].filter((name) => manifest.tables.find((entry) => entry.name === name)!.files.length > 0), 'manifest.json'].sort());
        // Still open, nothing attached is left behind, and the file was not changed.
        expect(await store.query("SELECT database_name FROM duckdb_databases() WHERE NOT internal ORDER BY 1")).toEqual([{ database_name: `through-store-${format}` }]);
        expect(await store.tableHash(catalog.get('fact_receipts'))).toBe(original.get('fact_receipts')!.hash);
      } finally {
        store.close();
      }
    });
  }

  test('refuses a bad format, an unknown table or one the file lacks, a missing file and a file as --out, before writing anything', async () => {
    const out = join(directory, 'never-written');
    await expect(exportDatabase({ database, out, format: 'xlsx', catalog })).rejects.toThrow(InvalidArgumentError);
    await expect(exportDatabase({ database, out, format: 'xlsx', catalog })).rejects.toThrow('--format: got "xlsx"; expected parquet, arrow or csv');
    await expect(exportDatabase({ database, out, format: 'csv', catalog, tables: ['fact_nope'] })).rejects.toThrow(UnknownTableError);
    await expect(exportDatabase({ database, out, format: 'csv', tables: ['fact_ble_pings'] })).rejects.toThrow(
      '--tables: got "fact_ble_pings"; expected a table that',
    );
    const missing = join(directory, 'missing.duckdb');
    await expect(exportDatabase({ database: missing, out, format: 'csv', catalog })).rejects.toThrow(`${missing} does not exist; generate it first`);
    const file = join(directory, 'a-file');
    writeFileSync(file, '');
    await expect(exportDatabase({ database, out: file, format: 'csv', catalog })).rejects.toThrow('--out: got');
    expect(existsSync(out)).toBe(false);
  });
});
