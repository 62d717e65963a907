const marker = Symbol.for('retail-datagen.error');

/**
 * Every error code retail-datagen throws. `USER_*` codes are mistakes in what a
 * user gave us (config, flags, table names, dates): the CLI exits 2 and the API
 * answers 400/404. Every other code is a runtime failure; `CHECK_FAILED` means
 * a generated database broke one of its invariants (`datagen check` exits 1);
 * `CANCELLED` means the user stopped a run (Ctrl-C), which left complete days;
 * `DATABASE_BUSY` means another generation is writing the database (the API
 * answers 409).
 */
export const errorCodes = [
  'USER_CONFIG_INVALID',
  'USER_UNKNOWN_TABLE',
  'USER_INVALID_ARGUMENT',
  'USER_MISSING_GENERATOR',
  'USER_UNKNOWN_RUN',
  'STORAGE_FAILURE',
  'GENERATION_FAILURE',
  'CHECK_FAILED',
  'CANCELLED',
  'DATABASE_BUSY',
] as const;

export type RetailDatagenErrorCode = (typeof errorCodes)[number];

export interface RetailDatagenErrorOptions {
  code: RetailDatagenErrorCode;
  message: string;
  cause?: unknown;
}

/**
 * The one base class of every error retail-datagen throws on purpose.
 *
 * @example
 * ```ts
 * try {
 *   parseConfig(json);
 * } catch (error) {
 *   if (RetailDatagenError.isInstance(error) && error.isUserError) {
 *     console.error(error.message);
 *     process.exitCode = 2;
 *   }
 * }
 * ```
 */
export class RetailDatagenError extends Error {
  private readonly [marker] = true;

  readonly code: RetailDatagenErrorCode;

  constructor({ code, message, cause }: RetailDatagenErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'RetailDatagenError';
    this.code = code;
  }

  /** True for mistakes in user input, false for runtime failures. */
  get isUserError(): boolean {
    return this.code.startsWith('USER_');
  }

  /**
   * Works across duplicate installs of this package, where `instanceof` does not.
   *
   * @example
   * ```ts
   * if (RetailDatagenError.isInstance(error)) console.log(error.code);
   * ```
   */
  static isInstance(error: unknown): error is RetailDatagenError {
    return typeof error === 'object' && error !== null && marker in error && (error as Record<symbol, unknown>)[marker] === true;
  }
}
