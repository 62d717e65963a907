/**
 * Zero-pads a whole number to `width` digits.
 *
 * @example
 * ```ts
 * padNumber(42, 6); // '000042'
 * ```
 */
export function padNumber(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
