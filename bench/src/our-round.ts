import { readFile } from 'node:fs/promises';
import { generators } from '@retail-datagen/cli/generators';
import { parseConfigText } from '@retail-datagen/models';
import { generateHistory } from '@retail-datagen/runner';

/**
 * One round of our side of the bench, in a process of its own: the preset
 * into a fresh DuckDB file, as `datagen generate all` makes it (master data,
 * then the fact history, the worker threads started first). Prints one line
 * of JSON: rows per table, seconds, peak RSS of this process, workers.
 *
 * Usage: node dist/our-round.js PRESET_FILE DATABASE WORKERS
 */
export interface OurRound {
  readonly dimensions: readonly { table: string; rows: number }[];
  readonly facts: readonly { table: string; rows: number }[];
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly workers: number;
}

const [presetPath, database, workersArgument] = process.argv.slice(2);
if (presetPath === undefined || database === undefined || workersArgument === undefined) {
  console.error('usage: node dist/our-round.js PRESET_FILE DATABASE WORKERS');
  process.exit(2);
}
const config = parseConfigText(await readFile(presetPath, 'utf8'), presetPath);
const workers = Number(workersArgument);
const started = performance.now();
const result = await generateHistory({ database, config, generators, workers, generatorsModule: import.meta.resolve('@retail-datagen/cli/generators') });
const seconds = (performance.now() - started) / 1000;
if (result.facts === undefined || result.facts.cancelled) throw new Error('the bench run stopped before its last day');
const round: OurRound = { dimensions: result.dimensions, facts: result.facts.tables, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, workers };
console.log(JSON.stringify(round));
