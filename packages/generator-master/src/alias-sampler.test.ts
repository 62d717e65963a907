import { createRandom } from '@retail-datagen/generator-core';
import { describe, expect, it } from 'vitest';
import { createAliasSampler } from './alias-sampler.js';

describe('createAliasSampler', () => {
  it('draws indices in proportion to their weights and never a zero weight', () => {
    const weights = [5, 0, 1, 2, 0, 12];
    const sampler = createAliasSampler(weights);
    const random = createRandom(9, 'alias');
    const counts = new Array(weights.length).fill(0);
    const draws = 200_000;
    for (let draw = 0; draw < draws; draw++) counts[sampler.sample(random)]++;
    weights.forEach((weight, index) => expect(counts[index] / draws).toBeCloseTo(weight / 20, 2));
    expect(counts[1]).toBe(0);
    expect(counts[4]).toBe(0);
  });

  it('rejects weights without a positive sum', () => {
    expect(() => createAliasSampler([0, 0])).toThrow(RangeError);
    expect(() => createAliasSampler([1, -1])).toThrow(RangeError);
  });
});
