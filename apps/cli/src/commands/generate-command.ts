import type { Command } from 'commander';
import { InvalidArgumentError } from '@retail-datagen/models';
import { generateFacts, generateMaster, loadConfig, resolveFactTables, type FactDayProgress } from '@retail-datagen/runner';
import { parseIsoDate, parseWholeNumber } from '../flags.js';
import { generators } from '../generators.js';
import { formatRowCounts } from '../print-row-counts.js';
import type { Output } from '../program.js';

interface CommonFlags {
  db: string;
  config?: string;
  seed?: string;
}

interface FactFlags extends CommonFlags {
  start?: string;
  end?: string;
  days?: string;
  tables?: string;
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

function dayReporter(output: Output) {
  return (progress: FactDayProgress) => {
    output.stderr.write(`day ${progress.day}/${progress.days} ${progress.date}: ${progress.rowsThisDay.toLocaleString('en-US')} rows\n`);
  };
}

export function registerGenerateCommands(program: Command, output: Output): void {
  const generate = program.command('generate').description('Generate data into a DuckDB file');

  generate
    .command('master')
    .description('Create or replace the dimension tables (geographies, stores, DCs, trucks, customers, products) and print their row counts')
    .requiredOption('--db <path>', 'DuckDB file to write (created with its folders if missing)')
    .option('--config <file>', 'JSON configuration file (see `datagen config init`)')
    .option('--seed <n>', 'random seed, overrides the config (0-4294967295)')
    .action(async (flags: CommonFlags) => {
      const config = await configOf(flags);
      const counts = await generateMaster({ database: flags.db, config, generators });
      output.stdout.write(`Generated master data into ${flags.db} (seed ${config.seed})\n\n`);
      output.stdout.write(formatRowCounts(counts));
    });

  const factOptions = (command: Command) =>
    command
      .requiredOption('--db <path>', 'DuckDB file (created with its folders if missing)')
      .option('--config <file>', 'JSON configuration file (see `datagen config init`)')
      .option('--seed <n>', 'random seed, overrides the config (0-4294967295)')
      .option('--start <date>', 'first day YYYY-MM-DD, overrides the config')
      .option('--end <date>', 'last day YYYY-MM-DD (inclusive), overrides the config')
      .option('--days <n>', 'number of days from the start (instead of --end)')
      .option('--tables <list>', 'comma-separated fact tables to write (all are simulated)');

  factOptions(generate.command('facts'))
    .description('Generate the fact history, day by day, into a file that holds master data; prints row counts')
    .action(async (flags: FactFlags) => {
      const config = await configOf(flags);
      const tables = tablesOf(flags);
      const counts = await generateFacts({ database: flags.db, config, generators, ...(tables ? { tables } : {}), onDay: dayReporter(output) });
      output.stdout.write(`Generated facts ${config.start} to ${config.end} into ${flags.db} (seed ${config.seed})\n\n`);
      output.stdout.write(formatRowCounts(counts));
    });

  factOptions(generate.command('all'))
    .description('Generate master data, then the fact history; prints row counts of every table')
    .action(async (flags: FactFlags) => {
      const config = await configOf(flags);
      const tables = tablesOf(flags);
      resolveFactTables(generators, tables);
      const dims = await generateMaster({ database: flags.db, config, generators });
      const facts = await generateFacts({ database: flags.db, config, generators, ...(tables ? { tables } : {}), onDay: dayReporter(output) });
      output.stdout.write(`Generated ${config.start} to ${config.end} into ${flags.db} (seed ${config.seed})\n\n`);
      output.stdout.write(formatRowCounts([...dims, ...facts]));
    });
}
