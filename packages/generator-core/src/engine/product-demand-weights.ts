import type { ColumnBatch } from '../batch/column-batch.js';
import { float64Column } from '../batch/column-access.js';
import { createRandom } from '../random/random.js';

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
