import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@retail-datagen/duckdb';
import { builtInCatalog, dimensionTables } from '@retail-datagen/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.js';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'datagen-cli-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function hashes(database: string): Promise<Record<string, string>> {
  const store = await openStore(database);
  try {
    const result: Record<string, string> = {};
    for (const table of dimensionTables) result[table.name] = await store.tableHash(table);
    return result;
  } finally {
    store.close();
  }
}

describe('datagen generate master', () => {
  it('writes every dim and prints a row-count table', async () => {
    const database = join(directory, 'nested', 'A.duckdb');
    const result = await runCli(['generate', 'master', '--db', database, '--seed', '7']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const table of dimensionTables) expect(result.stdout).toMatch(new RegExp(`^${table.name}\\s+[\\d,]+$`, 'm'));
    expect(result.stdout).toMatch(/^dim_stores\s+24$/m);
    expect(result.stdout).toMatch(/^total\s+[\d,]+$/m);
  });

  it('gives identical rows for the same seed and different rows for another seed', async () => {
    const a = join(directory, 'nested', 'A.duckdb');
    const b = join(directory, 'B.duckdb');
    const c = join(directory, 'C.duckdb');
    expect((await runCli(['generate', 'master', '--db', b, '--seed', '7'])).code).toBe(0);
    expect((await runCli(['generate', 'master', '--db', c, '--seed', '8'])).code).toBe(0);
    const [hashA, hashB, hashC] = await Promise.all([hashes(a), hashes(b), hashes(c)]);
    expect(hashB).toEqual(hashA);
    for (const table of dimensionTables) expect(hashC[table.name], table.name).not.toBe(hashA[table.name]);
  });

  it('replaces the dims when run again on the same file', async () => {
    const database = join(directory, 'again.duckdb');
    const config = join(directory, 'small.json');
    await writeFile(config, JSON.stringify({ volumes: { stores: 5, customers: 50 } }));
    expect((await runCli(['generate', 'master', '--db', database])).code).toBe(0);
    const second = await runCli(['generate', 'master', '--db', database, '--config', config]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^dim_stores\s+5$/m);
    const store = await openStore(database);
    try {
      expect(await store.query('SELECT count(*)::INTEGER AS n FROM dim_customers')).toEqual([{ n: 50 }]);
    } finally {
      store.close();
    }
  });
});

