import type { Random } from '@retail-datagen/generator-core';

/** Draws indices by weight in O(1). */
export interface AliasSampler {
  readonly size: number;
  sample(random: Random): number;
}

/**
 * Walker's alias method (Vose's construction): one uniform draw per sample,
 * whatever the number of weights. For the hot loops of large tables (a million
 * customers each pick a geography and two names).
 *
 * @example
 * ```ts
 * const sampler = createAliasSampler([5, 1, 1]);
 * sampler.sample(random); // 0 about 5 times in 7
 * ```
 */
export function createAliasSampler(weights: ArrayLike<number>): AliasSampler {
  const size = weights.length;
  let total = 0;
  for (let index = 0; index < size; index++) {
    const weight = weights[index] as number;
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`weight ${index} must be a finite number >= 0, got ${weight}`);
    total += weight;
  }
  if (!(total > 0)) throw new RangeError('weights must have a positive sum');
  const probability = new Float64Array(size);
  const alias = new Int32Array(size);
  const scaled = Float64Array.from({ length: size }, (_, index) => ((weights[index] as number) * size) / total);
  const small: number[] = [];
  const large: number[] = [];
  for (let index = size - 1; index >= 0; index--) (scaled[index] as number) < 1 ? small.push(index) : large.push(index);
  while (small.length > 0 && large.length > 0) {
    const less = small.pop() as number;
    const more = large.pop() as number;
    probability[less] = scaled[less] as number;
    alias[less] = more;
    scaled[more] = (scaled[more] as number) + (scaled[less] as number) - 1;
    (scaled[more] as number) < 1 ? small.push(more) : large.push(more);
  }
  // Left-overs are 1 up to rounding.
  for (const index of large) probability[index] = 1;
  for (const index of small) probability[index] = 1;
  return {
    size,
    sample(random) {
      const draw = random.next() * size;
      const column = Math.floor(draw);
      return draw - column < (probability[column] as number) ? column : (alias[column] as number);
    },
  };
}
