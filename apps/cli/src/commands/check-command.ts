import type { Command } from 'commander';
import { checkDatabaseFile, type InvariantResult } from '@retail-datagen/checks';
import { createGeneratorRegistry } from '@retail-datagen/generator-core';
import { RetailDatagenError } from '@retail-datagen/models';
import { loadConfig } from '@retail-datagen/runner';
import { generators } from '../generators.js';
import type { Output } from '../program.js';

interface CheckFlags {
  db: string;
  config?: string;
}

/** `FAIL receipt-total (3 rows): fact_receipts: total_amount = ...` and up to five example rows. */
function formatResult(result: InvariantResult): string {
  if (result.status === 'skipped') return `SKIP ${result.id}: ${result.reason ?? ''}\n`;
  if (result.status === 'passed') return '';
  const examples = result.examples.map((row) => `     ${Object.entries(row).map(([column, value]) => `${column}=${value ?? 'NULL'}`).join(' ')}\n`);
  return `FAIL ${result.id} (${result.violations.toLocaleString('en-US')} rows): ${result.description}\n${examples.join('')}`;
}

export function registerCheckCommand(program: Command, output: Output): void {
  program
    .command('check')
    .description('Run the invariant checks (keys, references, money identities, inventory chains, store hours...) on a generated DuckDB file; exit 1 if any fails')
    .requiredOption('--db <path>', 'DuckDB file to check (opened read-only)')
    .option('--config <file>', 'the configuration the file was generated with (default: the built-in defaults)')
    .action(async (flags: CheckFlags) => {
      const config = await loadConfig({ file: flags.config, overrides: {} });
      const results = await checkDatabaseFile({
        database: flags.db,
        catalog: createGeneratorRegistry(generators).catalog,
        config,
        // On a terminal one line that updates in place; in logs and pipes nothing until the result.
        onResult: (result, index, total) => {
          if ((output.stderr as NodeJS.WriteStream).isTTY) output.stderr.write(`\rcheck ${index}/${total} ${result.id}\x1b[K${index === total ? '\n' : ''}`);
        },
      });
      for (const result of results) output.stdout.write(formatResult(result));
      const count = (status: InvariantResult['status']) => results.filter((result) => result.status === status).length;
      output.stdout.write(`Checked ${flags.db}: ${results.length} invariants, ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped\n`);
      if (count('failed') > 0) {
        throw new RetailDatagenError({ code: 'CHECK_FAILED', message: `${count('failed')} of ${results.length} invariants failed in ${flags.db}` });
      }
    });
}
