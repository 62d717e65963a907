import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { configReferenceMarkdown } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { createProgram } from './program.js';

const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');

function commandPaths(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((child) => {
    const path = [...prefix, child.name()];
    return child.commands.length > 0 ? commandPaths(child, path) : [path.join(' ')];
  });
}

describe('README stays true', () => {
  it('embeds the configuration reference generated from the schema', () => {
    expect(readme).toContain(configReferenceMarkdown());
  });

  it('documents every datagen command and each of its flags', () => {
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    const program = createProgram({ stdout: sink, stderr: sink });
    const paths = commandPaths(program);
    expect(paths.length).toBeGreaterThan(3);
    for (const path of paths) {
      expect(readme, `datagen ${path}`).toContain(`datagen ${path}`);
      const command = path.split(' ').reduce<Command>((parent, name) => parent.commands.find((child) => child.name() === name) as Command, program);
      for (const option of command.options) expect(readme, `datagen ${path} ${option.long}`).toContain(`${option.long}`);
    }
  });
});
