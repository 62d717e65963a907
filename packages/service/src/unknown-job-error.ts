import { RetailDatagenError } from '@retail-datagen/models';

const marker = Symbol.for('retail-datagen.unknown-job-error');

/**
 * Thrown when a run or export id names no job of the service. The API
 * answers 404 with the id.
 *
 * @example
 * ```ts
 * service.getRun('run-99'); // UnknownJobError: unknown run "run-99"; runs of this server: run-1, run-2
 * ```
 */
export class UnknownJobError extends RetailDatagenError {
  private readonly [marker] = true;

  /** `run` or `export`. */
  readonly kind: 'run' | 'export';
  readonly jobId: string;

  constructor(kind: 'run' | 'export', jobId: string, knownIds: readonly string[]) {
    super({
      code: 'USER_UNKNOWN_RUN',
      message: `unknown ${kind} ${JSON.stringify(jobId)}; ${kind}s of this server: ${knownIds.length === 0 ? 'none yet' : knownIds.join(', ')}`,
    });
    this.name = 'UnknownJobError';
    this.kind = kind;
    this.jobId = jobId;
  }

  /**
   * True for an `UnknownJobError`, also across duplicate installs of this package.
   *
   * @example
   * ```ts
   * if (UnknownJobError.isInstance(error)) console.error(error.jobId);
   * ```
   */
  static override isInstance(error: unknown): error is UnknownJobError {
    return RetailDatagenError.isInstance(error) && marker in error && (error as Record<symbol, unknown>)[marker] === true;
  }
}
