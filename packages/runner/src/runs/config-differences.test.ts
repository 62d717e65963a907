import { describe, expect, it } from 'vitest';
import { configDifferences, formatDifferences } from './config-differences.js';

describe('configDifferences', () => {
  it('names every differing field by its dotted path, with both values, and nothing for equal values', () => {
    const before = { seed: 3, start: '2024-11-20', volumes: { stores: 5, customers: 800 }, weights: [1, 2], tables: ['a'] };
    const after = { seed: 99, start: '2024-11-20', volumes: { stores: 6, customers: 800 }, weights: [1, 3], tables: ['a', 'b'], extra: true };
    const differences = configDifferences(before, after);
    expect(differences.map((difference) => difference.field)).toEqual(['extra', 'seed', 'tables', 'volumes.stores', 'weights[1]']);
    expect(formatDifferences(differences)).toBe('extra (unset -> true), seed (3 -> 99), tables (["a"] -> ["a","b"]), volumes.stores (5 -> 6), weights[1] (2 -> 3)');
    expect(configDifferences(before, structuredClone(before))).toEqual([]);
  });
});