describe('exit codes and messages', () => {
  it('exits 0 with --help on every command', async () => {
    for (const args of [['--help'], ['check', '--help'], ['generate', '--help'], ['generate', 'master', '--help'], ['config', 'init', '--help'], ['config', 'validate', '--help']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: datagen');
    }
  });

  it('exits 2 with one line naming an unknown flag', async () => {
    const result = await runCli(['generate', 'master', '--db', join(directory, 'x.duckdb'), '--sed', '7']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("unknown option '--sed'");
    expect(existsSync(join(directory, 'x.duckdb'))).toBe(false);
  });

  it('exits 2 naming the flag and value of a bad --seed', async () => {
    const result = await runCli(['generate', 'master', '--db', join(directory, 'x.duckdb'), '--seed', 'abc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('datagen: --seed: got "abc"; expected a whole number from 0 to 4294967295\n');
  });

  it('exits 2 naming the field path of a bad config and touches no data', async () => {
    const config = join(directory, 'bad.json');
    const database = join(directory, 'untouched.duckdb');
    await writeFile(config, JSON.stringify({ volumes: { stores: 0 } }));
    const result = await runCli(['generate', 'master', '--db', database, '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`datagen: config field volumes.stores in ${config}: got 0; must be a whole number from 1 to 100000\n`);
    expect(existsSync(database)).toBe(false);
  });

  it('exits 2 for a missing config file', async () => {
    const result = await runCli(['config', 'validate', join(directory, 'missing.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read config file (file not found)');
  });

  it('exits 1 without a stack trace on a runtime failure', async () => {
    // A directory where the database file should be: DuckDB cannot open it.
    const result = await runCli(['generate', 'master', '--db', directory], { env: { DATAGEN_DEBUG: '' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^datagen: error: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('datagen config', () => {
  it('init writes the defaults, validate accepts them, init refuses to overwrite', async () => {
    const file = join(directory, 'defaults.json');
    expect((await runCli(['config', 'init', file])).code).toBe(0);
    const validated = await runCli(['config', 'validate', file]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('valid (seed 42');
    const again = await runCli(['config', 'init', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('or pass --force');
  });

  it('init without a file prints the defaults as JSON', async () => {
    const result = await runCli(['config', 'init']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).volumes.stores).toBe(24);
  });

  it('validate exits 2 naming the field of a bad config', async () => {
    const file = join(directory, 'typo.json');
    await writeFile(file, JSON.stringify({ traffic: { anonymousShare: 1.5 } }));
    const result = await runCli(['config', 'validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`datagen: config field traffic.anonymousShare in ${file}: got 1.5; must be a share from 0 to 1\n`);
  });
});

describe('datagen generate all', () => {
  it('writes master data and facts day by day, identically for the same seed', async () => {
    const first = join(directory, 'all-1.duckdb');
    const second = join(directory, 'all-2.duckdb');
    const config = join(directory, 'facts.json');
    await writeFile(config, JSON.stringify({ volumes: { stores: 6, customers: 300, products: 120 } }));
    const args = (database: string) => ['generate', 'all', '--db', database, '--config', config, '--start', '2024-11-27', '--days', '3'];
    const result = await runCli(args(first));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('day 3/3 2024-11-29');
    expect(result.stdout).toMatch(/^fact_store_inventory_txn\s+[\d,]+$/m);
    expect((await runCli(args(second))).code).toBe(0);
    const [a, b] = await Promise.all([openStore(first), openStore(second)]);
    try {
      const tables = (await a.existingTables()).filter((name) => name.startsWith('fact_'));
      expect(tables.length).toBeGreaterThan(0);
      for (const name of tables) {
        const table = builtInCatalog.get(name);
        expect(await b.tableHash(table), name).toBe(await a.tableHash(table));
      }
      const [{ initial }] = (await a.query("SELECT count(*)::INTEGER AS initial FROM fact_store_inventory_txn WHERE txn_type = 'INITIAL'")) as [{ initial: number }];
      expect(initial).toBe(6 * 120);
    } finally {
      a.close();
      b.close();
    }
  });

  it('exits 2 naming an unknown table before touching data', async () => {
    const database = join(directory, 'never.duckdb');
    const result = await runCli(['generate', 'all', '--db', database, '--days', '2', '--tables', 'fact_nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^datagen: unknown table "fact_nope"; known tables: /);
    expect(existsSync(database)).toBe(false);
  });
});

describe('datagen check', () => {
  it('passes a generated file, fails a damaged copy with examples, and names a missing file', async () => {
    const database = join(directory, 'checked.duckdb');
    const config = join(directory, 'checked.json');
    await writeFile(config, JSON.stringify({ volumes: { stores: 4, customers: 300, products: 100 } }));
    expect((await runCli(['generate', 'all', '--db', database, '--config', config, '--start', '2024-12-23', '--days', '4'])).code).toBe(0);

    const passed = await runCli(['check', '--db', database, '--config', config]);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/^Checked .*checked\.duckdb: (\d+) invariants, \1 passed, 0 failed, 0 skipped$/m);
    expect(passed.stderr).toMatch(/^check 1\/\d+ dim_geographies\.primary-key: passed$/m);

    const store = await openStore(database);
    try {
      await store.query("UPDATE fact_receipts SET total_amount = total_amount + 1 WHERE receipt_id_ext = (SELECT min(receipt_id_ext) FROM fact_receipts WHERE receipt_type = 'SALE')");
    } finally {
      store.close();
    }
    const failed = await runCli(['check', '--db', database, '--config', config]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^FAIL receipt-total \(1 rows\): fact_receipts: total_amount = subtotal_amount - discount_amount \+ tax_amount$/m);
    expect(failed.stdout).toMatch(/^ {5}receipt_id_ext=R\d{5}-20241223-\d{5} subtotal_amount=[\d.]+ discount_amount=[\d.]+ tax_amount=[\d.]+ total_amount=[\d.]+$/m);
    expect(failed.stderr).toMatch(/^datagen: error: \d+ of \d+ invariants failed in .*checked\.duckdb\n$/m);
    expect(failed.stderr).not.toContain('DATAGEN_DEBUG');

    const missing = await runCli(['check', '--db', join(directory, 'missing.duckdb')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`datagen: ${join(directory, 'missing.duckdb')} does not exist; generate it first, e.g. \`datagen generate all --db ${join(directory, 'missing.duckdb')} --days 30\`\n`);
  });
});
