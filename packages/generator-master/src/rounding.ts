/**
 * Rounds to a number of decimals.
 *
 * @example
 * ```ts
 * roundTo(0.072549, 4); // 0.0725
 * ```
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
