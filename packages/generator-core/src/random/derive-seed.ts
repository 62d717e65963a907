/** A part of a random stream's identity: a domain name, an entity id, a day number... */
export type StreamKey = string | number;

/**
 * Hashes a seed and a path of keys into four 32-bit words of PRNG state.
 * The same path always gives the same state; changing any key changes all of it.
 */
export function deriveState(seed: number, path: readonly StreamKey[]): [number, number, number, number] {
  let h1 = 0x9e3779b9 ^ seed;
  let h2 = 0x85ebca6b ^ Math.imul(seed, 0x27d4eb2f);
  let h3 = 0xc2b2ae35 ^ (seed >>> 7);
  let h4 = 0x165667b1 ^ Math.imul(seed, 0x9e3779b1);
  const mix = (value: number) => {
    h1 = Math.imul(h1 ^ value, 0xcc9e2d51);
    h1 = (h1 << 15) | (h1 >>> 17);
    h2 = Math.imul(h2 ^ h1, 0x1b873593);
    h2 = (h2 << 13) | (h2 >>> 19);
    h3 = Math.imul(h3 ^ h2, 0x85ebca6b);
    h3 = (h3 << 11) | (h3 >>> 21);
    h4 = Math.imul(h4 ^ h3, 0xc2b2ae35);
    h4 = (h4 << 17) | (h4 >>> 15);
  };
  for (const key of path) {
    if (typeof key === 'number') {
      // Tag numbers apart from strings so ('a', 1) never collides with ('a1').
      mix(0x6e756d00);
      mix(key | 0);
      mix(Math.floor(key / 4294967296) | 0);
    } else {
      mix(0x73747200 ^ key.length);
      for (let index = 0; index < key.length; index++) mix(key.charCodeAt(index));
    }
  }
  // Finalize (murmur3 fmix on each word, cross-mixed).
  const fmix = (value: number) => {
    value ^= value >>> 16;
    value = Math.imul(value, 0x85ebca6b);
    value ^= value >>> 13;
    value = Math.imul(value, 0xc2b2ae35);
    value ^= value >>> 16;
    return value >>> 0;
  };
  const a = fmix(h1 ^ h3);
  const b = fmix(h2 ^ h4 ^ a);
  const c = fmix(h3 ^ h1 ^ b);
  const d = fmix(h4 ^ h2 ^ c) | 1;
  return [a, b, c, d];
}
