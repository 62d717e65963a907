import { InvalidArgumentError } from '@retail-datagen/models';

/** The environment variable that fixes the batch size when `--batch-rows` is not given. */
export const batchRowsEnvironmentVariable = 'RETAIL_BATCH_ROWS';

/** Largest batch size `--batch-rows` / `RETAIL_BATCH_ROWS` accept. */
export const maxBatchRowsOverride = 1_000_000;

/**
 * How batches are sized: adapted from measured throughput and memory, or fixed
 * by the user (and where that came from, for logs and errors).
 *
 * @example
 * ```ts
 * const choice: BatchRowsChoice = { mode: 'fixed', rows: 5_000, source: '--batch-rows' };
 * ```
 */
export type BatchRowsChoice = { readonly mode: 'adaptive' } | { readonly mode: 'fixed'; readonly rows: number; readonly source: '--batch-rows' | 'RETAIL_BATCH_ROWS' };

/**
 * Resolves the batch-size override: the `--batch-rows` option when given,
 * else the `RETAIL_BATCH_ROWS` environment variable when set and not empty
 * (whitespace only counts as empty), else adaptive sizing. A value is a whole
 * number from 1 to 1,000,000, as a number or as decimal digits (surrounding
 * whitespace allowed).
 *
 * @throws InvalidArgumentError naming `--batch-rows` or `RETAIL_BATCH_ROWS`
 *   (whichever the bad value came from) when it is not such a number.
 *
 * @example
 * ```ts
 * resolveBatchRows(undefined, {}); // { mode: 'adaptive' }
 * resolveBatchRows('5000', { RETAIL_BATCH_ROWS: '20000' }); // { mode: 'fixed', rows: 5000, source: '--batch-rows' }
 * resolveBatchRows(undefined, { RETAIL_BATCH_ROWS: '20000' }); // { mode: 'fixed', rows: 20000, source: 'RETAIL_BATCH_ROWS' }
 * resolveBatchRows('lots'); // throws InvalidArgumentError: --batch-rows: got "lots"; expected a whole number from 1 to 1,000,000
 * ```
 */
export function resolveBatchRows(option: number | string | undefined, env: NodeJS.ProcessEnv = process.env): BatchRowsChoice {
  if (option !== undefined) return { mode: 'fixed', rows: parseBatchRows(option, '--batch-rows'), source: '--batch-rows' };
  const fromEnvironment = env[batchRowsEnvironmentVariable];
  if (fromEnvironment === undefined || fromEnvironment.trim() === '') return { mode: 'adaptive' };
  return { mode: 'fixed', rows: parseBatchRows(fromEnvironment, batchRowsEnvironmentVariable), source: batchRowsEnvironmentVariable };
}

/**
 * A batch-size override checked on its own: a whole number from 1 to
 * 1,000,000, as a number or as decimal digits (surrounding whitespace
 * allowed), named `source` in the error otherwise.
 *
 * @throws InvalidArgumentError naming `source`.
 *
 * @example
 * ```ts
 * parseBatchRows(16_384, 'batchRows'); // 16384
 * parseBatchRows(0, 'batchRows'); // throws InvalidArgumentError: batchRows: got 0; expected a whole number from 1 to 1,000,000
 * ```
 */
export function parseBatchRows(value: number | string, source: string): number {
  const rows = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > maxBatchRowsOverride) {
    throw new InvalidArgumentError(source, value, 'a whole number from 1 to 1,000,000');
  }
  return rows;
}
