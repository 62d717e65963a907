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
 * The generator packages the server runs when it is given none (`datagen
 * serve` passes the CLI's own list). Also the module worker threads load
 * (`@retail-datagen/api/generators`).
 *
 * @example
 * ```ts
 * await startServer({ database: 'data/retail.duckdb', generators: { ...generators, loyalty } });
 * ```
 */
export const generators: Readonly<Record<string, GeneratorPlugin>> = { master, seasonal, inventory, receipts, logistics, sensors, marketing, onlineOrders };

/**
 * Where worker threads load {@link generators} from: this module, compiled.
 * From the TypeScript sources (tests) it is the built file in dist, since
 * worker threads run plain JavaScript.
 *
 * @example
 * ```ts
 * await openRunService({ database, generators, generatorsModule });
 * ```
 */
export const generatorsModule: URL = import.meta.url.endsWith('.ts') ? new URL('../dist/generators.js', import.meta.url) : new URL(import.meta.url);
