// The store-day packages only (no chain-phase logistics), as worker threads
// load them: the memory test measures what the store phase and the commits hold.
import { inventory } from '@retail-datagen/generator-inventory';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';

export const generators = { master, seasonal, inventory, receipts };
