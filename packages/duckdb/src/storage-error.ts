import { RetailDatagenError } from '@retail-datagen/models';

const marker = Symbol.for('retail-datagen.storage-error');

/**
 * Thrown when the DuckDB store cannot do what was asked: the file cannot be
 * opened (locked by another process, a directory, unreadable), a statement or
 * an append fails, or a batch holds a value the table cannot store. Anything
 * written in the failing transaction has been rolled back. DuckDB's own error,
 * when there is one, is the `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await openStore('data/retail.duckdb');
 * } catch (error) {
 *   if (StorageError.isInstance(error)) console.error(error.message, error.path);
 *   // cannot open DuckDB database data/retail.duckdb: another process holds it open (IO Error: Could not set lock ...)
 * }
 * ```
 */
export class StorageError extends RetailDatagenError {
  private readonly [marker] = true;

  /** The database file concerned, or `:memory:`. */
  readonly path: string | undefined;

  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super({ code: 'STORAGE_FAILURE', message, cause: options.cause });
    this.name = 'StorageError';
    this.path = options.path;
  }

  /**
   * True for a `StorageError`, also across duplicate installs of this package.
   *
   * @example
   * ```ts
   * if (StorageError.isInstance(error)) console.error(error.path);
   * ```
   */
  static override isInstance(error: unknown): error is StorageError {
    return RetailDatagenError.isInstance(error) && marker in error && (error as Record<symbol, unknown>)[marker] === true;
  }
}

/** DuckDB's message of a caught error, for one-line reports. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
