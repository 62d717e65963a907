import { dayNumberOf, isoDateOf, runMasterPhase, type GeneratorRegistry } from '@retail-datagen/generator-core';
import { quoteIdentifier, type DuckDBStore } from '@retail-datagen/duckdb';
import { RetailDatagenError, type RetailConfig, type TableDefinition } from '@retail-datagen/models';
import { configDifferences, formatDifferences } from './config-differences.js';
import { configHash, getRun, insertCheckpoint, insertRun, latestCheckpoint, listRuns, newRunId, updateRun, type RunCheckpoint, type RunRecord } from './run-log.js';

/**
 * How a fact run starts: from the history's start, after its last checkpoint,
 * after a finished history, or not at all (`complete`: a resume found the same
 * run already completed).
 */
export type FactRunMode = 'new' | 'resume' | 'extend' | 'complete';

/** A planned fact run: its record, and the checkpoint it continues from. */
export interface PlannedRun {
  readonly mode: FactRunMode;
  readonly record: RunRecord;
  /** The state to continue from (resume, extend); undefined when the run starts at its first day. */
  readonly checkpoint: RunCheckpoint | undefined;
}

export interface PlanRunInput {
  readonly store: DuckDBStore;
  readonly registry: GeneratorRegistry;
  readonly config: RetailConfig;
  /** Fact tables the run writes. */
  readonly written: readonly TableDefinition[];
  /** Every fact table of the packages. */
  readonly factTables: readonly TableDefinition[];
  readonly resume: true | string | undefined;
  readonly now: Date;
}

/**
 * Decides how a fact run starts and records it, in one transaction with what
 * that takes:
 *
 * - resume (`resume` set): the named run, or with `true` the latest run when
 *   it is unfinished, refused when the config, packages or tables differ from
 *   the run's (naming the fields), or when a later run has replaced its facts;
 *   continues after its latest checkpoint. `true` on a database without runs
 *   starts a new run; when the latest run completed with the same settings
 *   there is nothing to do (`complete`), with other settings it is refused;
 * - extend: the database's latest run completed a history with the same
 *   config, start, packages and tables, ending before `config.end`: a new run
 *   continues from that history's final state, after the master data is
 *   refreshed for the longer range (rows may be added, none changed);
 * - new: the fact tables are dropped and created empty, every other run's
 *   checkpoints are deleted (their facts are gone) and unfinished runs are
 *   marked cancelled.
 */
