import { RetailDatagenError } from '@retail-datagen/models';

const marker = Symbol.for('retail-datagen.job-state-error');

/**
 * Thrown when a job cannot do what was asked in the state it is in: cancel a
 * run that has ended, resume one that completed or is running, or resume a
 * run whose data a later run replaced. The API answers 409.
 *
 * @example
 * ```ts
 * service.cancelRun('run-1'); // JobStateError: run run-1 has completed; only a running run can be cancelled
 * ```
 */
export class JobStateError extends RetailDatagenError {
  private readonly [marker] = true;

  readonly jobId: string;
  /** The job's status when it was refused. */
  readonly status: string;

  constructor(jobId: string, status: string, message: string) {
    super({ code: 'USER_INVALID_ARGUMENT', message });
    this.name = 'JobStateError';
    this.jobId = jobId;
    this.status = status;
  }

  /**
   * True for a `JobStateError`, also across duplicate installs of this package.
   *
   * @example
   * ```ts
   * if (JobStateError.isInstance(error)) console.error(error.status);
   * ```
   */
  static override isInstance(error: unknown): error is JobStateError {
    return RetailDatagenError.isInstance(error) && marker in error && (error as Record<symbol, unknown>)[marker] === true;
  }
}
