import { createWeightedSampler, dailyProductWeights, isoDateOf, type DemandMultiplier } from '@retail-datagen/generator-core';
import type { ReceiptsWorld } from './receipts-world.js';

type WeightedSampler = ReturnType<typeof createWeightedSampler>;

/** What shoppers can buy on one day, and which promotion each product carries. */
export interface DailyAssortment {
  readonly dayNumber: number;
  /** Month of the day, 1-12. */
  readonly month: number;
  /**
   * Draws a product index by popularity (productDemandWeights) x the day's
   * category multiplier, among products launched on or before the day; null
   * when no product is on sale yet.
   */
  readonly sampler: WeightedSampler | null;
  /** Index into the promotion catalog of the promotion each product is eligible for today, or -1. */
  readonly promotionOf: Int16Array;
  /** config.returns.afterChristmasMultiplier from December 26 to January 7, else 1. */
  readonly returnMultiplier: number;
}

/** Days kept in the cache: units of neighbouring days may interleave in one thread. */
const cachedDays = 2;

/**
 * The assortment of a day, built once per (world, day) and cached: category
 * multipliers are per day, so the sampler is too.
 *
 * @example
 * ```ts
 * const assortment = dailyAssortment(world, context.demand, context.dayNumber, config.returns.afterChristmasMultiplier);
 * const productIndex = assortment.sampler?.sample(random);
 * ```
 */
export function dailyAssortment(world: ReceiptsWorld, demand: DemandMultiplier, dayNumber: number, afterChristmasMultiplier: number): DailyAssortment {
  const cached = world.assortments.get(dayNumber);
  if (cached) return cached;
  const assortment = buildAssortment(world, demand, dayNumber, afterChristmasMultiplier);
  if (world.assortments.size >= cachedDays) {
    const oldest = world.assortments.keys().next().value as number;
    world.assortments.delete(oldest);
  }
  world.assortments.set(dayNumber, assortment);
  return assortment;
}

function buildAssortment(world: ReceiptsWorld, demand: DemandMultiplier, dayNumber: number, afterChristmasMultiplier: number): DailyAssortment {
  const isoDate = isoDateOf(dayNumber);
  const month = Number(isoDate.slice(5, 7));
  const dayOfMonth = Number(isoDate.slice(8, 10));
  const productCount = world.productIds.length;

  const { weights, total } = dailyProductWeights(world, demand, dayNumber);

  // Active promotions indexed by the category or department they target.
  const monthBit = 1 << (month - 1);
  const byCategory: number[][] = world.categories.map(() => []);
  const byDepartment: number[][] = world.departments.map(() => []);
  world.promotions.forEach((promotion, index) => {
    const target = world.promotionTarget[index] as number;
    if ((promotion.monthMask & monthBit) === 0 || target < 0) return;
    (promotion.targetKind === 'DEPARTMENT' ? byDepartment : byCategory)[target]?.push(index);
  });
  const promotionOf = new Int16Array(productCount).fill(-1);
  for (let product = 0; product < productCount; product++) {
    const inCategory = byCategory[world.categoryOf[product] as number] as number[];
    const inDepartment = byDepartment[world.departmentOf[product] as number] as number[];
    const candidates = inCategory.length + inDepartment.length;
    if (candidates === 0) continue;
    // A fixed pick per (product, day) among the eligible promotions.
    const pick = (Math.imul(product + 1, 0x9e3779b1) ^ Math.imul(dayNumber, 0x85ebca6b)) >>> 0;
    const choice = pick % candidates;
    promotionOf[product] = (choice < inCategory.length ? inCategory[choice] : inDepartment[choice - inCategory.length]) as number;
  }

  const afterChristmas = (month === 12 && dayOfMonth >= 26) || (month === 1 && dayOfMonth <= 7);
  return {
    dayNumber,
    month,
    sampler: total > 0 ? createWeightedSampler(weights) : null,
    promotionOf,
    returnMultiplier: afterChristmas ? afterChristmasMultiplier : 1,
  };
}
