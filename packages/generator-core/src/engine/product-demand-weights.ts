import type { ColumnBatch } from '../batch/column-batch.js';
import { float64Column } from '../batch/column-access.js';
import { createRandom } from '../random/random.js';
import type { DemandMultiplier } from './demand-multiplier.js';

/**
 * How popular each product is relative to the average product (mean 1), the
 * one definition receipts (what shoppers pick) and inventory (what stores
 * stock and reorder) both use. Cheaper products sell more units; a seeded
 * log-normal spread makes some items best sellers.
 *
 * @example
 * ```ts
 * const weights = productDemandWeights(run.dims.get('dim_products')!, run.config.seed);
 * weights[0]; // e.g. 1.7: product 1 sells 1.7x the average product's units
 * ```
 */
export function productDemandWeights(products: ColumnBatch, seed: number): Float64Array {
  const prices = float64Column(products, 'SalePrice');
  const random = createRandom(seed, 'product-demand');
  const weights = new Float64Array(prices.length);
  let total = 0;
  for (let index = 0; index < prices.length; index++) {
    const dollars = Math.max(0.5, (prices[index] as number) / 100);
    const weight = Math.exp(random.normal(0, 0.8)) / Math.sqrt(dollars);
    weights[index] = weight;
    total += weight;
  }
  const mean = total / Math.max(1, prices.length);
  for (let index = 0; index < weights.length; index++) weights[index] = (weights[index] as number) / mean;
  return weights;
}

/** What {@link dailyProductWeights} reads of a package's product table. */
export interface ProductAssortment {
  /** {@link productDemandWeights}, by product index. */
  readonly demandWeights: Float64Array;
  /** dim_products.launch_date as day numbers, by product index. */
  readonly launchDay: Int32Array;
  /** Index into `categories` of each product. */
  readonly categoryOf: ArrayLike<number>;
  /** The distinct categories. */
  readonly categories: readonly string[];
}

/**
 * The weight of each product on a day: its popularity x the day's category
 * multiplier (seasonal overlays, campaigns...), 0 before its launch date. The
 * one rule every package that picks products for shoppers uses; `total` 0
 * means no product can be sold that day.
 *
 * @example
 * ```ts
 * const { weights, total } = dailyProductWeights(world, context.demand, dayNumber);
 * const sampler = total > 0 ? createWeightedSampler(weights) : null;
 * ```
 */
export function dailyProductWeights(products: ProductAssortment, demand: DemandMultiplier, dayNumber: number): { weights: Float64Array; total: number } {
  const categoryFactor = Float64Array.from(products.categories, (category) => Math.max(0, demand.categoryMultiplier(dayNumber, category)));
  const weights = new Float64Array(products.demandWeights.length);
  let total = 0;
  for (let product = 0; product < weights.length; product++) {
    if ((products.launchDay[product] as number) > dayNumber) continue;
    const weight = (products.demandWeights[product] as number) * (categoryFactor[products.categoryOf[product] as number] as number);
    weights[product] = weight;
    total += weight;
  }
  return { weights, total };
}
