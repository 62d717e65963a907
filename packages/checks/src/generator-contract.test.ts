import { checkGeneratorContract, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { logistics } from '@retail-datagen/generator-logistics';
import { marketing } from '@retail-datagen/generator-marketing';
import { master } from '@retail-datagen/generator-master';
import { onlineOrders } from '@retail-datagen/generator-online-orders';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { sensors } from '@retail-datagen/generator-sensors';
import { describe, expect, test } from 'vitest';

/**
 * The shared contract suite (checkGeneratorContract from generator-core) run
 * against every built-in generator package, each among all the others so
 * that every table it declares gets rows.
 */
const builtIn: Readonly<Record<string, GeneratorPlugin>> = { master, seasonal, inventory, receipts, logistics, sensors, marketing, 'online-orders': onlineOrders };

describe('every built-in generator package keeps the generator contract', () => {
  test.each(Object.keys(builtIn))('%s', async (subject) => {
    expect(await checkGeneratorContract({ subject, generators: builtIn })).toEqual([]);
  });
});
