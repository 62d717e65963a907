import { RetailDatagenError } from '@retail-datagen/models';

const marker = Symbol.for('retail-datagen.service-busy-error');

/**
 * Thrown when a run or an export is asked for while another job of the
 * service is writing or reading its database: one job at a time per file.
 * The API answers 409 naming the job in the way.
 *
 * @example
 * ```ts
 * await service.startRun({ days: 30 });
 * await service.startRun({ days: 7 }); // ServiceBusyError: run run-1 is running on data/retail.duckdb; ...
 * ```
 */
export class ServiceBusyError extends RetailDatagenError {
  private readonly [marker] = true;

  /** The job in the way. */
  readonly activeJob: { readonly kind: 'run' | 'export'; readonly id: string };

  constructor(database: string, activeJob: { kind: 'run' | 'export'; id: string }) {
    super({
      code: 'DATABASE_BUSY',
      message: `${activeJob.kind} ${activeJob.id} is running on ${database}; wait for it to end, or cancel it${activeJob.kind === 'run' ? ' (a cancelled run can be resumed)' : ''}`,
    });
    this.name = 'ServiceBusyError';
    this.activeJob = { ...activeJob };
  }

  /**
   * True for a `ServiceBusyError`, also across duplicate installs of this package.
   *
   * @example
   * ```ts
   * if (ServiceBusyError.isInstance(error)) console.error(`wait for ${error.activeJob.id}`);
   * ```
   */
  static override isInstance(error: unknown): error is ServiceBusyError {
    return RetailDatagenError.isInstance(error) && marker in error && (error as Record<symbol, unknown>)[marker] === true;
  }
}
