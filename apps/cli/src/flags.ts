import { InvalidArgumentError } from '@retail-datagen/models';

/** Parses a whole-number flag value, naming the flag when it is not one. */
export function parseWholeNumber(flag: string, value: string, minimum: number, maximum: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < minimum || number > maximum) {
    throw new InvalidArgumentError(flag, value, `a whole number from ${minimum} to ${maximum}`);
  }
  return number;
}

/** Parses a YYYY-MM-DD flag value. */
export function parseIsoDate(flag: string, value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(flag, value, 'a date written YYYY-MM-DD');
  }
  return value;
}
