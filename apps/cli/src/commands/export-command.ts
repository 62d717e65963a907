import type { Command } from 'commander';
import { createGeneratorRegistry } from '@retail-datagen/generator-core';
import { exportDatabase, type ExportDatabaseResult } from '@retail-datagen/runner';
import { generators } from '../generators.js';
import type { Output } from '../program.js';

interface ExportFlags {
  db: string;
  out: string;
  format: string;
  tables?: string;
}

/** Files and rows per table as an aligned text table with a total line. */
function formatExportedTables(result: ExportDatabaseResult): string {
  const rows = result.tables.map((table) => [table.table, table.files.length.toLocaleString('en-US'), table.rows.toLocaleString('en-US')] as const);
  const total = [
    'total',
    result.tables.reduce((sum, table) => sum + table.files.length, 0).toLocaleString('en-US'),
    result.tables.reduce((sum, table) => sum + table.rows, 0).toLocaleString('en-US'),
  ] as const;
  const header = ['table', 'files', 'rows'] as const;
  const widths = header.map((_, column) => Math.max(...[header, ...rows, total].map((row) => (row[column] as string).length)));
  const line = (row: readonly [string, string, string]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line), rule, line(total)].join('\n') + '\n';
}

/**
 * `datagen export --db PATH --out DIR --format parquet|arrow|csv [--tables LIST]`:
 * exports the tables of a generated DuckDB file into files, facts partitioned
 * by day (Hive style), with a manifest. A bad format or an unknown table is a
 * user error (exit 2) found before anything is read or written.
 */
export function registerExportCommand(program: Command, output: Output): void {
  program
    .command('export')
    .description('Export the tables of a generated DuckDB file to Parquet, Arrow IPC or CSV files: one folder per table, facts split by day (event_date=YYYY-MM-DD), and a manifest.json')
    .requiredOption('--db <path>', 'DuckDB file to export (opened read-only)')
    .requiredOption('--out <dir>', 'output folder (created if missing; the folders of the exported tables are replaced)')
    .requiredOption('--format <format>', 'parquet, arrow (Arrow IPC stream files) or csv')
    .option('--tables <list>', 'comma-separated tables to export (default: every table in the file)')
    .action(async (flags: ExportFlags) => {
      const tables = flags.tables?.split(',').map((name) => name.trim()).filter((name) => name !== '');
      const result = await exportDatabase({
        database: flags.db,
        out: flags.out,
        format: flags.format,
        ...(tables ? { tables } : {}),
        catalog: createGeneratorRegistry(generators).catalog,
        onTable: (progress) => {
          const where = `export ${progress.index}/${progress.total} ${progress.table}`;
          if (progress.phase === 'start') output.stderr.write(`${where}: ${progress.rows.toLocaleString('en-US')} rows...\n`);
          else output.stderr.write(`${where}: done, ${progress.files.toLocaleString('en-US')} file${progress.files === 1 ? '' : 's'}\n`);
        },
      });
      output.stdout.write(`Exported ${result.tables.length} tables of ${flags.db} to ${flags.out} as ${result.format} (manifest: ${result.manifestPath})\n\n`);
      output.stdout.write(formatExportedTables(result));
    });
}
