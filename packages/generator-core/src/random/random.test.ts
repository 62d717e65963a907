import { describe, expect, it } from 'vitest';
import { createRandom, createWeightedSampler } from './random.js';

const draws = (seed: number, ...path: (string | number)[]) => {
  const random = createRandom(seed, ...path);
  return Array.from({ length: 8 }, () => random.nextUint32());
};

describe('derived random streams', () => {
  it('give the same draws for the same (seed, domain, entity, day)', () => {
    expect(draws(42, 'receipts', 17, 42)).toEqual(draws(42, 'receipts', 17, 42));
  });

  it('differ when any part of the path differs', () => {
    const base = draws(42, 'receipts', 17, 42);
    expect(draws(43, 'receipts', 17, 42)).not.toEqual(base);
    expect(draws(42, 'payments', 17, 42)).not.toEqual(base);
    expect(draws(42, 'receipts', 18, 42)).not.toEqual(base);
    expect(draws(42, 'receipts', 17, 43)).not.toEqual(base);
    expect(draws(42, 'receipts1', 7, 42)).not.toEqual(draws(42, 'receipts', 17, 42));
  });

  it('do not depend on how many draws another stream made', () => {
    const other = createRandom(1, 'a');
    for (let index = 0; index < 1000; index++) other.next();
    expect(draws(1, 'b')).toEqual(draws(1, 'b'));
  });

  it('are uniform enough: mean of next() near 0.5, int() covers its range', () => {
    const random = createRandom(7, 'uniform');
    let sum = 0;
    const seen = new Set<number>();
    for (let index = 0; index < 100_000; index++) {
      sum += random.next();
      seen.add(random.int(1, 6));
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('poisson and normal have the requested means', () => {
    const random = createRandom(7, 'shape');
    const samples = 50_000;
    let small = 0;
    let large = 0;
    let normal = 0;
    for (let index = 0; index < samples; index++) {
      small += random.poisson(3);
      large += random.poisson(120);
      normal += random.normal(10, 2);
    }
    expect(small / samples).toBeCloseTo(3, 1);
    expect(large / samples / 120).toBeCloseTo(1, 2);
    expect(normal / samples).toBeCloseTo(10, 1);
  });

  it('weighted draws follow their weights', () => {
    const random = createRandom(7, 'weights');
    const sampler = createWeightedSampler([6, 3, 1]);
    const counts = [0, 0, 0];
    const direct = [0, 0, 0];
    for (let index = 0; index < 100_000; index++) {
      (counts[sampler.sample(random)] as number)++;
      (direct[random.weightedIndex([6, 3, 1])] as number)++;
    }
    expect((counts[0] as number) / 100_000).toBeCloseTo(0.6, 1);
    expect((counts[2] as number) / 100_000).toBeCloseTo(0.1, 1);
    expect((direct[1] as number) / 100_000).toBeCloseTo(0.3, 1);
  });
});
