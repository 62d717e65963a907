import type { Command } from 'commander';
import { RetailDatagenError } from '@retail-datagen/models';
import { generateFacts, readRuns, type RunRecord } from '@retail-datagen/runner';
import { generators } from '../generators.js';
import { formatRowCounts } from '../print-row-counts.js';
import type { ProgressFlags } from '../progress-display.js';
import { batchRowsHelp, withProgress, workersOf } from './generate-command.js';
import type { Output } from '../program.js';

interface RunsFlags {
  db: string;
  json?: boolean;
}

function totalRows(run: RunRecord): number {
  return Object.values(run.rows).reduce((sum, rows) => sum + rows, 0);
}

function formatRunList(runs: readonly RunRecord[]): string {
  if (runs.length === 0) return 'no runs\n';
  const header = ['RUN', 'STATUS', 'STARTED', 'DAYS', 'DONE', 'LAST DAY', 'ROWS'];
  const rows = runs.map((run) => [
    run.runId,
    run.status,
    run.startedAt.replace('T', ' ').slice(0, 19),
    `${run.firstDay}..${run.end}`,
    `${run.progressPct.toFixed(0)}%`,
    run.lastCommittedDate ?? '-',
    totalRows(run).toLocaleString('en-US'),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd()).join('\n') + '\n';
}

function formatRun(run: RunRecord, checkpoints: readonly { date: string; committedAt: string }[]): string {
  const lines = [
    `run             ${run.runId}`,
    `status          ${run.status}${run.errorMessage ? ` (${run.errorMessage})` : ''}`,
    `started         ${run.startedAt}`,
    `finished        ${run.finishedAt ?? '-'}`,
    `last updated    ${run.lastUpdated}`,
    `progress        ${run.progressPct.toFixed(1)}%`,
    `history         ${run.historyStart} to ${run.end}${run.extendsRunId ? ` (this run: from ${run.firstDay}, extending ${run.extendsRunId})` : ''}`,
    `last committed  ${run.lastCommittedDate ?? '-'}`,
    `seed            ${run.seed}`,
    `config hash     ${run.configHash}`,
    `packages        ${run.generators.join(', ')}`,
    `checkpoints     ${checkpoints.length === 0 ? 'none' : `${checkpoints.length}: ${checkpoints[0]?.date} to ${checkpoints.at(-1)?.date}`}`,
    '',
    `rows written    ${totalRows(run).toLocaleString('en-US')}`,
  ];
  const counts = Object.entries(run.rows).map(([table, rows]) => ({ table, rows }));
  return `${lines.join('\n')}\n${counts.length > 0 ? `\n${formatRowCounts(counts)}` : ''}`;
}

export function registerRunsCommands(program: Command, output: Output): void {
  const runs = program.command('runs').description('List, show and resume the generation runs recorded in a DuckDB file');

  runs
    .command('list')
    .description('List the runs of a database, newest first')
    .requiredOption('--db <path>', 'DuckDB file')
    .option('--json', 'print the runs as a JSON array')
    .action(async (flags: RunsFlags) => {
      const { runs: records } = await readRuns(flags.db);
      output.stdout.write(flags.json ? `${JSON.stringify(records, null, 2)}\n` : formatRunList(records));
    });

  runs
    .command('show <runId>')
    .description("Show one run: status, progress, range, config hash, rows per table and checkpoints")
    .requiredOption('--db <path>', 'DuckDB file')
    .option('--json', 'print the run (with its config and checkpoints) as JSON')
    .action(async (runId: string, flags: RunsFlags) => {
      const { run, checkpoints = [] } = await readRuns(flags.db, runId);
      if (!run) throw new RetailDatagenError({ code: 'USER_UNKNOWN_RUN', message: `no run ${runId} in ${flags.db}` });
      output.stdout.write(flags.json ? `${JSON.stringify({ ...run, checkpoints }, null, 2)}\n` : formatRun(run, checkpoints));
    });

  runs
    .command('resume <runId>')
    .description('Continue an unfinished run after its last committed day, with the settings it was started with')
    .requiredOption('--db <path>', 'DuckDB file')
    .option('--workers <n>', 'worker threads for the store phase; 0 runs inline (default: cores - 1, at least 1)')
    .option('--batch-rows <n>', batchRowsHelp)
    .option('--keep-checkpoints', "keep every day's checkpoint once the run completes (default: only the last)")
    .option('--json', 'write progress as newline-delimited JSON events to stdout, ending with a summary event')
    .option('--quiet', 'print no progress, only the result')
    .option('--dashboard <file>', 'keep an HTML progress dashboard up to date in this file during the run')
    .action(async (runId: string, flags: RunsFlags & ProgressFlags & { workers?: string; batchRows?: string; keepCheckpoints?: boolean }) => {
      const { run } = await readRuns(flags.db, runId);
      if (!run) throw new RetailDatagenError({ code: 'USER_UNKNOWN_RUN', message: `no run ${runId} in ${flags.db}` });
      const execution = workersOf(flags);
      await withProgress(output, flags, `resume ${runId} in ${flags.db}`, { master: false, facts: true }, async (progress, signal) => {
        const result = await generateFacts({
          database: flags.db,
          config: run.config,
          generators,
          tables: run.tables,
          ...execution,
          resume: runId,
          ...(flags.keepCheckpoints ? { keepCheckpoints: true } : {}),
          progress,
          signal,
        });
        if (result.cancelled) {
          return {
            cancelled: `${result.committedDays} of ${result.days} days are committed (${result.firstDate} to ${result.lastCommittedDate}), each complete in ${flags.db} (run ${runId}); run \`datagen runs resume ${runId} --db ${flags.db}\` to continue it`,
          };
        }
        return {
          print: () => {
            if (flags.json) return;
            output.stdout.write(`Resumed run ${runId}: ${run.historyStart} to ${run.end} in ${flags.db}\n\n`);
            output.stdout.write(formatRowCounts(result.tables));
          },
        };
      });
    });
}
