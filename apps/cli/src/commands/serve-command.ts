import type { Command } from 'commander';
import { startServer } from '@retail-datagen/api';
import { loadConfig } from '@retail-datagen/runner';
import { parseWholeNumber } from '../flags.js';
import { generators } from '../generators.js';
import { listenForInterrupt } from '../interrupt.js';
import type { Output } from '../program.js';

interface ServeFlags {
  db: string;
  port: string;
  host: string;
  config?: string;
}

/** Where worker threads load the same generator packages from. */
const generatorsModule = new URL('../generators.js', import.meta.url);

/**
 * `datagen serve --db PATH [--port N] [--host 127.0.0.1] [--config FILE]`:
 * serves the HTTP API and the live dashboard over one DuckDB file until
 * SIGINT or SIGTERM; then a running run is cancelled at the next day
 * boundary, the file is closed and the command exits 0 (a second signal
 * exits 130 at once).
 */
export function registerServeCommand(program: Command, output: Output): void {
  program
    .command('serve')
    .description('Serve the HTTP API and the live web dashboard over one DuckDB file (start, follow, cancel and resume runs; export; browse tables)')
    .requiredOption('--db <path>', 'DuckDB file the server owns (created with its folders if missing)')
    .option('--port <n>', 'TCP port; 0 picks a free one', '8080')
    .option('--host <host>', 'interface to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--config <file>', 'JSON configuration file every run starts from (a run can override any field)')
    .action(async (flags: ServeFlags) => {
      const port = parseWholeNumber('--port', flags.port, 0, 65_535);
      const config = flags.config === undefined ? undefined : await loadConfig({ file: flags.config });
      const server = await startServer({ database: flags.db, port, host: flags.host, generators, generatorsModule, ...(config ? { config } : {}) });
      const interrupt = listenForInterrupt(output);
      output.stdout.write(`Serving ${flags.db} at ${server.url} (dashboard ${server.url}/, API ${server.url}/api, OpenAPI ${server.url}/openapi.json); Ctrl-C stops\n`);
      try {
        await new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve(), { once: true }));
        await server.close();
      } finally {
        interrupt.dispose();
      }
      output.stdout.write(`Stopped; ${flags.db} is closed\n`);
    });
}
