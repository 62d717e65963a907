import { BatchSizer } from './batch-sizer.js';
import { resolveBatchRows } from './batch-rows-option.js';

/**
 * JavaScript memory a run's batches live in: the heap plus the ArrayBuffers
 * of the typed arrays. DuckDB's own memory (its block cache, bounded by its
 * memory limit) is left out: batch size does not change it.
 */
function batchMemoryInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** The batch memory above which batches halve. */
const batchMemoryBudgetBytes = 512 * 1024 * 1024;

/**
 * The batch sizer of a generation run: fixed by `batchRows` (the
 * `--batch-rows` option) or the `RETAIL_BATCH_ROWS` environment variable,
 * else adaptive between 1,000 and 100,000 rows, deciding every 4 days from
 * their write throughput and halving while the run's JavaScript memory is
 * over 512 MiB.
 *
 * @throws InvalidArgumentError naming `--batch-rows` or `RETAIL_BATCH_ROWS` for a value that is not a whole number from 1 to 1,000,000.
 *
 * @example
 * ```ts
 * createBatchSizer(undefined, {}).describe(); // 'adaptive, 16,384 rows'
 * createBatchSizer(5_000).describe(); // 'fixed, 5,000 rows (--batch-rows)'
 * ```
 */
export function createBatchSizer(batchRows: number | string | undefined, env: NodeJS.ProcessEnv = process.env): BatchSizer {
  return BatchSizer.fromChoice(resolveBatchRows(batchRows, env), { memoryInUse: batchMemoryInUse, memoryBudgetBytes: batchMemoryBudgetBytes, windowSamples: 4 });
}
