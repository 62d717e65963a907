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

const hexPairs: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Lower-case hex of the low 24 bits of `value`, always 6 characters.
 *
 * @example
 * ```ts
 * hex24(0xab12); // '00ab12'
 * ```
 */
export function hex24(value: number): string {
  return (hexPairs[(value >>> 16) & 255] as string) + (hexPairs[(value >>> 8) & 255] as string) + (hexPairs[value & 255] as string);
}

/**
 * Lower-case hex of a whole number below 2^48, always 12 characters.
 *
 * @example
 * ```ts
 * hex48(2 ** 40); // '010000000000'
 * ```
 */
export function hex48(value: number): string {
  return hex24(Math.floor(value / 16_777_216)) + hex24(value % 16_777_216);
}

/**
 * Lower-case hex of the low 16 bits of `value`, always 4 characters.
 *
 * @example
 * ```ts
 * hex16(0xbeef); // 'beef'
 * ```
 */
export function hex16(value: number): string {
  return (hexPairs[(value >>> 8) & 255] as string) + (hexPairs[value & 255] as string);
}

/**
 * Lower-case hex of an unsigned 32-bit value, always 8 characters.
 *
 * @example
 * ```ts
 * hex32(0xdeadbeef); // 'deadbeef'
 * ```
 */
export function hex32(value: number): string {
  return hex16(value >>> 16) + hex16(value);
}
