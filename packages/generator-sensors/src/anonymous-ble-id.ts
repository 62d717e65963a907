/** murmur3's 32-bit finalizer: every input bit moves every output bit. */
function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

const feistelRounds = 4;

/**
 * The keys of the id scrambler of a seed.
 *
 * @example
 * ```ts
 * const keys = anonymousBleKeys(42);
 * anonymousBleId(keys, 0, 20_054, 1); // 'ANON-...' (16 hex digits)
 * ```
 */
export function anonymousBleKeys(seed: number): Uint32Array {
  const keys = new Uint32Array(feistelRounds);
  for (let round = 0; round < feistelRounds; round++) keys[round] = mix32(mix32(seed) ^ Math.imul(round + 1, 0x9e3779b9));
  return keys;
}

const hexWidth = 8;

/**
 * The BLE id of one anonymous visit: `ANON-` and 16 hex digits that look
 * random (phones rotate their addresses) yet are unique by construction:
 * (store index, day, visit number within the store-day) packed into 64 bits
 * (20 + 16 + 28) and scrambled by a keyed Feistel network, which is a
 * bijection. Two visits of the same run never share an id as long as store
 * indices stay below 2^20, visits per store-day below 2^28 and the run shorter
 * than 2^16 days.
 *
 * @example
 * ```ts
 * const keys = anonymousBleKeys(config.seed);
 * anonymousBleId(keys, storeIndex, dayNumber, 7); // e.g. 'ANON-3fa85f6457174562'
 * ```
 */
export function anonymousBleId(keys: Uint32Array, storeIndex: number, dayNumber: number, visit: number): string {
  let left = (((storeIndex & 0xfffff) << 12) | ((dayNumber >>> 4) & 0xfff)) >>> 0;
  let right = (((dayNumber & 0xf) << 28) | (visit & 0xfffffff)) >>> 0;
  for (let round = 0; round < feistelRounds; round++) {
    const next = (left ^ mix32(right ^ (keys[round] as number))) >>> 0;
    left = right;
    right = next;
  }
  return `ANON-${left.toString(16).padStart(hexWidth, '0')}${right.toString(16).padStart(hexWidth, '0')}`;
}
