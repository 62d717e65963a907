/**
 * A 32-bit hash of a whole number and a key (murmur3's finalizer): derived,
 * reproducible random-looking bits for a row without drawing from a stream.
 *
 * @example
 * ```ts
 * mixHash(17, 0x9e3779b9) === mixHash(17, 0x9e3779b9); // true
 * ```
 */
export function mixHash(value: number, key: number): number {
  let hash = Math.imul((value | 0) ^ key, 0xcc9e2d51);
  hash ^= Math.floor(value / 4_294_967_296);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
