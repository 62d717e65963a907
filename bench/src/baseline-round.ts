import { runFakerBaseline } from './faker-baseline.js';

/**
 * One round of the faker-js baseline, in a process of its own: at least
 * TARGET_ROWS rows into a fresh DuckDB file. Prints one line of JSON: rows
 * and seconds.
 *
 * Usage: node dist/baseline-round.js DATABASE TARGET_ROWS
 */
const [database, target] = process.argv.slice(2);
if (database === undefined || target === undefined) {
  console.error('usage: node dist/baseline-round.js DATABASE TARGET_ROWS');
  process.exit(2);
}
console.log(JSON.stringify(await runFakerBaseline(database, Number(target))));
