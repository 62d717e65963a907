import { createHash, randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import { openStore, type DuckDBStore, type QueryRow } from '@retail-datagen/duckdb';
import { RetailDatagenError, type RetailConfig } from '@retail-datagen/models';
import { lockHolderOf } from './writer-lock.js';

/** Where a run is: `running` also marks a run whose process died (it can be resumed). */
export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled';

/**
 * One row of `generation_runs`: a fact run, its config and how far it got.
 *
 * @example
 * ```ts
 * const run = await getRun(store, 'run-20261123-101500-3f2a');
 * console.log(run.status, run.progressPct, run.lastCommittedDate);
 * ```
 */
export interface RunRecord {
  readonly runId: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | undefined;
  readonly lastUpdated: string;
  /** Share of the run's days committed, 0-100. */
  readonly progressPct: number;
  readonly seed: number;
  /** sha256 of the config JSON. */
  readonly configHash: string;
  readonly config: RetailConfig;
  /** First day of the history (`config.start`). */
  readonly historyStart: string;
  /** First day this run generates: the history's start, or the day after the history it extends. */
  readonly firstDay: string;
  /** Last day of the run (`config.end`). */
  readonly end: string;
  readonly lastCommittedDate: string | undefined;
  /** Rows this run wrote, per fact table. */
  readonly rows: Readonly<Record<string, number>>;
  readonly errorMessage: string | undefined;
  /** Ids of the generator packages of the run. */
  readonly generators: readonly string[];
  /** Fact tables the run writes. */
  readonly tables: readonly string[];
  /** The completed run whose history this one extends. */
  readonly extendsRunId: string | undefined;
}

/** A run's saved state after one committed day. */
export interface RunCheckpoint {
  readonly runId: string;
  readonly date: string;
  readonly committedAt: string;
  /** Rows the run had written per table when the day committed (cumulative). */
  readonly rows: Readonly<Record<string, number>>;
  readonly stateVersion: number;
  readonly state: Uint8Array;
}

/** Version of the checkpoint state format (V8 structured serialization of the engine snapshot, see `encodeState`). */
export const checkpointStateVersion = 1;

const runColumns = `run_id, status, started_at, finished_at, last_updated, progress_pct, seed, config_hash, config_json,
  history_start, first_day, end_date, last_committed_date, rows_per_table, error_message, generators, tables, extends_run_id`;

const createStatements = [
  `CREATE TABLE IF NOT EXISTS generation_runs (
    run_id VARCHAR NOT NULL, status VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
    last_updated TIMESTAMP NOT NULL, progress_pct DOUBLE NOT NULL, seed BIGINT NOT NULL, config_hash VARCHAR NOT NULL,
    config_json VARCHAR NOT NULL, history_start DATE NOT NULL, first_day DATE NOT NULL, end_date DATE NOT NULL,
    last_committed_date DATE, rows_per_table VARCHAR NOT NULL, error_message VARCHAR, generators VARCHAR NOT NULL,
    tables VARCHAR NOT NULL, extends_run_id VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS generation_checkpoints (
    run_id VARCHAR NOT NULL, day DATE NOT NULL, committed_at TIMESTAMP NOT NULL, rows_per_table VARCHAR NOT NULL,
    state_version INTEGER NOT NULL, state BLOB NOT NULL)`,
];

/** The bookkeeping tables of runs, beside the data tables. */
export const runTableNames = ['generation_runs', 'generation_checkpoints'] as const;

/**
 * Creates `generation_runs` and `generation_checkpoints` when missing.
 *
 * @example
 * ```ts
 * await ensureRunTables(store);
 * ```
 */
export async function ensureRunTables(store: DuckDBStore): Promise<void> {
  await store.transaction(async () => {
    for (const statement of createStatements) await store.query(statement);
  });
}

/**
 * A new run id: `run-` + UTC time to the second + 4 random hex digits, so
 * ids sort by start time.
 *
 * @example
 * ```ts
 * newRunId(new Date('2026-11-23T10:15:00Z')); // 'run-20261123-101500-3f2a'
 * ```
 */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `run-${stamp}-${randomBytes(2).toString('hex')}`;
}

/**
 * sha256 (hex) of the config's JSON with sorted keys.
 *
 * @example
 * ```ts
 * configHash(config); // '9f86d081884c7d65...'
 * ```
 */
export function configHash(config: RetailConfig): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Every run in the database, newest first; none when the run tables do not exist.
 *
 * @example
 * ```ts
 * for (const run of await listRuns(store)) console.log(run.runId, run.status);
 * ```
 */
export async function listRuns(store: DuckDBStore): Promise<RunRecord[]> {
  if (!(await hasRunTables(store))) return [];
  const rows = await store.query(`SELECT ${selectRunColumns} FROM generation_runs ORDER BY started_at DESC, run_id DESC`);
  return rows.map(recordOf);
}

