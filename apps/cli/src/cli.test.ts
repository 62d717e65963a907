import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@retail-datagen/duckdb';
import { builtInCatalog, dimensionTables } from '@retail-datagen/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, runCli } from './test-support/run-cli.js';

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
    const result = await runCli(['generate', 'master', '--db', database, '--seed', '7', '--quiet']);
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
    const result = await runCli(['generate', 'master', '--db', directory, '--quiet'], { env: { DATAGEN_DEBUG: '' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^datagen: error: cannot open DuckDB database /);
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
    // Off a terminal: plain progress lines on stderr, the last one complete.
    expect(result.stderr).toMatch(/^100\.0% \| [\d,]+ rows\/s \| done in \d+s$/m);
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

  it('runs worker threads when node itself was given options a worker thread refuses (--max-old-space-size, --stack-size)', async () => {
    const database = join(directory, 'node-options.duckdb');
    const config = join(directory, 'node-options.json');
    await writeFile(config, JSON.stringify({ volumes: { stores: 4, customers: 200, products: 100 } }));
    const args = ['generate', 'all', '--db', database, '--config', config, '--days', '2', '--workers', '1'];
    const result = await runCli(args, { nodeOptions: ['--max-old-space-size=2048', '--stack-size=984', '--no-deprecation'] });
    expect(result.stderr).not.toContain('ERR_WORKER_INVALID_EXEC_ARGV');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^fact_receipt_lines\s+[1-9][\d,]*$/m);
  });

  it('exits 2 naming an unknown table before touching data', async () => {
    const database = join(directory, 'never.duckdb');
    const result = await runCli(['generate', 'all', '--db', database, '--days', '2', '--tables', 'fact_nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^datagen: unknown table "fact_nope"; known tables: /);
    expect(existsSync(database)).toBe(false);
  });

  it('exits 2 naming --batch-rows or RETAIL_BATCH_ROWS, whichever holds a bad batch size, before touching data', async () => {
    const database = join(directory, 'never-batched.duckdb');
    const flag = await runCli(['generate', 'all', '--db', database, '--days', '2', '--batch-rows', '0']);
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim()).toBe('datagen: --batch-rows: got "0"; expected a whole number from 1 to 1,000,000');
    const environment = await runCli(['generate', 'facts', '--db', database, '--days', '2'], { env: { RETAIL_BATCH_ROWS: '2.5' } });
    expect(environment.code).toBe(2);
    expect(environment.stderr.trim()).toBe('datagen: RETAIL_BATCH_ROWS: got "2.5"; expected a whole number from 1 to 1,000,000');
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
    expect(passed.stderr).toBe('');

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

describe('progress and cancelling', () => {
  const smallConfig = async () => {
    const config = join(directory, 'progress.json');
    await writeFile(config, JSON.stringify({ volumes: { stores: 6, customers: 600, products: 150 } }));
    return config;
  };

  it('--json writes parseable events, rising sequence, percent never falling, and a final summary with the tables\' row counts; --dashboard keeps an HTML page', async () => {
    const database = join(directory, 'json.duckdb');
    const dashboard = join(directory, 'dashboard.html');
    const result = await runCli(['generate', 'all', '--db', database, '--config', await smallConfig(), '--days', '4', '--json', '--dashboard', dashboard]);
    expect(result.code).toBe(0);
    const events = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; sequence: number; percent: number; status: string; rows: Record<string, number> });
    expect(events.length).toBeGreaterThan(1);
    events.forEach((event, index) => {
      if (index === 0) return;
      const previous = events[index - 1]!;
      expect(event.sequence).toBeGreaterThan(previous.sequence);
      expect(event.percent).toBeGreaterThanOrEqual(previous.percent);
    });
    const summary = events.at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', status: 'completed', percent: 100 });
    expect(events.slice(0, -1).every((event) => event.type === 'progress')).toBe(true);
    const store = await openStore(database);
    try {
      // Every data table of the file, not the run log (generation_runs, generation_checkpoints).
      const tables = (await store.existingTables()).filter((name) => builtInCatalog.has(name));
      expect(tables.length).toBeGreaterThan(20);
      expect(Object.keys(summary.rows).sort()).toEqual(tables);
      const counts = await store.rowCounts(tables.map((name) => builtInCatalog.get(name)));
      for (const [table, rows] of counts) expect(summary.rows[table], table).toBe(rows);
    } finally {
      store.close();
    }
    const html = await readFile(dashboard, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('completed');
    expect(html).toContain('json.duckdb');
  });

  it('Ctrl-C stops at a day boundary: exit 130, a message saying what was kept, and only complete days in the file', async () => {
    const database = join(directory, 'cancelled.duckdb');
    const config = join(directory, 'sixty-days.json');
    await writeFile(config, JSON.stringify({ start: '2024-11-15', end: '2025-01-13', volumes: { stores: 6, customers: 600, products: 150 } }));
    const child = spawn(process.execPath, [binPath, 'generate', 'all', '--db', database, '--config', config, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let sent = false;
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      // Interrupt once a day is committed.
      if (!sent && /"checkpoints":[1-9]/.test(buffered)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(sent).toBe(true);
    expect(code).toBe(130);
    const match = /^datagen: cancelled: (\d+) of 60 days are committed \(2024-11-15 to (\d{4}-\d{2}-\d{2})\), each complete in .*cancelled\.duckdb \(run run-\d{8}-\d{6}-[0-9a-f]{4}\); run the same command with --resume to continue it$/m.exec(stderr);
    expect(match, stderr).not.toBeNull();
    const committed = Number(match![1]);
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(60);

    // The same master data and days generated without interruption: every committed day must hold exactly their rows.
    const reference = join(directory, 'reference.duckdb');
    expect((await runCli(['generate', 'master', '--db', reference, '--config', config, '--quiet'])).code).toBe(0);
    expect((await runCli(['generate', 'facts', '--db', reference, '--config', config, '--days', String(committed), '--quiet'])).code).toBe(0);
    const perDay = async (file: string) => {
      const store = await openStore(file);
      try {
        const rows: Record<string, unknown>[] = [];
        for (const table of ['fact_receipts', 'fact_receipt_lines', 'fact_store_inventory_txn', 'fact_payments']) {
          rows.push(...(await store.query(`SELECT '${table}' AS t, CAST(event_ts AS DATE)::VARCHAR AS day, count(*)::INTEGER AS n FROM ${table} GROUP BY ALL ORDER BY day`)));
        }
        return rows;
      } finally {
        store.close();
      }
    };
    const [cancelledDays, referenceDays] = await Promise.all([perDay(database), perDay(reference)]);
    expect(cancelledDays).toEqual(referenceDays);
    expect(new Set(cancelledDays.map((row) => row.day)).size).toBe(committed);
  });
});

describe('datagen export', () => {
  it('exports every table to Parquet that DuckDB reads back with the same rows, and refuses a bad format with exit 2', async () => {
    const database = join(directory, 'export.duckdb');
    const out = join(directory, 'export-out');
    const config = join(directory, 'export.json');
    await writeFile(config, JSON.stringify({ volumes: { stores: 4, customers: 300, products: 100 } }));
    expect((await runCli(['generate', 'all', '--db', database, '--config', config, '--days', '2', '--quiet'])).code).toBe(0);

    const bad = await runCli(['export', '--db', database, '--out', out, '--format', 'xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^datagen: .*--format.*xlsx.*parquet/m);
    expect(existsSync(out)).toBe(false);

    const result = await runCli(['export', '--db', database, '--out', out, '--format', 'parquet', '--tables', 'dim_stores,fact_receipts']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Exported 2 tables of .*export\.duckdb/m);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { tables: { name: string; rows: number }[] };
    const store = await openStore(database);
    try {
      for (const name of ['dim_stores', 'fact_receipts']) {
        const [original] = await store.query(`SELECT count(*)::INTEGER AS n FROM ${name}`);
        const [exported] = await store.query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(out, name)}/**/*.parquet', hive_partitioning = true)`);
        expect(exported, name).toEqual(original);
        expect(manifest.tables.find((table) => table.name === name)?.rows).toBe(original?.n);
      }
      const [days] = await store.query(`SELECT count(DISTINCT event_date)::INTEGER AS n FROM read_parquet('${join(out, 'fact_receipts')}/**/*.parquet', hive_partitioning = true)`);
      expect(days).toEqual({ n: 2 });
    } finally {
      store.close();
    }
  });
});

describe('datagen generate all --out', () => {
  it('writes Parquet files straight from the generator, with no database, and refuses --out with --db', async () => {
    const out = join(directory, 'lake');
    const config = join(directory, 'lake.json');
    await writeFile(config, JSON.stringify({ volumes: { stores: 4, customers: 300, products: 100 } }));
    const both = await runCli(['generate', 'all', '--db', join(directory, 'x.duckdb'), '--out', out, '--format', 'parquet']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^datagen: .*--out.*either --db or --out, not both/m);

    const result = await runCli(['generate', 'all', '--out', out, '--format', 'parquet', '--config', config, '--days', '2', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Generated \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} into .*lake \(parquet, seed \d+; manifest .*manifest\.json\)/m);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { format: string; tables: { name: string; rows: number }[] };
    expect(manifest.format).toBe('parquet');
    const receipts = manifest.tables.find((table) => table.name === 'fact_receipts');
    expect(receipts?.rows).toBeGreaterThan(0);
    const store = await openStore(':memory:');
    try {
      const [read] = await store.query(`SELECT count(*)::INTEGER AS n, count(DISTINCT event_date)::INTEGER AS days FROM read_parquet('${join(out, 'fact_receipts')}/**/*.parquet', hive_partitioning = true)`);
      expect(read).toEqual({ n: receipts?.rows, days: 2 });
    } finally {
      store.close();
    }
  });
});

describe('datagen serve', () => {
  it('serves the API until SIGTERM, then closes the file and exits 0', async () => {
    const database = join(directory, 'served.duckdb');
    const child = spawn(process.execPath, [binPath, 'serve', '--db', database, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const match = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.on('close', (code) => reject(new Error(`datagen serve exited ${code} before serving: ${stdout}`)));
    });
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    const tables = (await (await fetch(`${url}/api/tables`)).json()) as unknown;
    expect(Array.isArray(tables) || typeof tables === 'object').toBe(true);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^Stopped; .*served\.duckdb is closed$/m);
  });
});

