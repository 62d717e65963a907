import { createRandom } from '@retail-datagen/generator-core';
import { describe, expect, it } from 'vitest';
import { createKeyedPermutation } from './keyed-permutation.js';

describe('createKeyedPermutation', () => {
  it.each([1, 2, 7, 100, 1_000, 1_024, 10_007, 65_536])('is a bijection on a domain of %i', (domainSize) => {
    const permute = createKeyedPermutation(createRandom(1, 'test', domainSize), domainSize);
    const seen = new Uint8Array(domainSize);
    let outside = 0;
    for (let value = 0; value < domainSize; value++) {
      const permuted = permute(value);
      if (Number.isInteger(permuted) && permuted >= 0 && permuted < domainSize) seen[permuted] = 1;
      else outside++;
    }
    expect(outside).toBe(0);
    expect(seen.every((flag) => flag === 1)).toBe(true);
  });

  it('depends on the key and scatters consecutive values', () => {
    const first = createKeyedPermutation(createRandom(1, 'a'), 10_000_000_000);
    const second = createKeyedPermutation(createRandom(2, 'a'), 10_000_000_000);
    const values = Array.from({ length: 100 }, (_, index) => first(index));
    expect(values).not.toEqual(Array.from({ length: 100 }, (_, index) => second(index)));
    expect(new Set(values.map((value) => Math.floor(value / 1_000_000_000))).size).toBeGreaterThan(5);
  });

  it('rejects values outside the domain', () => {
    const permute = createKeyedPermutation(createRandom(1), 10);
    expect(() => permute(10)).toThrow(RangeError);
  });
});
