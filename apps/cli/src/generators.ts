import type { GeneratorPlugin } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';

/**
 * The generator packages the CLI runs. Adding a generator package is one line
 * here; the engine and runner need no edit.
 */
export const generators: Readonly<Record<string, GeneratorPlugin>> = { master, seasonal, inventory, receipts };
