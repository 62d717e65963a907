/**
 * Rounds a price in integer cents to a retail price point: below $10 to x.x9
 * ($3.49), below $100 to x.49 or x.99, below $500 to whole dollars minus a cent
 * ($149.99), above that to tens of dollars minus a cent ($549.99). Never below 19 cents.
 *
 * @example
 * ```ts
 * toPricePoint(352); // 349
 * toPricePoint(1875); // 1899
 * ```
 */
export function toPricePoint(cents: number): number {
  let rounded: number;
  if (cents < 1_000) rounded = Math.round(cents / 10) * 10 - 1;
  else if (cents < 10_000) rounded = Math.round(cents / 50) * 50 - 1;
  else if (cents < 50_000) rounded = Math.round(cents / 100) * 100 - 1;
  else rounded = Math.round(cents / 1_000) * 1_000 - 1;
  return Math.max(19, rounded);
}

/**
 * The highest price point (x.x9 ending) at or below `cents`; for a markdown.
 *
 * @example
 * ```ts
 * priceBelow(355); // 349
 * priceBelow(349); // 349
 * ```
 */
export function priceBelow(cents: number): number {
  return Math.floor((Math.floor(cents) + 1) / 10) * 10 - 1;
}
