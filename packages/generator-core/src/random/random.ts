import { deriveState, type StreamKey } from './derive-seed.js';

/**
 * A fast seedable PRNG (sfc32) with the draws a simulation needs.
 * Create one per (seed, domain, entity, day) with {@link createRandom}, so a
 * draw never depends on how many draws another entity made.
 *
 * @example
 * ```ts
 * const random = createRandom(42, 'receipts', 17, 20241129);
 * random.int(1, 6);        // 1..6 inclusive
 * random.chance(0.25);     // true about a quarter of the time
 * random.pick(['a', 'b']); // one of them
 * ```
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(state: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = state;
    for (let index = 0; index < 12; index++) this.nextUint32();
  }

  /** A uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `probability`. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty array');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A normal draw (Box-Muller, the second value kept for the next call). */
  normal(mean = 0, standardDeviation = 1): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return mean + standardDeviation * spare;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return mean + standardDeviation * radius * Math.cos(2 * Math.PI * v);
  }

  /** A Poisson count with mean `lambda` (exact below 30, normal approximation above). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda >= 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }

  /** An index drawn with probability proportional to `weights[index]`. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    let target = this.next() * total;
    for (let index = 0; index < weights.length; index++) {
      target -= weights[index] as number;
      if (target < 0) return index;
    }
    return weights.length - 1;
  }

  /** Shuffles an array in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let index = items.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      const swap = items[index] as T;
      items[index] = items[other] as T;
      items[other] = swap;
    }
    return items;
  }
}

/**
 * The random stream for one (seed, domain, entity, day, ...) path. Streams of
 * different paths are independent, so output never depends on call order,
 * worker count or scheduling.
 *
 * @example
 * ```ts
 * const traffic = createRandom(seed, 'receipts', storeId, dayNumber);
 * ```
 */
export function createRandom(seed: number, ...path: StreamKey[]): Random {
  return new Random(deriveState(seed, path));
}

/**
 * Draws indices by weight in O(log n) after O(n) set-up; for large tables
 * (products by popularity, customers by store).
 *
 * @example
 * ```ts
 * const sampler = createWeightedSampler([5, 1, 1]);
 * sampler.sample(random); // 0 about 5 times in 7
 * ```
 */
export function createWeightedSampler(weights: ArrayLike<number>): { sample(random: Random): number; readonly size: number } {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let index = 0; index < weights.length; index++) {
    total += weights[index] as number;
    cumulative[index] = total;
  }
  if (!(total > 0)) throw new RangeError('weights must have a positive sum');
  return {
    size: weights.length,
    sample(random) {
      const target = random.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((cumulative[middle] as number) > target) high = middle;
        else low = middle + 1;
      }
      return low;
    },
  };
}
