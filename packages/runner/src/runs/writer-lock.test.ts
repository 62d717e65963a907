import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireWriterLock, lockHolderOf } from './writer-lock.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retail-datagen-lock-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A live process that is not this one, and a way to end it. */
async function otherProcess(): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('spawn', resolve));
  return {
    pid: child.pid as number,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

describe('writer lock', () => {
  it('writes who holds it, nests within the process, and is removed when the last hold goes', async () => {
    const database = join(directory, 'nested.duckdb');
    const outer = acquireWriterLock(database);
    outer.setRun('run-20261123-101500-3f2a');
    const inner = acquireWriterLock(database);
    const holder = JSON.parse(await readFile(`${database}.lock`, 'utf8')) as { pid: number; runId: string; host: string };
    expect(holder).toMatchObject({ pid: process.pid, runId: 'run-20261123-101500-3f2a', host: hostname() });
    inner.release();
    expect(existsSync(`${database}.lock`)).toBe(true);
    outer.release();
    outer.release();
    expect(existsSync(`${database}.lock`)).toBe(false);
  });

  it('refuses while another live process holds it, naming its run, and takes it over once that process is gone', async () => {
    const database = join(directory, 'busy.duckdb');
    const other = await otherProcess();
    await writeFile(`${database}.lock`, JSON.stringify({ pid: other.pid, host: hostname(), runId: 'run-20261123-090000-beef', since: '2026-11-23T09:00:00.000Z' }));
    expect(lockHolderOf(database)?.runId).toBe('run-20261123-090000-beef');
    expect(() => acquireWriterLock(database)).toThrow(
      new RegExp(`busy\\.duckdb is being written by run run-20261123-090000-beef \\(process ${other.pid} on .*, since 2026-11-23T09:00:00\\.000Z\\)`),
    );
    try {
      acquireWriterLock(database);
    } catch (error) {
      expect((error as { code?: string }).code).toBe('DATABASE_BUSY');
    }
    await other.stop();
    expect(lockHolderOf(database)).toBeUndefined();
    const lock = acquireWriterLock(database);
    expect(lock.tookOverFrom).toMatchObject({ pid: other.pid, runId: 'run-20261123-090000-beef' });
    expect((JSON.parse(await readFile(`${database}.lock`, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over an empty lock file left by a writer killed while creating it', async () => {
    const database = join(directory, 'empty.duckdb');
    await writeFile(`${database}.lock`, '');
    const lock = acquireWriterLock(database);
    expect(lock.tookOverFrom?.pid).toBe(0);
    lock.release();
    expect(existsSync(`${database}.lock`)).toBe(false);
  });
});
