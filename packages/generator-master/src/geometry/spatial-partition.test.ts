import { createRandom } from '@retail-datagen/generator-core';
import { describe, expect, it } from 'vitest';
import { partitionPoints } from './spatial-partition.js';

describe('partitionPoints', () => {
  it.each([1, 2, 3, 7, 50])('splits points into %i non-empty groups covering every point once', (parts) => {
    const random = createRandom(3, 'partition', parts);
    const xs = Array.from({ length: 50 }, () => random.float(0, 100));
    const ys = Array.from({ length: 50 }, () => random.float(0, 40));
    const groups = partitionPoints(Array.from({ length: 50 }, (_, index) => index), xs, ys, parts);
    expect(groups).toHaveLength(parts);
    for (const group of groups) expect(group.length).toBeGreaterThan(0);
    expect(groups.flat().sort((left, right) => left - right)).toEqual(Array.from({ length: 50 }, (_, index) => index));
    const sizes = groups.map((group) => group.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2);
  });

  it('refuses more groups than points', () => {
    expect(() => partitionPoints([0, 1], [0, 1], [0, 0], 3)).toThrow(RangeError);
  });
});
