import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openStore, type DuckDBStore } from '@retail-datagen/duckdb';
import { checkGeneratorContract, createGeneratorRegistry, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { logistics } from '@retail-datagen/generator-logistics';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { parseConfig, type RetailConfigInput } from '@retail-datagen/models';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { factRunCheckpointThreshold, factRunDuckDBThreads, generateFacts } from './generate-facts.js';
import { generateHistory } from './generate-history.js';
import { generateMaster } from './generate-master.js';
import { readRuns } from './runs/run-log.js';
import { createLoyaltyGenerator } from './test-support/loyalty-points.js';
import { startUnitWorkers } from './workers/unit-executor.js';

const builtIn = { master, seasonal, inventory, receipts, logistics };
const execFileAsync = promisify(execFile);
const small: RetailConfigInput = {
  seed: 5,
  start: '2024-11-27',
  end: '2024-12-02',
  volumes: { geographies: 10, stores: 6, distributionCenters: 2, customers: 1_500, products: 150 },
  traffic: { baseDailyCustomers: 150 },
};

let directory: string;

const builtInModule = new URL('./test-support/built-in-generators.mjs', import.meta.url);

async function generate(
  name: string,
  input: RetailConfigInput,
  generators: Readonly<Record<string, GeneratorPlugin>> = builtIn,
  workers: { workers?: number; generatorsModule?: URL; batchRows?: number } = {},
): Promise<string> {
  const database = join(directory, `${name}.duckdb`);
  const config = parseConfig(input);
  await generateMaster({ database, config, generators });
  await generateFacts({ database, config, generators, ...workers });
  return database;
}

async function withStore<T>(database: string, work: (store: DuckDBStore) => Promise<T>): Promise<T> {
  const store = await openStore(database, { readOnly: true });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

async function hashes(database: string): Promise<Map<string, string>> {
  return withStore(database, async (store) => {
    const result = new Map<string, string>();
    for (const table of createGeneratorRegistry(builtIn).catalog.tables) result.set(table.name, await store.tableHash(table));
    return result;
  });
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retail-datagen-runner-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('generateFacts into DuckDB files', () => {
  test('the same seed and config give identical rows in every table, whatever the partition count; another seed differs in every table', async () => {
    const first = await hashes(await generate('first', { ...small, engine: { partitions: 16 } }));
    const again = await hashes(await generate('again', { ...small, engine: { partitions: 3 } }));
    const reseeded = await hashes(await generate('reseeded', { ...small, seed: 6 }));
    expect(first.size).toBe(17);
    expect(again).toEqual(first);
    for (const [table, hash] of first) expect(reseeded.get(table), table).not.toBe(hash);
  });

  test('worker threads and batch sizes change nothing: 0, 1 and 2 workers, --batch-rows 7 and 100000, give identical tables', async () => {
    const inline = await hashes(await generate('workers-0', small, builtIn, { workers: 0 }));
    const one = await hashes(await generate('workers-1', small, builtIn, { workers: 1, generatorsModule: builtInModule, batchRows: 7 }));
    const two = await hashes(await generate('workers-2', small, builtIn, { workers: 2, generatorsModule: builtInModule, batchRows: 100_000 }));
    expect(one).toEqual(inline);
    expect(two).toEqual(inline);
  });

  test('worker threads started ahead serve each run they are given: two histories with different seeds on one pool equal their inline runs', async () => {
    const reseeded = { ...small, seed: 6 };
    const inline = await hashes(await generate('ahead-inline-5', small, builtIn, { workers: 0 }));
    const inlineReseeded = await hashes(await generate('ahead-inline-6', reseeded, builtIn, { workers: 0 }));
    const unitWorkers = startUnitWorkers({ workers: 1, generatorsModule: builtInModule.href });
    try {
      const first = join(directory, 'ahead-5.duckdb');
      const second = join(directory, 'ahead-6.duckdb');
      const one = await generateHistory({ database: first, config: parseConfig(small), generators: builtIn, unitWorkers });
      const two = await generateHistory({ database: second, config: parseConfig(reseeded), generators: builtIn, unitWorkers });
      expect([one.facts?.cancelled, two.facts?.cancelled]).toEqual([false, false]);
      expect(await hashes(first)).toEqual(inline);
      expect(await hashes(second)).toEqual(inlineReseeded);
      expect(inlineReseeded).not.toEqual(inline);
    } finally {
      await unitWorkers.close();
    }
  });

  test('a generator module the workers cannot use fails the run with its reason, and the run is recorded as failed', async () => {
    const database = join(directory, 'bad-module.duckdb');
    const config = parseConfig(small);
    await generateMaster({ database, config, generators: builtIn });
    const module = new URL('./test-support/no-generators.mjs', import.meta.url);
    await expect(generateFacts({ database, config, generators: builtIn, workers: 1, generatorsModule: module })).rejects.toThrow(
      `${module.href} exports no \`generators\` record of generator packages`,
    );
    expect((await readRuns(database)).runs.map((run) => run.status)).toEqual(['failed']);
  });

  test('RETAIL_BATCH_ROWS sets the batch size when --batch-rows is not given, and a bad value is refused naming it', async () => {
    const database = join(directory, 'bad-batch-rows.duckdb');
    const config = parseConfig(small);
    await generateMaster({ database, config, generators: builtIn });
    process.env['RETAIL_BATCH_ROWS'] = 'many';
    try {
      await expect(generateFacts({ database, config, generators: builtIn })).rejects.toThrow('RETAIL_BATCH_ROWS: got "many"; expected a whole number from 1 to 1,000,000');
      // The option wins over the environment.
      await expect(generateFacts({ database, config, generators: builtIn, batchRows: 'none' })).rejects.toThrow('--batch-rows: got "none"');
    } finally {
      delete process.env['RETAIL_BATCH_ROWS'];
    }
  });

  test('memory is bounded by the days in flight, not by the range: peak RSS of 3x the days is within 20% of 1x', async () => {
    const probe = fileURLToPath(new URL('./test-support/rss-probe.mjs', import.meta.url));
    const peakRss = async (days: number) => {
      const { stdout } = await execFileAsync(process.execPath, [probe, join(directory, `rss-${days}.duckdb`), String(days), '1']);
      return Number(stdout.trim());
    };
    const one = await peakRss(6);
    const three = await peakRss(18);
    expect(one).toBeGreaterThan(50_000);
    expect(three / one).toBeLessThan(1.2);
  });

  test('the run log takes its times from the clock option, the only time source of its bookkeeping', async () => {
    const database = join(directory, 'clock.duckdb');
    const config = parseConfig({ ...small, end: small.start });
    await generateMaster({ database, config, generators: builtIn });
    const clock = () => new Date('2030-01-02T03:04:05.000Z');
    await generateFacts({ database, config, generators: builtIn, clock });
    const { runs } = await readRuns(database);
    expect(runs.map((run) => [run.startedAt, run.finishedAt])).toEqual([['2030-01-02T03:04:05.000Z', '2030-01-02T03:04:05.000Z']]);
  });

  test('workers need the generator packages as a module', async () => {
    const database = join(directory, 'no-module.duckdb');
    const config = parseConfig(small);
    await generateMaster({ database, config, generators: builtIn });
    await expect(generateFacts({ database, config, generators: builtIn, workers: 2 })).rejects.toThrow(
      '--workers: got "2"; expected 0 unless the generator packages come from a module (generatorsModule)',
    );
    expect((await readRuns(database)).runs).toEqual([]);
  });

  test('a bad worker count is refused before the file is touched: no run is recorded', async () => {
    const database = join(directory, 'bad-workers.duckdb');
    const config = parseConfig(small);
    await generateMaster({ database, config, generators: builtIn });
    await expect(generateFacts({ database, config, generators: builtIn, workers: -1 })).rejects.toThrow('--workers: got "-1"; expected a whole number from 0 to 256');
    expect((await readRuns(database)).runs).toEqual([]);
  });

  test('the write-ahead log a run keeps before a checkpoint is at most its DuckDB memory limit', () => {
    expect(factRunCheckpointThreshold()).toBe('128MB');
    expect(factRunCheckpointThreshold('192MB')).toBe('128MB');
    expect(factRunCheckpointThreshold('64MB')).toBe('64MB');
    expect(factRunCheckpointThreshold('0.1 GiB')).toBe('0.1 GiB');
    expect(factRunCheckpointThreshold('2GB')).toBe('128MB');
    expect(factRunCheckpointThreshold('lots')).toBe('128MB');
  });

  test('DuckDB gets the cores the main thread and the worker threads leave, at least one', () => {
    expect(factRunDuckDBThreads(1, 2)).toBe(1);
    expect(factRunDuckDBThreads(0, 2)).toBe(1);
    expect(factRunDuckDBThreads(0, 1)).toBe(1);
    expect(factRunDuckDBThreads(3, 8)).toBe(4);
    expect(factRunDuckDBThreads(7, 8)).toBe(1);
  });

  test('a generator package from outside the built-in set lands its table in DuckDB without any engine edit', async () => {
    const database = await generate('loyalty', small, { ...builtIn, loyalty: createLoyaltyGenerator({ pointsPerDollar: 10, bonusChance: 0.1 }) });
    await withStore(database, async (store) => {
      expect(await store.existingTables()).toContain('fact_loyalty_points');
      const [summary] = await store.query(`
        SELECT count(*) AS rows,
               count(*) FILTER (WHERE r.receipt_id_ext IS NULL OR r.customer_id IS DISTINCT FROM p.customer_id OR r.event_ts <> p.event_ts) AS mismatched,
               count(*) FILTER (WHERE p.points <> sign(r.total_amount) * floor(abs(r.total_amount)) * 10 * CASE WHEN p.bonus THEN 2 ELSE 1 END) AS wrong_points,
               count(*) FILTER (WHERE p.bonus) AS bonus_rows
        FROM fact_loyalty_points p LEFT JOIN fact_receipts r USING (receipt_id_ext)`);
      const [known] = await store.query('SELECT count(*) AS receipts FROM fact_receipts WHERE customer_id IS NOT NULL');
      expect(Number(summary?.rows)).toBeGreaterThan(1_000);
      expect(Number(summary?.rows)).toBe(Number(known?.receipts));
      expect(Number(summary?.mismatched)).toBe(0);
      expect(Number(summary?.wrong_points)).toBe(0);
      expect(Number(summary?.bonus_rows) / Number(summary?.rows)).toBeGreaterThan(0.05);
      expect(Number(summary?.bonus_rows) / Number(summary?.rows)).toBeLessThan(0.15);
    });
  });

  test('the example package keeps the generator contract', async () => {
    expect(await checkGeneratorContract({ subject: 'loyalty', generators: { ...builtIn, loyalty: createLoyaltyGenerator() } })).toEqual([]);
  });

  test('facts need master data first, and say how to make it', async () => {
    const database = join(directory, 'empty.duckdb');
    await expect(generateFacts({ database, config: parseConfig(small), generators: builtIn })).rejects.toThrow(
      `${database} has no master data (missing dim_geographies, dim_stores, dim_distribution_centers, dim_trucks, dim_customers, dim_products); run \`datagen generate master --db ${database}\` first, or \`datagen generate all\``,
    );
  });
});
