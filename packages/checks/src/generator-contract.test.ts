import { checkGeneratorContract, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { describe, expect, test } from 'vitest';

/**
 * The shared contract suite (checkGeneratorContract from generator-core) run
 * against every built-in generator package, each among all the others so
 * that every table it declares gets rows.
 */
const builtIn: Readonly<Record<string, GeneratorPlugin>> = { master, seasonal, inventory, receipts };

describe('every built-in generator package keeps the generator contract', () => {
  test.each(Object.keys(builtIn))('%s', async (subject) => {
    expect(await checkGeneratorContract({ subject, generators: builtIn })).toEqual([]);
  });
});
