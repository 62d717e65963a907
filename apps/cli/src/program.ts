import { Command } from 'commander';
import { registerCheckCommand } from './commands/check-command.js';
import { registerConfigCommands } from './commands/config-command.js';
import { registerExportCommand } from './commands/export-command.js';
import { registerGenerateCommands } from './commands/generate-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerRunsCommands } from './commands/runs-command.js';
import { version } from './version.js';

/** Where the CLI prints. */
export interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Builds the `datagen` command tree. Parsing and printing only: the work is done by the packages. */
export function createProgram(output: Output): Command {
  const program = new Command('datagen')
    .description('Generate a realistic, deterministic retail history into DuckDB.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.stdout.write(text),
      writeErr: (text) => output.stderr.write(text),
      // One line: "datagen: error: unknown option '--sed' (Did you mean --seed?)"
      outputError: (text, write) => write(`datagen: ${text.trim().replace(/\s*\n\s*/g, ' ')}\n`),
    })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  registerGenerateCommands(program, output);
  registerRunsCommands(program, output);
  registerCheckCommand(program, output);
  registerExportCommand(program, output);
  registerConfigCommands(program, output);
  registerServeCommand(program, output);
  return program;
}