/**
 * One run by id.
 *
 * @throws RetailDatagenError `USER_UNKNOWN_RUN` naming the runs there are.
 *
 * @example
 * ```ts
 * const run = await getRun(store, 'run-20261123-101500-3f2a');
 * ```
 */
export async function getRun(store: DuckDBStore, runId: string): Promise<RunRecord> {
  const runs = await listRuns(store);
  const run = runs.find((candidate) => candidate.runId === runId);
  if (run) return run;
  const known = runs.slice(0, 10).map((candidate) => candidate.runId);
  throw new RetailDatagenError({
    code: 'USER_UNKNOWN_RUN',
    message: `no run ${runId} in ${store.path}; ${known.length === 0 ? 'it has no runs' : `its runs: ${known.join(', ')}${runs.length > 10 ? ', ...' : ''}`} (see \`datagen runs list\`)`,
  });
}

/**
 * The run's checkpoints' days and row counts, oldest first (without the states).
 *
 * @example
 * ```ts
 * (await listCheckpoints(store, runId)).map((checkpoint) => checkpoint.date); // ['2024-11-01', '2024-11-02']
 * ```
 */
export async function listCheckpoints(store: DuckDBStore, runId: string): Promise<Omit<RunCheckpoint, 'state'>[]> {
  if (!(await hasRunTables(store))) return [];
  const rows = await store.query(
    `SELECT run_id, strftime(day, '%Y-%m-%d') AS day, strftime(committed_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS committed_at, rows_per_table, state_version
     FROM generation_checkpoints WHERE run_id = ? ORDER BY day`,
    [runId],
  );
  return rows.map((row) => ({
    runId: String(row.run_id),
    date: String(row.day),
    committedAt: String(row.committed_at),
    rows: JSON.parse(String(row.rows_per_table)) as Record<string, number>,
    stateVersion: Number(row.state_version),
  }));
}

