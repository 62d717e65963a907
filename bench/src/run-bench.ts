import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generators } from '@retail-datagen/cli/generators';
import { createGeneratorRegistry } from '@retail-datagen/generator-core';
import { parseConfigText } from '@retail-datagen/models';
import { defaultWorkerCount } from '@retail-datagen/runner';
import { runNativeReference } from './native-reference.js';
import type { OurRound } from './our-round.js';

/**
 * `pnpm bench`: generates the 10M-row preset into a fresh DuckDB file with
 * every built-in generator package, and a faker-js baseline over the same
 * number of rows, in turn for a few rounds, each in a process and file of its
 * own; then DuckDB's native speed on the same table shapes. Prints every
 * round and the medians. Exits 1 when a target of the benchmark is missed:
 * >= 10M fact rows, every round under 30 s and under 1 GB peak RSS, and our
 * median rows/s at least 2x the baseline's.
 */
const presetFile = fileURLToPath(new URL(`../presets/${process.argv[2] ?? '10m'}.json`, import.meta.url));
const workers = process.env.RETAIL_WORKERS === undefined ? defaultWorkerCount() : Number(process.env.RETAIL_WORKERS);
const rounds = process.env.BENCH_ROUNDS === undefined ? 3 : Number(process.env.BENCH_ROUNDS);
const skipBaseline = process.env.BENCH_SKIP_BASELINE === '1';
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new Error(`BENCH_ROUNDS: got "${process.env.BENCH_ROUNDS}"; expected a whole number from 1 to 20`);

const run = promisify(execFile);
const format = (value: number) => Math.round(value).toLocaleString('en-US');
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const sum = (tables: readonly { rows: number }[]) => tables.reduce((total, table) => total + table.rows, 0);

/** Runs one round script in a fresh Node process and parses the JSON line it prints. */
async function runRound<T>(script: string, args: readonly string[]): Promise<T> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  try {
    const { stdout } = await run(process.execPath, [file, ...args], { maxBuffer: 16 * 2 ** 20 });
    return JSON.parse(stdout.trim().split('\n').pop() ?? '') as T;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`bench round ${script} failed: ${stderr.trim() || String(error)}`);
  }
}

const directory = await mkdtemp(join(tmpdir(), 'retail-datagen-bench-'));
try {
  const config = parseConfigText(await readFile(presetFile, 'utf8'), presetFile);
  console.log(`retail-datagen bench: preset ${presetFile.split('/').pop()} (${config.start}..${config.end}, seed ${config.seed}), ${workers} worker thread(s)`);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(`${rounds} round(s): ours${skipBaseline ? '' : ', then the baseline'}, each in a fresh process and DuckDB file`);
  console.log('');

  const ours: OurRound[] = [];
  const baseline: { rows: number; seconds: number }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const database = join(directory, `round-${round}.duckdb`);
    const our = await runRound<OurRound>('./our-round.js', [presetFile, database, String(workers)]);
    await rm(database, { force: true });
    ours.push(our);
    const ourRows = sum(our.dimensions) + sum(our.facts);
    let line = `round ${round}: ours ${format(ourRows)} rows in ${our.seconds.toFixed(1)} s = ${format(ourRows / our.seconds)} rows/s, peak RSS ${our.peakRssMb.toFixed(0)} MB`;
    if (!skipBaseline) {
      const baselineDatabase = join(directory, `baseline-${round}.duckdb`);
      const theirs = await runRound<{ rows: number; seconds: number }>('./baseline-round.js', [baselineDatabase, String(sum(our.facts))]);
      await rm(baselineDatabase, { force: true });
      baseline.push(theirs);
      line += `; baseline ${format(theirs.rows / theirs.seconds)} rows/s (${theirs.seconds.toFixed(1)} s); ours = ${(ourRows / our.seconds / (theirs.rows / theirs.seconds)).toFixed(2)}x`;
    }
    console.log(line);
  }

  const first = ours[0] as OurRound;
  const sameRows = ours.every((our) => JSON.stringify([our.dimensions, our.facts]) === JSON.stringify([first.dimensions, first.facts]));
  const factRows = sum(first.facts);
  const dimRows = sum(first.dimensions);
  const seconds = ours.map((our) => our.seconds);
  const oursPerSecond = median(ours.map((our) => (sum(our.dimensions) + sum(our.facts)) / our.seconds));
  const peakRssMb = Math.max(...ours.map((our) => our.peakRssMb));
  const list = (values: readonly number[], digits: number) => values.map((value) => value.toFixed(digits)).join(', ');

  console.log('');
  for (const { table, rows } of [...first.dimensions, ...first.facts]) console.log(`${table.padEnd(28)} ${format(rows).padStart(12)}`);
  console.log('');
  console.log(`fact rows       ${format(factRows)} (+ ${format(dimRows)} dimension rows)${rounds > 1 ? (sameRows ? ', the same in every round' : ', NOT the same in every round') : ''}`);
  console.log(`seconds         ${median(seconds).toFixed(1)} (median of ${list(seconds, 1)}; master data, facts and commits, into a fresh file)`);
  console.log(`rows/s          ${format(oursPerSecond)} (median)`);
  console.log(`peak RSS        ${peakRssMb.toFixed(0)} MB (highest of ${list(ours.map((our) => our.peakRssMb), 0)})`);
  console.log(`workers         ${first.workers}`);

  const catalog = createGeneratorRegistry(generators).catalog;
  const native = await runNativeReference(join(directory, 'native.duckdb'), first.facts.map(({ table, rows }) => ({ table: catalog.get(table), rows })));
  const nativePerSecond = native.rows / native.seconds;
  console.log('');
  console.log(`DuckDB native   ${format(nativePerSecond)} rows/s (CREATE TABLE ... AS SELECT ... FROM range(n), same shapes and counts, ${native.seconds.toFixed(1)} s); ours = ${(oursPerSecond / nativePerSecond).toFixed(2)}x`);

  let baselineRatio = Number.NaN;
  if (!skipBaseline) {
    const baselinePerSecond = median(baseline.map((theirs) => theirs.rows / theirs.seconds));
    baselineRatio = oursPerSecond / baselinePerSecond;
    console.log(
      `faker baseline  ${format(baselinePerSecond)} rows/s (median; faker-js objects + row appender, receipts and lines, ${format(median(baseline.map((theirs) => theirs.rows)))} rows in ${list(baseline.map((theirs) => theirs.seconds), 1)} s); ours = ${baselineRatio.toFixed(2)}x`,
    );
  }

  const slowest = Math.max(...seconds);
  const misses = [
    factRows < 10_000_000 ? `fact rows ${format(factRows)} < 10,000,000` : '',
    sameRows ? '' : 'the rounds wrote different row counts',
    slowest >= 30 ? `a round took ${slowest.toFixed(1)} s >= 30 s` : '',
    peakRssMb >= 1024 ? `peak RSS ${peakRssMb.toFixed(0)} MB >= 1024 MB` : '',
    baselineRatio < 2 ? `only ${baselineRatio.toFixed(2)}x the baseline` : '',
  ].filter((miss) => miss !== '');
  console.log('');
  console.log(misses.length === 0 ? 'targets: all met' : `targets missed: ${misses.join('; ')}`);
  process.exitCode = misses.length === 0 ? 0 : 1;
} finally {
  await rm(directory, { recursive: true, force: true });
}
