import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generators } from '@retail-datagen/cli/generators';
import { createGeneratorRegistry } from '@retail-datagen/generator-core';
import { parseConfigText } from '@retail-datagen/models';
import { defaultWorkerCount, generateFacts, generateMaster } from '@retail-datagen/runner';
import { runFakerBaseline } from './faker-baseline.js';
import { runNativeReference } from './native-reference.js';

/**
 * `pnpm bench`: generates the 10M-row preset into a fresh DuckDB file with
 * every built-in generator package, then measures DuckDB's native speed on
 * the same table shapes and a faker-js baseline over the same number of
 * rows, and prints the figures. Exits 1 when a target of the benchmark is
 * missed (>= 10M fact rows, under 30 s, peak RSS under 1 GB, >= 2x baseline).
 */
const presetFile = new URL(`../presets/${process.argv[2] ?? '10m'}.json`, import.meta.url);
const workers = process.env.RETAIL_WORKERS === undefined ? defaultWorkerCount() : Number(process.env.RETAIL_WORKERS);
const skipBaseline = process.env.BENCH_SKIP_BASELINE === '1';

const format = (value: number) => Math.round(value).toLocaleString('en-US');
const directory = await mkdtemp(join(tmpdir(), 'retail-datagen-bench-'));
try {
  const config = parseConfigText(await readFile(presetFile, 'utf8'), presetFile.pathname);
  const database = join(directory, 'bench.duckdb');
  console.log(`retail-datagen bench: preset ${presetFile.pathname.split('/').pop()} (${config.start}..${config.end}, seed ${config.seed}), ${workers} worker thread(s)`);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

  const started = performance.now();
  const dims = await generateMaster({ database, config, generators });
  const facts = await generateFacts({ database, config, generators, workers, generatorsModule: import.meta.resolve('@retail-datagen/cli/generators') });
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const factRows = facts.tables.reduce((sum, table) => sum + table.rows, 0);
  const dimRows = dims.reduce((sum, table) => sum + table.rows, 0);

  console.log('');
  for (const { table, rows } of [...dims, ...facts.tables]) console.log(`${table.padEnd(28)} ${format(rows).padStart(12)}`);
  console.log('');
  console.log(`fact rows       ${format(factRows)} (+ ${format(dimRows)} dimension rows)`);
  console.log(`seconds         ${seconds.toFixed(1)} (master data, facts and commits, into a fresh file)`);
  console.log(`rows/s          ${format((factRows + dimRows) / seconds)}`);
  console.log(`peak RSS        ${peakRssMb.toFixed(0)} MB`);
  console.log(`workers         ${workers}`);

  const catalog = createGeneratorRegistry(generators).catalog;
  const native = await runNativeReference(join(directory, 'native.duckdb'), facts.tables.map(({ table, rows }) => ({ table: catalog.get(table), rows })));
  const oursPerSecond = (factRows + dimRows) / seconds;
  const nativePerSecond = native.rows / native.seconds;
  console.log('');
  console.log(`DuckDB native   ${format(nativePerSecond)} rows/s (CREATE TABLE ... AS SELECT ... FROM range(n), same shapes and counts, ${native.seconds.toFixed(1)} s); ours = ${(oursPerSecond / nativePerSecond).toFixed(2)}x`);

  let baselineRatio = Number.NaN;
  if (!skipBaseline) {
    const baseline = await runFakerBaseline(join(directory, 'baseline.duckdb'), factRows);
    const baselinePerSecond = baseline.rows / baseline.seconds;
    baselineRatio = oursPerSecond / baselinePerSecond;
    console.log(`faker baseline  ${format(baselinePerSecond)} rows/s (faker-js objects + row appender, receipts and lines, ${format(baseline.rows)} rows in ${baseline.seconds.toFixed(1)} s); ours = ${baselineRatio.toFixed(2)}x`);
  }

  const misses = [
    factRows < 10_000_000 ? `fact rows ${format(factRows)} < 10,000,000` : '',
    seconds >= 30 ? `took ${seconds.toFixed(1)} s >= 30 s` : '',
    peakRssMb >= 1024 ? `peak RSS ${peakRssMb.toFixed(0)} MB >= 1024 MB` : '',
    baselineRatio < 2 ? `only ${baselineRatio.toFixed(2)}x the baseline` : '',
  ].filter((miss) => miss !== '');
  console.log('');
  console.log(misses.length === 0 ? 'targets: all met' : `targets missed: ${misses.join('; ')}`);
  process.exitCode = misses.length === 0 ? 0 : 1;
} finally {
  await rm(directory, { recursive: true, force: true });
}
