import { RetailDatagenError } from './retail-datagen-error.js';

/**
 * Thrown for a bad flag or argument value (a date, a count, a path).
 *
 * @example
 * ```ts
 * throw new InvalidArgumentError('--seed', 'abc', 'an integer from 0 to 4294967295');
 * // --seed: got "abc"; expected an integer from 0 to 4294967295
 * ```
 */
export class InvalidArgumentError extends RetailDatagenError {
  readonly argument: string;

  constructor(argument: string, value: unknown, expected: string) {
    super({
      code: 'USER_INVALID_ARGUMENT',
      message: `${argument}: got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}; expected ${expected}`,
    });
    this.name = 'InvalidArgumentError';
    this.argument = argument;
  }
}