/** The run's latest checkpoint with its state, if any. */
export async function latestCheckpoint(store: DuckDBStore, runId: string): Promise<RunCheckpoint | undefined> {
  const rows = await store.query(
    `SELECT run_id, strftime(day, '%Y-%m-%d') AS day, strftime(committed_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS committed_at, rows_per_table, state_version, state
     FROM generation_checkpoints WHERE run_id = ? ORDER BY day DESC LIMIT 1`,
    [runId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    runId: String(row.run_id),
    date: String(row.day),
    committedAt: String(row.committed_at),
    rows: JSON.parse(String(row.rows_per_table)) as Record<string, number>,
    stateVersion: Number(row.state_version),
    state: new Uint8Array(row.state as Uint8Array),
  };
}

/** Inserts a new run row (inside the caller's transaction, if any). */
export async function insertRun(store: DuckDBStore, run: RunRecord): Promise<void> {
  await store.query(
    `INSERT INTO generation_runs (${runColumns}) VALUES (?, ?, ?::TIMESTAMP, ?::TIMESTAMP, ?::TIMESTAMP, ?, ?, ?, ?, ?::DATE, ?::DATE, ?::DATE, ?::DATE, ?, ?, ?, ?, ?)`,
    [
      run.runId,
      run.status,
      timestampText(run.startedAt),
      run.finishedAt === undefined ? null : timestampText(run.finishedAt),
      timestampText(run.lastUpdated),
      run.progressPct,
      run.seed,
      run.configHash,
      JSON.stringify(run.config),
      run.historyStart,
      run.firstDay,
      run.end,
      run.lastCommittedDate ?? null,
      JSON.stringify(run.rows),
      run.errorMessage ?? null,
      JSON.stringify(run.generators),
      JSON.stringify(run.tables),
      run.extendsRunId ?? null,
    ],
  );
}

/** The fields of a run that change while it runs. */
export interface RunUpdate {
  readonly status?: RunStatus;
  readonly finishedAt?: string | null;
  readonly progressPct?: number;
  readonly lastCommittedDate?: string;
  readonly rows?: Readonly<Record<string, number>>;
  readonly errorMessage?: string | null;
}

/** Updates a run row and its `last_updated` (inside the caller's transaction, if any). */
export async function updateRun(store: DuckDBStore, runId: string, update: RunUpdate, now: Date): Promise<void> {
  const sets = ['last_updated = ?::TIMESTAMP'];
  const values: (string | number | null)[] = [timestampText(now.toISOString())];
  if (update.status !== undefined) sets.push('status = ?'), values.push(update.status);
  if (update.finishedAt !== undefined) sets.push('finished_at = ?::TIMESTAMP'), values.push(update.finishedAt === null ? null : timestampText(update.finishedAt));
  if (update.progressPct !== undefined) sets.push('progress_pct = ?'), values.push(update.progressPct);
  if (update.lastCommittedDate !== undefined) sets.push('last_committed_date = ?::DATE'), values.push(update.lastCommittedDate);
  if (update.rows !== undefined) sets.push('rows_per_table = ?'), values.push(JSON.stringify(update.rows));
  if (update.errorMessage !== undefined) sets.push('error_message = ?'), values.push(update.errorMessage);
  await store.query(`UPDATE generation_runs SET ${sets.join(', ')} WHERE run_id = ?`, [...values, runId]);
}

/** Saves a checkpoint row (inside the day's transaction). */
export async function insertCheckpoint(store: DuckDBStore, checkpoint: RunCheckpoint): Promise<void> {
  await store.query('INSERT INTO generation_checkpoints VALUES (?, ?::DATE, ?::TIMESTAMP, ?, ?, ?)', [
    checkpoint.runId,
    checkpoint.date,
    timestampText(checkpoint.committedAt),
    JSON.stringify(checkpoint.rows),
    checkpoint.stateVersion,
    checkpoint.state,
  ]);
}

/**
 * Removes a run's checkpoints except the latest (the state its history ends
 * with, which an extension continues from), or all of them.
 */
export async function pruneCheckpoints(store: DuckDBStore, runId: string, keep: 'latest' | 'none'): Promise<void> {
  if (keep === 'none') {
    await store.query('DELETE FROM generation_checkpoints WHERE run_id = ?', [runId]);
    return;
  }
  await store.query('DELETE FROM generation_checkpoints WHERE run_id = ? AND day < (SELECT max(day) FROM generation_checkpoints WHERE run_id = ?)', [runId, runId]);
}

async function hasRunTables(store: DuckDBStore): Promise<boolean> {
  const tables = await store.existingTables();
  return runTableNames.every((name) => tables.includes(name));
}

const selectRunColumns = `run_id, status, strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS started_at,
  strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS finished_at, strftime(last_updated, '%Y-%m-%dT%H:%M:%S.%gZ') AS last_updated,
  progress_pct, seed, config_hash, config_json, strftime(history_start, '%Y-%m-%d') AS history_start,
  strftime(first_day, '%Y-%m-%d') AS first_day, strftime(end_date, '%Y-%m-%d') AS end_date,
  strftime(last_committed_date, '%Y-%m-%d') AS last_committed_date, rows_per_table, error_message, generators, tables, extends_run_id`;

function recordOf(row: QueryRow): RunRecord {
  const text = (value: unknown) => (value === null || value === undefined ? undefined : String(value));
  return {
    runId: String(row.run_id),
    status: String(row.status) as RunStatus,
    startedAt: String(row.started_at),
    finishedAt: text(row.finished_at),
    lastUpdated: String(row.last_updated),
    progressPct: Number(row.progress_pct),
    seed: Number(row.seed),
    configHash: String(row.config_hash),
    config: JSON.parse(String(row.config_json)) as RetailConfig,
    historyStart: String(row.history_start),
    firstDay: String(row.first_day),
    end: String(row.end_date),
    lastCommittedDate: text(row.last_committed_date),
    rows: JSON.parse(String(row.rows_per_table)) as Record<string, number>,
    errorMessage: text(row.error_message),
    generators: JSON.parse(String(row.generators)) as string[],
    tables: JSON.parse(String(row.tables)) as string[],
    extendsRunId: text(row.extends_run_id),
  };
}

/** An ISO time as DuckDB TIMESTAMP text (UTC). */
function timestampText(iso: string): string {
  return iso.replace('T', ' ').replace('Z', '');
}

/**
 * The runs of a database file and, for `runId`, that run with its
 * checkpoints: opens the file read-only for the call. While another process
 * writes the file (DuckDB then refuses readers), the error names that run.
 *
 * @example
 * ```ts
 * const { runs } = await readRuns('data/retail.duckdb');
 * const { run, checkpoints } = await readRuns('data/retail.duckdb', 'run-20261123-101500-3f2a');
 * ```
 */
export async function readRuns(database: string, runId?: string): Promise<{ runs: RunRecord[]; run?: RunRecord; checkpoints?: Omit<RunCheckpoint, 'state'>[] }> {
  await checkDatabaseExists(database);
  let store: DuckDBStore;
  try {
    store = await openStore(database, { readOnly: true });
  } catch (error) {
    const holder = lockHolderOf(database);
    if (holder) {
      throw new RetailDatagenError({
        code: 'DATABASE_BUSY',
        message: `${database} is being written by ${holder.runId === undefined ? 'a generation' : `run ${holder.runId}`} (process ${holder.pid}); DuckDB lets no other process read it until that run ends`,
        cause: error,
      });
    }
    throw error;
  }
  try {
    const runs = await listRuns(store);
    if (runId === undefined) return { runs };
    const run = await getRun(store, runId);
    return { runs, run, checkpoints: await listCheckpoints(store, runId) };
  } finally {
    store.close();
  }
}

async function checkDatabaseExists(database: string): Promise<void> {
  try {
    await access(database);
  } catch {
    throw new RetailDatagenError({ code: 'USER_INVALID_ARGUMENT', message: `${database} does not exist; generate data into it first (\`datagen generate all --db ${database}\`)` });
  }
}