export async function planRun(input: PlanRunInput): Promise<PlannedRun> {
  const { store, config, now } = input;
  const runs = await listRuns(store);
  const identity = runIdentity(config, input.registry.generators.map((generator) => generator.id), input.written.map((table) => table.name));

  if (input.resume === true && runs[0]?.status === 'completed') {
    // Nothing is unfinished: the same run again has nothing to do; another one is not a resume.
    const latest = runs[0];
    const differences = configDifferences(identityOf(latest), identity);
    if (differences.length === 0) return { mode: 'complete', record: latest, checkpoint: undefined };
    throw new RetailDatagenError({
      code: 'USER_INVALID_ARGUMENT',
      message: `${store.path} has no unfinished run to resume: the latest, ${latest.runId}, completed ${latest.historyStart} to ${latest.end} with other settings (${formatDifferences(differences)})`,
    });
  }
  if (input.resume !== undefined && !(input.resume === true && runs.length === 0)) {
    const target = input.resume === true ? runs[0] : await getRun(store, input.resume);
    if (target === undefined) throw new Error('unreachable: a resume without runs starts a new run');
    if (target.status === 'completed') {
      throw new RetailDatagenError({ code: 'USER_INVALID_ARGUMENT', message: `run ${target.runId} completed (${target.firstDay} to ${target.end}); there is nothing to resume` });
    }
    const newer = runs.find((run) => run.startedAt > target.startedAt);
    if (newer !== undefined) {
      throw new RetailDatagenError({
        code: 'USER_INVALID_ARGUMENT',
        message: `run ${target.runId} cannot be resumed: run ${newer.runId}, started later, rewrote the facts of ${store.path}`,
      });
    }
    const differences = configDifferences(identityOf(target), identity);
    if (differences.length > 0) {
      throw new RetailDatagenError({
        code: 'USER_INVALID_ARGUMENT',
        message: `cannot resume run ${target.runId}: ${differences.length === 1 ? 'this field differs' : 'these fields differ'} from the run's: ${formatDifferences(differences)}; resume with the run's settings (\`datagen runs resume ${target.runId}\` uses them)`,
      });
    }
    const checkpoint = await latestCheckpoint(store, target.runId);
    await updateRun(store, target.runId, { status: 'running', finishedAt: null, errorMessage: null }, now);
    return { mode: 'resume', record: { ...target, status: 'running' }, checkpoint };
  }

  const base: Omit<RunRecord, 'runId' | 'firstDay' | 'extendsRunId'> = {
    status: 'running',
    startedAt: now.toISOString(),
    finishedAt: undefined,
    lastUpdated: now.toISOString(),
    progressPct: 0,
    seed: config.seed,
    configHash: configHash(config),
    config,
    historyStart: config.start,
    end: config.end,
    lastCommittedDate: undefined,
    rows: {},
    errorMessage: undefined,
    generators: identity.generators,
    tables: identity.tables,
  };

  const latest = runs[0];
  if (latest !== undefined && latest.status === 'completed' && latest.historyStart === config.start && latest.end < config.end) {
    const before = runIdentity({ ...latest.config, end: config.end }, latest.generators, latest.tables);
    const final = configDifferences(before, identity).length === 0 ? await latestCheckpoint(store, latest.runId) : undefined;
    if (final !== undefined && final.date === latest.end) {
      const record: RunRecord = { ...base, runId: newRunId(now), firstDay: isoDateOf(dayNumberOf(latest.end) + 1), extendsRunId: latest.runId };
      const checkpoint: RunCheckpoint = { ...final, runId: record.runId, committedAt: now.toISOString(), rows: {} };
      await store.transaction(async () => {
        await refreshMasterData(store, input.registry, config);
        await insertRun(store, record);
        // The extension's own copy of the state it starts from, so it resumes like any run.
        await insertCheckpoint(store, checkpoint);
      });
      return { mode: 'extend', record, checkpoint };
    }
  }

  const record: RunRecord = { ...base, runId: newRunId(now), firstDay: config.start, extendsRunId: undefined };
  await store.transaction(async () => {
    for (const run of runs) {
      if (run.status !== 'completed' && run.errorMessage?.startsWith('replaced by run') !== true) {
        await updateRun(store, run.runId, { status: 'cancelled', errorMessage: `replaced by run ${record.runId}, which rewrote the facts` }, now);
      }
    }
    await store.query('DELETE FROM generation_checkpoints');
    await store.dropTables(input.factTables);
    await store.createTables(input.written);
    await insertRun(store, record);
  });
  return { mode: 'new', record, checkpoint: undefined };
}

/** What must match for a run to be resumed or extended: the config, the packages and the tables written. */
function runIdentity(config: RetailConfig, generators: readonly string[], tables: readonly string[]): { config: RetailConfig; generators: string[]; tables: string[] } {
  return { config, generators: [...generators].sort(), tables: [...tables].sort() };
}

/** The identity a recorded run was started with. */
function identityOf(run: RunRecord): ReturnType<typeof runIdentity> {
  return runIdentity(run.config, run.generators, run.tables);
}

/**
 * Regenerates the master data for the longer range: rows may be added (the
 * campaigns of the new months), none may change or go, or the extension is
 * refused. Runs inside the caller's transaction.
 */
async function refreshMasterData(store: DuckDBStore, registry: GeneratorRegistry, config: RetailConfig): Promise<void> {
  const batches = [...(await runMasterPhase(registry, config)).values()];
  const saved = batches.map((batch, index) => ({ table: quoteIdentifier(batch.table.name), copy: `__before_${index}` }));
  for (const { table, copy } of saved) await store.query(`CREATE TEMP TABLE ${copy} AS SELECT * FROM ${table}`);
  await store.replaceTables(batches);
  for (const { table, copy } of saved) {
    const [row] = await store.query(`SELECT count(*) AS n FROM (SELECT * FROM ${copy} EXCEPT ALL SELECT * FROM ${table})`);
    await store.query(`DROP TABLE ${copy}`);
    const changed = Number(row?.n ?? 0);
    if (changed > 0) {
      throw new RetailDatagenError({
        code: 'USER_INVALID_ARGUMENT',
        message: `cannot extend the history of ${store.path}: ${changed} rows of ${table.replaceAll('"', '')} differ from the master data this version generates for the same config; regenerate everything with \`datagen generate all\``,
      });
    }
  }
}
