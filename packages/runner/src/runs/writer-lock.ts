import { systemClock, type Clock } from './clock.js';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { RetailDatagenError } from '@retail-datagen/models';

/**
 * What a writer lock file holds: who writes the database.
 *
 * @example
 * ```ts
 * const holder: LockHolder = { pid: 4242, host: 'build-1', runId: 'run-20261123-101500-3f2a', since: '2026-11-23T10:15:00.000Z' };
 * ```
 */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** The generation run writing, once it has an id. */
  readonly runId: string | undefined;
  /** When the lock was taken (ISO time). */
  readonly since: string;
}

/**
 * One writer's hold on a database file; see {@link acquireWriterLock}.
 *
 * @example
 * ```ts
 * const lock = acquireWriterLock('data/retail.duckdb');
 * try {
 *   lock.setRun('run-20261123-101500-3f2a');
 * } finally {
 *   lock.release();
 * }
 * ```
 */
export interface WriterLock {
  /** The lock file: the database path + `.lock`. */
  readonly path: string;
  /** Records the run now writing, so a refused writer can name it. */
  setRun(runId: string): void;
  /** Gives the hold back; the file is removed when the last hold of this process goes. Calling it again does nothing. */
  release(): void;
  /** The holder this lock replaced because its process was gone, if any. */
  readonly tookOverFrom: LockHolder | undefined;
}

interface HeldLock {
  holds: number;
  holder: LockHolder;
  tookOverFrom: LockHolder | undefined;
}

const heldKey = Symbol.for('retail-datagen.runner.writer-locks');
const globalHeld = globalThis as typeof globalThis & { [heldKey]?: Map<string, HeldLock> };
const held: Map<string, HeldLock> = (globalHeld[heldKey] ??= new Map());

/**
 * Takes the one-writer lock of a database file: a `PATH.lock` file created
 * exclusively, holding the process id, host and run. A second writer (in
 * another process) is refused at once with an error naming the run and
 * process that write; a lock left by a process that no longer runs (killed,
 * crashed) is taken over. In the process that holds it, further holds nest
 * (`generate all` holds it around master data and facts).
 *
 * @throws RetailDatagenError `DATABASE_BUSY` while a live process holds the lock.
 *
 * @example
 * ```ts
 * const lock = acquireWriterLock('data/retail.duckdb');
 * try {
 *   await generateFacts({ database: 'data/retail.duckdb', config, generators });
 * } finally {
 *   lock.release();
 * }
 * ```
 */
export function acquireWriterLock(database: string, clock: Clock = systemClock): WriterLock {
  const path = `${resolve(database)}.lock`;
  const mine = held.get(path);
  if (mine) {
    mine.holds++;
    return handleOf(path, mine);
  }
  mkdirSync(dirname(path), { recursive: true });
  let tookOverFrom: LockHolder | undefined;
  // A stale lock is removed and the exclusive create tried again; two takers racing for it cannot both win.
  for (let attempt = 0; attempt < 3; attempt++) {
    const holder: LockHolder = { pid: process.pid, host: hostname(), runId: undefined, since: clock().toISOString() };
    if (createExclusive(path, holder)) {
      const lock: HeldLock = { holds: 1, holder, tookOverFrom };
      held.set(path, lock);
      return handleOf(path, lock);
    }
    const existing = readHolder(path);
    if (existing === undefined) continue;
    if (isAlive(existing)) throw busyError(database, existing);
    tookOverFrom = existing;
    try {
      unlinkSync(path);
    } catch {
      // Another writer took the stale lock first; the next attempt sees its lock.
    }
  }
  const existing = readHolder(path);
  throw existing ? busyError(database, existing) : new RetailDatagenError({ code: 'DATABASE_BUSY', message: `cannot take the writer lock ${path}` });
}

/**
 * The holder of a database's writer lock, if a live process holds it.
 *
 * @example
 * ```ts
 * lockHolderOf('data/retail.duckdb')?.runId; // 'run-20261123-101500-3f2a' while a run writes
 * ```
 */
export function lockHolderOf(database: string): LockHolder | undefined {
  const holder = readHolder(`${resolve(database)}.lock`);
  return holder && isAlive(holder) ? holder : undefined;
}

function handleOf(path: string, lock: HeldLock): WriterLock {
  let released = false;
  return {
    path,
    tookOverFrom: lock.tookOverFrom,
    setRun(runId: string) {
      lock.holder = { ...lock.holder, runId };
      writeHolder(path, lock.holder);
    },
    release() {
      if (released) return;
      released = true;
      lock.holds--;
      if (lock.holds > 0) return;
      held.delete(path);
      try {
        if (readHolder(path)?.pid === process.pid) unlinkSync(path);
      } catch {
        // Already gone.
      }
    },
  };
}

function createExclusive(path: string, holder: LockHolder): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new RetailDatagenError({ code: 'STORAGE_FAILURE', message: `cannot create the writer lock ${path}: ${(error as Error).message}`, cause: error });
  }
  try {
    writeSync(descriptor, JSON.stringify(holder));
  } finally {
    closeSync(descriptor);
  }
  return true;
}

function writeHolder(path: string, holder: LockHolder): void {
  const descriptor = openSync(path, 'w');
  try {
    writeSync(descriptor, JSON.stringify(holder));
  } finally {
    closeSync(descriptor);
  }
}

/** The lock file's holder; undefined when it is gone. A file that cannot be parsed counts as a dead holder. */
function readHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number') {
      return { pid: parsed.pid, host: String(parsed.host ?? ''), runId: typeof parsed.runId === 'string' ? parsed.runId : undefined, since: String(parsed.since ?? '') };
    }
  } catch {
    // A writer killed between creating and writing the file leaves it empty.
  }
  return { pid: 0, host: hostname(), runId: undefined, since: '' };
}

/** Whether the holder's process still runs. A holder on another host is assumed alive. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid <= 0) return false;
  // This process's own lock that it no longer holds (the holds were released without removing the file).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busyError(database: string, holder: LockHolder): RetailDatagenError {
  const run = holder.runId === undefined ? 'a generation' : `run ${holder.runId}`;
  return new RetailDatagenError({
    code: 'DATABASE_BUSY',
    message: `${database} is being written by ${run} (process ${holder.pid} on ${holder.host}, since ${holder.since}); wait for it to finish, or stop it (a stopped run can be resumed)`,
  });
}
