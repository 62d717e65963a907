import { RetailDatagenError } from '@retail-datagen/models';

const marker = Symbol.for('retail-datagen.arrow-conversion-error');

/**
 * Thrown when a column batch cannot become an Arrow RecordBatch exactly (a
 * fractional cent, a timestamp beyond 2^53 ms) or a RecordBatch does not fit
 * a table (a missing column, another type, NULLs in a column that is not
 * nullable). The message names the table, the column and, for a value, the row.
 * A RecordBatch that does not fit is bad input (`USER_INVALID_ARGUMENT`); a
 * column batch that cannot be written is a generator's fault (`GENERATION_FAILURE`).
 *
 * @example
 * ```ts
 * try {
 *   fromRecordBatch(recordBatch, factReceipts);
 * } catch (error) {
 *   if (ArrowConversionError.isInstance(error)) console.error(error.message);
 *   // fact_receipts.total_amount: a money field cannot be read from an Arrow Float64 column
 * }
 * ```
 */
export class ArrowConversionError extends RetailDatagenError {
  private readonly [marker] = true;

  constructor(message: string, options: { code?: 'USER_INVALID_ARGUMENT' | 'GENERATION_FAILURE'; cause?: unknown } = {}) {
    super({ code: options.code ?? 'USER_INVALID_ARGUMENT', message, cause: options.cause });
    this.name = 'ArrowConversionError';
  }

  /**
   * True for an `ArrowConversionError`, also across duplicate installs of this package.
   *
   * @example
   * ```ts
   * if (ArrowConversionError.isInstance(error)) console.error(error.message);
   * ```
   */
  static override isInstance(error: unknown): error is ArrowConversionError {
    return RetailDatagenError.isInstance(error) && marker in error && (error as Record<symbol, unknown>)[marker] === true;
  }
}
