import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@retail-datagen/duckdb';
import { createGeneratorRegistry } from '@retail-datagen/generator-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generators } from './generators.js';
import { binPath, runCli } from './test-support/run-cli.js';

// Runs, checkpoints and exact resume, through the built `datagen` bin as users run it: a generation is killed
// with SIGKILL at several moments and resumed each time, and must end with exactly the database an
// uninterrupted run makes.

let directory: string;
let config: string;
let reference: string;
const catalog = createGeneratorRegistry(generators).catalog;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retail-datagen-runs-'));
  config = join(directory, 'small.json');
  await writeFile(
    config,
    JSON.stringify({
      seed: 3,
      start: '2024-11-20',
      end: '2024-11-30',
      volumes: { geographies: 12, stores: 5, distributionCenters: 2, trucksPerDc: 2, poolTrucks: 1, customers: 800, products: 120 },
      traffic: { baseDailyCustomers: 250 },
    }),
  );
  reference = join(directory, 'reference.duckdb');
  const made = await runCli(['generate', 'all', '--db', reference, '--config', config, '--quiet']);
  expect(made.code, made.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Every table's hash: equal hashes mean equal rows. */
async function hashes(database: string): Promise<Record<string, string>> {
  const store = await openStore(database, { readOnly: true });
  try {
    const result: Record<string, string> = {};
    for (const table of catalog.tables) result[table.name] = await store.tableHash(table);
    return result;
  } finally {
    store.close();
  }
}

interface Progress {
  stage: string | null;
  percent: number;
  checkpoints: number;
}

/**
 * Starts `datagen` with --json and calls `onEvent` for each progress event
 * until it returns true, then SIGKILLs the process. Resolves with the events
 * seen and how the process ended.
 */
function killWhen(args: readonly string[], onEvent: (event: Progress, child: ChildProcess) => boolean | 'later'): Promise<{ events: Progress[]; signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const events: Progress[] = [];
    let stderr = '';
    let buffered = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.trim() === '' || killed) continue;
        const event = JSON.parse(line) as Progress & { type: string };
        if (event.type !== 'progress') continue;
        events.push(event);
        if (onEvent(event, child) === true) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ events, signal, code, stderr }));
  });
}

/**
 * A trigger that kills the process `milliseconds` after the first event
 * reporting a committed day (progress events are throttled, so that event may
 * already count several).
 */
function killAfter(milliseconds: number): (event: Progress, child: ChildProcess) => false | 'later' {
  let armed = false;
  return (event, child) => {
    if (armed || event.checkpoints < 1) return false;
    armed = true;
    setTimeout(() => child.kill('SIGKILL'), milliseconds);
    return 'later';
  };
}

async function runsOf(database: string): Promise<{ runId: string; status: string; lastCommittedDate?: string }[]> {
  const listed = await runCli(['runs', 'list', '--db', database, '--json']);
  expect(listed.code, listed.stderr).toBe(0);
  return JSON.parse(listed.stdout) as { runId: string; status: string; lastCommittedDate?: string }[];
}

