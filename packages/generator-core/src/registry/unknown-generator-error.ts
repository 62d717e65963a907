import { RetailDatagenError } from '@retail-datagen/models';

/**
 * Thrown when a generator id is asked for, or required by another package,
 * and no such package is registered. Names what is missing and what is there.
 *
 * @example
 * ```ts
 * // receipts requires "master" but only { receipts } was registered:
 * // generator "receipts" requires "master", which is not registered; registered: receipts
 * ```
 */
export class UnknownGeneratorError extends RetailDatagenError {
  readonly generatorId: string;
  readonly requiredBy: string | undefined;

  constructor(generatorId: string, available: readonly string[], requiredBy?: string) {
    const what = requiredBy
      ? `generator ${JSON.stringify(requiredBy)} requires ${JSON.stringify(generatorId)}, which is not registered`
      : `unknown generator ${JSON.stringify(generatorId)}`;
    super({ code: 'USER_MISSING_GENERATOR', message: `${what}; registered: ${available.join(', ') || '(none)'}` });
    this.name = 'UnknownGeneratorError';
    this.generatorId = generatorId;
    this.requiredBy = requiredBy;
  }
}
