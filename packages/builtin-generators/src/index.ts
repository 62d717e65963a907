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
 * The built-in generator packages, in registry order: what `datagen` and the
 * HTTP API run. Adding a generator package to both is one line here; the
 * engine and runner need no edit.
 *
 * @example
 * ```ts
 * await generateFacts({ database, config, generators: { ...generators, loyalty } });
 * ```
 */
export const generators: Readonly<Record<string, GeneratorPlugin>> = { master, seasonal, inventory, receipts, logistics, sensors, marketing, onlineOrders };

/**
 * This module, compiled: where worker threads load {@link generators} from
 * (`generatorsModule` of the runner).
 *
 * @example
 * ```ts
 * await generateFacts({ database, config, generators, workers: 1, generatorsModule });
 * ```
 */
export const generatorsModule: URL = new URL(import.meta.url);
