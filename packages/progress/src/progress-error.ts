const marker = Symbol.for('retail-datagen.progress-error');

/**
 * Every code a {@link ProgressError} carries. They are stable: match on them,
 * not on messages.
 *
 * - `PROGRESS_INVALID_ARGUMENT`: a bad option or value (a negative count, a weight of 0, a bad interval).
 * - `PROGRESS_UNKNOWN_TABLE`: a table the hourly tracker was not created with.
 * - `PROGRESS_UNKNOWN_STAGE`: a stage the staged progress was not created with.
 * - `PROGRESS_HOUR_OUT_OF_RANGE`: an hour outside 0-23.
 * - `PROGRESS_DAY_OUT_OF_RANGE`: a day outside 1..total days.
 * - `PROGRESS_RESUME_MISMATCH`: saved progress that does not fit the job it is restored into.
 *
 * @example
 * ```ts
 * progressErrorCodes.includes(error.code); // true for every ProgressError
 * ```
 */
export const progressErrorCodes = [
  'PROGRESS_INVALID_ARGUMENT',
  'PROGRESS_UNKNOWN_TABLE',
  'PROGRESS_UNKNOWN_STAGE',
  'PROGRESS_HOUR_OUT_OF_RANGE',
  'PROGRESS_DAY_OUT_OF_RANGE',
  'PROGRESS_RESUME_MISMATCH',
] as const;

/**
 * One of {@link progressErrorCodes}.
 *
 * @example
 * ```ts
 * const code: ProgressErrorCode = 'PROGRESS_UNKNOWN_TABLE';
 * ```
 */
export type ProgressErrorCode = (typeof progressErrorCodes)[number];

/**
 * What a {@link ProgressError} is built from.
 *
 * @example
 * ```ts
 * new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: 'intervalMs: got -1; expected a number > 0' });
 * ```
 */
export interface ProgressErrorOptions {
  code: ProgressErrorCode;
  message: string;
  cause?: unknown;
}

/**
 * The one error class this package throws on purpose. The message says what
 * was wrong and what is allowed; `code` is stable.
 *
 * @example
 * ```ts
 * try {
 *   tracker.markHour('sales', 3, 24);
 * } catch (error) {
 *   if (ProgressError.isInstance(error)) console.error(error.code, error.message);
 *   // PROGRESS_HOUR_OUT_OF_RANGE hour: got 24; expected an integer from 0 to 23
 * }
 * ```
 */
export class ProgressError extends Error {
  private readonly [marker] = true;

  readonly code: ProgressErrorCode;

  constructor({ code, message, cause }: ProgressErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ProgressError';
    this.code = code;
  }

  /**
   * Works across duplicate installs of this package, where `instanceof` does not.
   *
   * @example
   * ```ts
   * if (ProgressError.isInstance(error) && error.code === 'PROGRESS_UNKNOWN_TABLE') process.exitCode = 2;
   * ```
   */
  static isInstance(error: unknown): error is ProgressError {
    return typeof error === 'object' && error !== null && marker in error && (error as Record<symbol, unknown>)[marker] === true;
  }
}

/**
 * Throws a `PROGRESS_INVALID_ARGUMENT` error unless `value` is a finite number
 * within the bounds. Returns the value.
 *
 * @example
 * ```ts
 * const intervalMs = requireNumber('intervalMs', options.intervalMs ?? 500, { min: 1 });
 * ```
 */
export function requireNumber(name: string, value: number, bounds: { min?: number; integer?: boolean } = {}): number {
  const min = bounds.min ?? Number.NEGATIVE_INFINITY;
  const valid = typeof value === 'number' && Number.isFinite(value) && value >= min && (!bounds.integer || Number.isInteger(value));
  if (!valid) {
    const kind = bounds.integer ? 'an integer' : 'a finite number';
    const range = bounds.min === undefined ? '' : ` >= ${bounds.min}`;
    throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `${name}: got ${describe(value)}; expected ${kind}${range}` });
  }
  return value;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
