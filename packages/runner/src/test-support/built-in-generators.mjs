// The built-in generator packages as worker threads load them: plain
// JavaScript importing the built packages (run `pnpm build` first).
import { inventory } from '@retail-datagen/generator-inventory';
import { logistics } from '@retail-datagen/generator-logistics';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';

export const generators = { master, seasonal, inventory, receipts, logistics };
