import type { GeneratorPlugin } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { logistics } from '@retail-datagen/generator-logistics';
import { marketing } from '@retail-datagen/generator-marketing';
import { master } from '@retail-datagen/generator-master';
import { onlineOrders } from '@retail-datagen/generator-online-orders';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { sensors } from '@retail-datagen/generator-sensors';

/**
 * The generator packages the CLI runs. Adding a generator package is one line
 * here; the engine and runner need no edit.
 */
export const generators: Readonly<Record<string, GeneratorPlugin>> = { master, seasonal, inventory, receipts, logistics, sensors, marketing, onlineOrders };
