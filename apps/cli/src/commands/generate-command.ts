import type { Command } from 'commander';
import { InvalidArgumentError, RetailDatagenError, type RetailConfig } from '@retail-datagen/models';
import type { ProgressJob } from '@retail-datagen/progress';
import {
  defaultWorkerCount,
  generateFacts,
  generateHistory,
  generateMaster,
  generateToFiles,
  loadConfig,
  resolveBatchRows,
  resolveFactTables,
  runStageDefinitions,
  type FactRunStart,
  type GenerateFactsOptions,
  type GenerateFactsResult,
  type TableRowCount,
} from '@retail-datagen/runner';
import { listenForInterrupt } from '../interrupt.js';
import { startProgressDisplay, type ProgressFlags } from '../progress-display.js';
import { parseIsoDate, parseWholeNumber } from '../flags.js';
import { generators } from '../generators.js';
import { formatRowCounts } from '../print-row-counts.js';
import type { Output } from '../program.js';

interface CommonFlags {
  db: string;
  config?: string;
  seed?: string;
}

interface FactFlags extends Omit<CommonFlags, 'db'> {
  db?: string;
  start?: string;
  end?: string;
  days?: string;
  tables?: string;
  workers?: string;
  batchRows?: string;
  resume?: boolean;
  keepCheckpoints?: boolean;
}

/** Help of `--batch-rows`, shared with `runs resume`. */
export const batchRowsHelp =
  'rows per batch handed to the database or files, 1-1000000 (default: RETAIL_BATCH_ROWS, else adapted between 1000 and 100000 from write speed and memory); the rows are the same for any size';

/** Where worker threads load the same generator packages from. */
const generatorsModule = new URL('../generators.js', import.meta.url);

/** How the store phase runs and how its rows are batched: `--workers`, `--batch-rows` (or RETAIL_BATCH_ROWS), checked before any work. */
export function workersOf(flags: { workers?: string; batchRows?: string }): { workers: number; generatorsModule: URL; batchRows?: number } {
  const workers = flags.workers === undefined ? defaultWorkerCount() : parseWholeNumber('--workers', flags.workers, 0, 256);
  const batching = resolveBatchRows(flags.batchRows);
  return { workers, generatorsModule, ...(batching.mode === 'fixed' && batching.source === '--batch-rows' ? { batchRows: batching.rows } : {}) };
}

function overridesOf(flags: FactFlags): { seed?: number; start?: string; end?: string } {
  const overrides: { seed?: number; start?: string; end?: string } = {};
  if (flags.seed !== undefined) overrides.seed = parseWholeNumber('--seed', flags.seed, 0, 4_294_967_295);
  if (flags.start !== undefined) overrides.start = parseIsoDate('--start', flags.start);
  if (flags.end !== undefined) overrides.end = parseIsoDate('--end', flags.end);
  return overrides;
}

/**
 * `--days N` sets the end date to start + N - 1, where start is `--start`, or
 * else the config file's start (or the default).
 */
