import type { Random } from '@retail-datagen/generator-core';

/**
 * A street address line: house number, street name and street type, e.g.
 * "4821 Maple Ave". Draws three values from `random`.
 *
 * @example
 * ```ts
 * streetAddress(random, streetNames, residentialStreetTypes, 100, 9_999); // e.g. '4821 Maple Ave'
 * ```
 */
export function streetAddress(
  random: Random,
  names: readonly string[],
  types: readonly string[],
  minimumNumber: number,
  maximumNumber: number,
): string {
  const number = random.int(minimumNumber, maximumNumber);
  return `${number} ${random.pick(names)} ${random.pick(types)}`;
}
