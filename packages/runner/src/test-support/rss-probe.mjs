// Generates master data and `days` days of facts with the built packages in
// a fresh process, then prints the process's peak RSS in KB: the memory test
// compares runs of different lengths. DuckDB's block cache is capped at 64MB so
// that the short run fills it too: what grows with the days would be ours.
import { generateFacts, generateMaster } from '@retail-datagen/runner';
import { parseConfig } from '@retail-datagen/models';
import { generators } from './store-phase-generators.mjs';

const [database, days, workers] = process.argv.slice(2);
const start = '2024-11-15';
const end = new Date(Date.parse(`${start}T00:00:00Z`) + (Number(days) - 1) * 86_400_000).toISOString().slice(0, 10);
const config = parseConfig({ seed: 3, start, end, volumes: { stores: 8, customers: 4_000, products: 300 } });
await generateMaster({ database, config, generators });
await generateFacts({ database, config, generators, workers: Number(workers), duckdbMemoryLimit: '64MB', generatorsModule: new URL('./store-phase-generators.mjs', import.meta.url) });
process.stdout.write(`${process.resourceUsage().maxRSS}\n`);