async function configOf(flags: FactFlags) {
  if (flags.days === undefined) return loadConfig({ file: flags.config, overrides: overridesOf(flags) });
  if (flags.end !== undefined) throw new InvalidArgumentError('--days', flags.days, 'either --days or --end, not both');
  const days = parseWholeNumber('--days', flags.days, 1, 36_500);
  const overrides = overridesOf(flags);
  const start = overrides.start ?? (await loadConfig({ file: flags.config, overrides: {} })).start;
  const end = new Date(Date.parse(`${start}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return loadConfig({ file: flags.config, overrides: { ...overrides, start, end } });
}

function tablesOf(flags: FactFlags): string[] | undefined {
  return flags.tables?.split(',').map((name) => name.trim()).filter((name) => name !== '');
}

/** Flags every generate command takes for progress display. */
const withProgressOptions = (command: Command) =>
  command
    .option('--json', 'write progress as newline-delimited JSON events to stdout, ending with a summary event (instead of the table)')
    .option('--quiet', 'print no progress, only the result')
    .option('--dashboard <file>', 'keep an HTML progress dashboard up to date in this file during the run');

/** The result on stdout: the row-count table, unless --json (the summary event carries the counts). */
function printResult(output: Output, flags: ProgressFlags, heading: string, counts: readonly TableRowCount[]): void {
  if (flags.json) return;
  output.stdout.write(`${heading}\n\n`);
  output.stdout.write(formatRowCounts(counts));
}

/** Runs a generate command's work with progress shown and Ctrl-C handled; a cancelled run exits 130. */
export async function withProgress(
  output: Output,
  flags: ProgressFlags,
  name: string,
  stages: { master: boolean; facts: boolean },
  work: (job: ProgressJob, signal: AbortSignal) => Promise<{ cancelled: string } | { print: () => void }>,
): Promise<void> {
  const display = startProgressDisplay(name, runStageDefinitions(stages), flags, output);
  const interrupt = listenForInterrupt(output);
  let outcome: { cancelled: string } | { print: () => void };
  try {
    outcome = await work(display.job, interrupt.signal);
    if ('cancelled' in outcome) display.job.cancel(outcome.cancelled);
    else display.job.complete();
  } catch (error) {
    display.job.fail(error);
    throw error;
  } finally {
    interrupt.dispose();
    await display.close();
  }
  // After the display's final update, so the result is the last thing printed.
  if ('cancelled' in outcome) throw new RetailDatagenError({ code: 'CANCELLED', message: outcome.cancelled });
  outcome.print();
}

function cancelledMessage(database: string, result: GenerateFactsResult): string | undefined {
  if (!result.cancelled) return undefined;
  const done = result.committedDays === 0 ? 'no day was committed' : `${result.committedDays} of ${result.days} days are committed (${result.firstDate} to ${result.lastCommittedDate}), each complete`;
  return `${done} in ${database} (run ${result.runId}); run the same command with --resume to continue it`;
}

/** One line on stderr (also with --quiet) saying how the run starts, when it does not simply start anew. */
function announceStart(output: Output, database: string): (start: FactRunStart) => void {
  return (start) => {
    const stale = start.tookOverLockFrom;
    if (stale) {
      const run = stale.runId === undefined ? 'a generation' : `run ${stale.runId}`;
      output.stderr.write(`datagen: took over the writer lock of ${run} (process ${stale.pid}, which no longer runs)\n`);
    }
    const what = {
      new: undefined,
      resume: `datagen: resuming run ${start.runId} in ${database} ${start.resumedAfter ? `after ${start.resumedAfter}` : 'from its first day'}`,
      extend: `datagen: extending the history of ${database} from ${start.firstDate} (run ${start.runId})`,
      complete: `datagen: run ${start.runId} in ${database} is already complete; nothing to resume`,
    }[start.mode];
    if (what) output.stderr.write(`${what}\n`);
  };
}

/** What `generate facts` and `generate all` pass the runner for a run into `database`. */
function factRunOptions(output: Output, flags: FactFlags, database: string, config: RetailConfig): GenerateFactsOptions {
  const tables = tablesOf(flags);
  return {
    database,
    config,
    generators,
    ...workersOf(flags),
    ...(tables ? { tables } : {}),
    ...(flags.resume ? { resume: true as const } : {}),
    ...(flags.keepCheckpoints ? { keepCheckpoints: true } : {}),
    onStart: announceStart(output, database),
  };
}

export function registerGenerateCommands(program: Command, output: Output): void {
  const generate = program.command('generate').description('Generate data into a DuckDB file');

  withProgressOptions(
    generate
      .command('master')
      .description('Create or replace the dimension tables (geographies, stores, DCs, trucks, customers, products) and print their row counts')
      .requiredOption('--db <path>', 'DuckDB file to write (created with its folders if missing)')
      .option('--config <file>', 'JSON configuration file (see `datagen config init`)')
      .option('--seed <n>', 'random seed, overrides the config (0-4294967295)'),
  ).action(async (flags: CommonFlags & ProgressFlags) => {
    const config = await configOf(flags);
    await withProgress(output, flags, `generate master into ${flags.db}`, { master: true, facts: false }, async (progress) => {
      const counts = await generateMaster({ database: flags.db, config, generators, progress });
      return { print: () => printResult(output, flags, `Generated master data into ${flags.db} (seed ${config.seed})`, counts) };
    });
  });

  const factOptions = (command: Command, database: 'required' | 'or --out') =>
    withProgressOptions(
      (database === 'required'
        ? command.requiredOption('--db <path>', 'DuckDB file (created with its folders if missing)')
        : command
            .option('--db <path>', 'DuckDB file (created with its folders if missing); or --out')
            .option('--out <dir>', 'write Parquet, Arrow or CSV files into this new or empty folder instead of a database (with --format)')
            .option('--format <format>', 'file format with --out: parquet, arrow or csv')
      )
        .option('--config <file>', 'JSON configuration file (see `datagen config init`)')
        .option('--seed <n>', 'random seed, overrides the config (0-4294967295)')
        .option('--start <date>', 'first day YYYY-MM-DD, overrides the config')
        .option('--end <date>', 'last day YYYY-MM-DD (inclusive), overrides the config')
        .option('--days <n>', 'number of days from the start (instead of --end)')
        .option('--tables <list>', 'comma-separated fact tables to write (all are simulated)')
        .option('--workers <n>', 'worker threads for the store phase; 0 runs inline (default: cores - 1, at least 1); the rows are the same for any count')
        .option('--batch-rows <n>', batchRowsHelp)
        .option('--resume', 'continue the unfinished run of this database after its last committed day (refused if the settings differ); starts a run when there is none')
        .option('--keep-checkpoints', "keep every day's checkpoint once the run completes (default: only the last)"),
    );

  factOptions(generate.command('facts'), 'required')
    .description('Generate the fact history, day by day, into a file that holds master data; prints row counts. A later --end on a completed history extends it.')
    .action(async (flags: FactFlags & ProgressFlags & { db: string }) => {
      const config = await configOf(flags);
      const options = factRunOptions(output, flags, flags.db, config);
      await withProgress(output, flags, `generate facts ${config.start}..${config.end} into ${flags.db}`, { master: false, facts: true }, async (progress, signal) => {
        const result = await generateFacts({ ...options, progress, signal });
        const cancelled = cancelledMessage(flags.db, result);
        if (cancelled) return { cancelled };
        return { print: () => printResult(output, flags, `Generated facts ${config.start} to ${config.end} into ${flags.db} (seed ${config.seed}, run ${result.runId})`, result.tables) };
      });
    });

  factOptions(generate.command('all'), 'or --out')
    .description('Generate master data, then the fact history, into a DuckDB file (or files with --out); prints row counts of every table')
    .action(async (flags: FactFlags & ProgressFlags & { out?: string; format?: string }) => {
      const config = await configOf(flags);
      const tables = tablesOf(flags);
      resolveFactTables(generators, tables);
      const run = workersOf(flags);
      if (flags.out !== undefined) {
        const out = flags.out;
        if (flags.db !== undefined) throw new InvalidArgumentError('--out', out, 'either --db or --out, not both');
        if (flags.format === undefined) throw new InvalidArgumentError('--format', '', 'parquet, arrow or csv with --out');
        if (flags.resume || flags.keepCheckpoints) throw new InvalidArgumentError(flags.resume ? '--resume' : '--keep-checkpoints', 'true', 'a --db run only: files have no run log');
        const format = flags.format;
        await withProgress(output, flags, `generate ${config.start}..${config.end} into ${out}`, { master: true, facts: true }, async (progress, signal) => {
          const result = await generateToFiles({ out, format, config, generators, ...run, ...(tables ? { tables } : {}), progress, signal });
          if (result.cancelled) return { cancelled: `${result.writtenDays} of ${result.days} days are written to ${out}, each complete; files have no run log, so run the command again into a new folder for the whole range` };
          return { print: () => printResult(output, flags, `Generated ${config.start} to ${config.end} into ${out} (${result.format}, seed ${config.seed}; manifest ${result.manifestPath})`, result.tables) };
        });
        return;
      }
      if (flags.format !== undefined) throw new InvalidArgumentError('--format', flags.format, 'only with --out');
      const database = flags.db;
      if (database === undefined) throw new InvalidArgumentError('--db', '', 'a DuckDB file, or --out with --format for files');
      const options = factRunOptions(output, flags, database, config);
      await withProgress(output, flags, `generate ${config.start}..${config.end} into ${database}`, { master: true, facts: true }, async (progress, signal) => {
        const result = await generateHistory({ ...options, progress, signal });
        const facts = result.facts;
        if (!facts) return { cancelled: `only master data was written to ${database}; run the same command again to generate the facts` };
        const cancelled = cancelledMessage(database, facts);
        if (cancelled) return { cancelled };
        return {
          print: () => printResult(output, flags, `Generated ${config.start} to ${config.end} into ${database} (seed ${config.seed}, run ${facts.runId})`, [...result.dimensions, ...facts.tables]),
        };
      });
    });
}