describe('exact resume after kill -9', () => {
  it('ends with the database of an uninterrupted run however often the generation is killed', async () => {
    const database = join(directory, 'killed.duckdb');
    const args = ['generate', 'all', '--db', database, '--config', config, '--resume'];
    const moments: [string, (event: Progress, child: ChildProcess) => boolean | 'later'][] = [
      // Before any day commits: during the master data or the first day.
      ['early', () => true],
      // Halfway through generating a day.
      ['mid-day', killAfter(150)],
      // Right as a day is reported committed, when the next commit may be under way.
      ['at a commit', (event) => event.checkpoints >= 2],
      ['just after a commit', killAfter(20)],
    ];
    const kills: string[] = [];
    let finishedEarly = false;
    for (const [moment, trigger] of moments) {
      const result = await killWhen(args, trigger);
      if (result.signal !== 'SIGKILL') {
        // The run finished before this moment came.
        expect(result.code, result.stderr).toBe(0);
        finishedEarly = true;
        break;
      }
      kills.push(moment);
    }
    expect(kills.length, `killed at: ${kills.join(', ')}`).toBeGreaterThanOrEqual(3);

    if (!finishedEarly) {
      const finished = await runCli([...args, '--quiet']);
      expect(finished.code, finished.stderr).toBe(0);
      // The last kill may land after the last day committed, while the file closes: the run is then complete.
      expect(finished.stderr).toMatch(
        /resuming run run-\S+ in .*killed\.duckdb (after \d{4}-\d{2}-\d{2}|from its first day)|run run-\S+ in .*killed\.duckdb is already complete; nothing to resume/,
      );
    }
    expect(await hashes(database)).toEqual(await hashes(reference));

    const runs = await runsOf(database);
    expect(runs.map((run) => run.status)).toEqual(['completed']);
    // Once complete, only the final checkpoint is kept (an extension continues from it).
    const shown = await runCli(['runs', 'show', runs[0]!.runId, '--db', database, '--json']);
    expect((JSON.parse(shown.stdout) as { checkpoints: { date: string }[] }).checkpoints.map((checkpoint) => checkpoint.date)).toEqual(['2024-11-30']);
    // Resuming a completed run has nothing to do and changes nothing.
    const again = await runCli([...args, '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/is already complete; nothing to resume/);
  }, 300_000);
});

describe('extending a history', () => {
  it('generate facts with a later --end continues a finished history and equals one run over the whole range', async () => {
    const database = join(directory, 'extended.duckdb');
    const first = await runCli(['generate', 'all', '--db', database, '--config', config, '--end', '2024-11-24', '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const extended = await runCli(['generate', 'facts', '--db', database, '--config', config, '--quiet']);
    expect(extended.code, extended.stderr).toBe(0);
    expect(extended.stderr).toMatch(/extending the history of .*extended\.duckdb from 2024-11-25 \(run run-\S+\)/);
    expect(await hashes(database)).toEqual(await hashes(reference));
    const runs = await runsOf(database);
    expect(runs.map((run) => [run.status, run.lastCommittedDate])).toEqual([
      ['completed', '2024-11-30'],
      ['completed', '2024-11-24'],
    ]);
  }, 120_000);
});

describe('resume refusals, runs list/show and runs resume', () => {
  it('refuses a resume with a changed setting, naming it, and `runs resume` continues with the run settings', async () => {
    const database = join(directory, 'refused.duckdb');
    const killed = await killWhen(['generate', 'all', '--db', database, '--config', config], (event) => event.checkpoints >= 2);
    expect(killed.signal).toBe('SIGKILL');

    const changed = await runCli(['generate', 'all', '--db', database, '--config', config, '--seed', '99', '--resume']);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(/^datagen: cannot resume run (run-\S+): this field differs from the run's: config\.seed \(3 -> 99\); resume with the run's settings/m);
    const runId = /cannot resume run (run-\S+):/.exec(changed.stderr)![1]!;

    const list = await runCli(['runs', 'list', '--db', database]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^RUN\s+STATUS\s+STARTED\s+DAYS\s+DONE\s+LAST DAY\s+ROWS$/m);
    expect(list.stdout).toMatch(new RegExp(`^${runId}\\s+running\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\s+2024-11-20\\.\\.2024-11-30\\s+\\d+%\\s+\\d{4}-\\d{2}-\\d{2}\\s+[\\d,]+$`, 'm'));
    const show = await runCli(['runs', 'show', runId, '--db', database]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(new RegExp(`^run\\s+${runId}$`, 'm'));
    expect(show.stdout).toMatch(/^status\s+running$/m);
    expect(show.stdout).toMatch(/^history\s+2024-11-20 to 2024-11-30$/m);
    expect(show.stdout).toMatch(/^fact_receipts\s+[\d,]+$/m);
    const unknown = await runCli(['runs', 'show', 'run-nope', '--db', database]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(new RegExp(`^datagen: no run run-nope in .*refused\\.duckdb; its runs: ${runId}`, 'm'));

    const resumed = await runCli(['runs', 'resume', runId, '--db', database, '--quiet']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`^Resumed run ${runId}: 2024-11-20 to 2024-11-30`, 'm'));
    const shown = JSON.parse((await runCli(['runs', 'show', runId, '--db', database, '--json'])).stdout) as { status: string; progressPct: number; config: { seed: number } };
    expect(shown).toMatchObject({ status: 'completed', progressPct: 100, config: { seed: 3 } });
    expect(await hashes(database)).toEqual(await hashes(reference));
  }, 180_000);
});

describe('one writer per database', () => {
  it('refuses a second writer at once, naming the running run, and takes over the lock of a killed one', async () => {
    const database = join(directory, 'locked.duckdb');
    const lock = `${database}.lock`;
    let second: Awaited<ReturnType<typeof runCli>> | undefined;
    let secondStarted = false;
    const first = await killWhen(['generate', 'all', '--db', database, '--config', config], (event, child) => {
      if (event.checkpoints < 1 || secondStarted) return false;
      secondStarted = true;
      void runCli(['generate', 'all', '--db', database, '--config', config, '--quiet']).then((result) => {
        second = result;
        child.kill('SIGKILL');
      });
      return 'later';
    });
    expect(first.signal).toBe('SIGKILL');
    expect(second?.code).toBe(1);
    expect(second?.stderr).toMatch(/^datagen: error: .*locked\.duckdb is being written by run run-\S+ \(process \d+ on .*, since .*\); wait for it to finish, or stop it/m);
    // The killed writer left its lock behind; the next writer sees its process is gone and takes it over.
    expect(existsSync(lock)).toBe(true);
    const resumed = await runCli(['generate', 'all', '--db', database, '--config', config, '--resume', '--quiet']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/took over the writer lock of run run-\S+ \(process \d+, which no longer runs\)/);
    expect(existsSync(lock)).toBe(false);
    expect(await hashes(database)).toEqual(await hashes(reference));
  }, 180_000);
});
