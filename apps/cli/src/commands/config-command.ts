import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { configReferenceMarkdown, defaultConfig, InvalidArgumentError } from '@retail-datagen/models';
import { loadConfig } from '@retail-datagen/runner';
import type { Output } from '../program.js';

export function registerConfigCommands(program: Command, output: Output): void {
  const config = program.command('config').description('Write or check configuration files');

  config
    .command('init')
    .description('Write the default configuration (every field with its default) to FILE, or to stdout without FILE')
    .argument('[file]', 'file to write; refuses to overwrite an existing file unless --force')
    .option('--force', 'overwrite FILE if it exists')
    .action(async (file: string | undefined, flags: { force?: boolean }) => {
      const text = `${JSON.stringify(defaultConfig(), null, 2)}\n`;
      if (file === undefined) {
        output.stdout.write(text);
        return;
      }
      try {
        await writeFile(file, text, { flag: flags.force ? 'w' : 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new InvalidArgumentError('FILE', file, 'a file that does not exist yet (or pass --force)');
        throw error;
      }
      output.stdout.write(`Wrote the default configuration to ${file}\n`);
    });

  config
    .command('validate')
    .description('Check a configuration file; prints the first problem with its field path, or "valid"')
    .argument('<file>', 'JSON configuration file')
    .action(async (file: string) => {
      const validated = await loadConfig({ file });
      output.stdout.write(`${file}: valid (seed ${validated.seed}, ${validated.start} to ${validated.end}, ${validated.volumes.stores} stores)\n`);
    });

  config
    .command('reference')
    .description('Print every configuration field with its default and meaning, as a Markdown table')
    .action(() => {
      output.stdout.write(configReferenceMarkdown());
    });
}
