import type { Random } from '@retail-datagen/generator-core';

/**
 * A seeded bijection on the whole numbers `0 .. domainSize - 1`: a 4-round
 * Feistel network on two digits in base `ceil(sqrt(domainSize))` (halves are
 * combined by addition modulo the base, so any square domain such as 10^10 or
 * 2^48 needs no retries), with cycle walking for values that land outside a
 * non-square domain. Mapping row numbers through it gives identifiers that
 * look random yet can never collide, with no set of used values to keep.
 *
 * @example
 * ```ts
 * const permute = createKeyedPermutation(createRandom(42, 'master', 'cards'), 10_000_000_000);
 * permute(0) !== permute(1); // always: distinct inputs give distinct outputs
 * ```
 */
export function createKeyedPermutation(random: Random, domainSize: number): (value: number) => number {
  if (!Number.isSafeInteger(domainSize) || domainSize < 1 || domainSize > 2 ** 48) {
    throw new RangeError(`domain size must be a whole number from 1 to 2^48, got ${domainSize}`);
  }
  let base = Math.ceil(Math.sqrt(domainSize));
  while (base * base < domainSize) base++;
  const key0 = random.nextUint32();
  const key1 = random.nextUint32();
  const key2 = random.nextUint32();
  const key3 = random.nextUint32();
  const round = (value: number, key: number) => {
    let hash = Math.imul(value ^ key, 0x9e3779b1);
    hash ^= hash >>> 15;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    // Scale the 32-bit hash into 0..base-1 (any round function keeps the network a bijection).
    return Math.floor(((hash >>> 0) * base) / 4_294_967_296);
  };
  const encrypt = (value: number) => {
    let left = Math.floor(value / base);
    let right = value - left * base;
    let next = (left + round(right, key0)) % base;
    left = right;
    right = next;
    next = (left + round(right, key1)) % base;
    left = right;
    right = next;
    next = (left + round(right, key2)) % base;
    left = right;
    right = next;
    next = (left + round(right, key3)) % base;
    left = right;
    right = next;
    return left * base + right;
  };
  return (value) => {
    if (!(value >= 0 && value < domainSize)) throw new RangeError(`value ${value} is outside 0..${domainSize - 1}`);
    let permuted = encrypt(value);
    while (permuted >= domainSize) permuted = encrypt(permuted);
    return permuted;
  };
}
