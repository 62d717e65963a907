import type { Command } from 'commander';
import { generateMaster, loadConfig } from '@retail-datagen/runner';
import { parseWholeNumber } from '../flags.js';
import { formatRowCounts } from '../print-row-counts.js';
import type { Output } from '../program.js';

interface MasterFlags {
  db: string;
  config?: string;
  seed?: string;
}

export function registerGenerateCommands(program: Command, output: Output): void {
  const generate = program.command('generate').description('Generate data into a DuckDB file');

  generate
    .command('master')
    .description('Create or replace the dimension tables (geographies, stores, DCs, trucks, customers, products) and print their row counts')
    .requiredOption('--db <path>', 'DuckDB file to write (created with its folders if missing)')
    .option('--config <file>', 'JSON configuration file (see `datagen config init`)')
    .option('--seed <n>', 'random seed, overrides the config (0-4294967295)')
    .action(async (flags: MasterFlags) => {
      const seed = flags.seed === undefined ? undefined : parseWholeNumber('--seed', flags.seed, 0, 4_294_967_295);
      const config = await loadConfig({ file: flags.config, overrides: seed === undefined ? {} : { seed } });
      const counts = await generateMaster({ database: flags.db, config });
      output.stdout.write(`Generated master data into ${flags.db} (seed ${config.seed})\n\n`);
      output.stdout.write(formatRowCounts(counts));
    });
}
