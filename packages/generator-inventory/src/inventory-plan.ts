import {
  defineCompositionPoint,
  float64Column,
  int32Column,
  millisecondsPerDay,
  productDemandWeights,
  requireDim,
  type FactRun,
} from '@retail-datagen/generator-core';
import type { RetailConfig } from '@retail-datagen/models';

/**
 * Mean units on one receipt line. Quantities run from 1 to
 * `basket.maxQuantity` but most lines hold one or two units, so the mean is
 * well below the midpoint; capped at the midpoint `(1 + maxQuantity) / 2` for
 * small maxima (1 when every line holds one unit).
 */
export const meanUnitsPerLine = 1.6;
/** Fewest units a product that sells at all starts with (when initial days of supply is above 0). */
export const minimumInitialUnits = 2;

/**
 * What the inventory package precomputes once per run (per thread): the
 * expected demand of every product, launch days, store hours. A pure function
 * of the run.
 *
 * @example
 * ```ts
 * const plan = createInventoryPlan(run);
 * expectedDailyUnits(plan, 0, 5); // e.g. 21.4 units a day of product 6 in store 1
 * ```
 */
export interface InventoryPlan {
  readonly firstDay: number;
  readonly storeCount: number;
  readonly productCount: number;
  /** dim_stores ID of each store index. */
  readonly storeIds: Int32Array;
  /** dim_products ID of each product index. */
  readonly productIds: Int32Array;
  /** Expected units a day of each product in a store with traffic multiplier 1. */
  readonly productDailyUnits: Float64Array;
  /** dim_stores DailyTrafficMultiplier of each store. */
  readonly storeTrafficMultipliers: Float64Array;
  /** dim_products LaunchDate: products neither sell nor stock up before it. */
  readonly launchDays: Int32Array;
  /** First day a product may be reordered: its launch day minus `leadTimeDays`, so stock can arrive by launch day. */
  readonly orderableDays: Int32Array;
  /** Products that become orderable after the first day, sorted by that day (ties by index). */
  readonly laterOrderableProducts: Int32Array;
  /** `orderableDays` of `laterOrderableProducts`, ascending. */
  readonly laterOrderableDays: Int32Array;
  /** Milliseconds after midnight each store closes (reorders are raised then); 23:59:59.999 for a 24:00 close. */
  readonly closeOffsets: Float64Array;
  readonly initialDaysOfSupply: number;
  readonly reorderPointDays: number;
  readonly reorderQuantityDays: number;
  /** `inventory.leadTimeDays`: the days a store allows for a reorder to arrive. */
  readonly leadTimeDays: number;
}

/** Where `setup` caches the plan for the run's hooks. */
export const inventoryPlanPoint = defineCompositionPoint<InventoryPlan>('inventory-plan');

/**
 * Mean distinct items per basket: the trip mix's weighted mean of each trip's
 * mean items (before any store-format scaling receipts may apply).
 *
 * @example
 * ```ts
 * meanItemsPerBasket(parseConfig({})); // 12.52 with the defaults
 * ```
 */
export function meanItemsPerBasket(config: RetailConfig): number {
  const { tripMix, meanItems } = config.basket;
  const trips = ['quick', 'grocery', 'family', 'bulk'] as const;
  let weights = 0;
  let items = 0;
  for (const trip of trips) {
    weights += tripMix[trip];
    items += tripMix[trip] * meanItems[trip];
  }
  return weights > 0 ? items / weights : 0;
}

/**
 * Precomputes the run's inventory plan from the configuration and the dims
 * (dim_stores, dim_products).
 *
 * @example
 * ```ts
 * const plan = createInventoryPlan({ config, dims, firstDay, lastDay, storeCount });
 * plan.productCount; // 800
 * ```
 */
export function createInventoryPlan(run: FactRun): InventoryPlan {
  const { config } = run;
  const stores = requireDim(run.dims, 'dim_stores');
  const products = requireDim(run.dims, 'dim_products');
  const inventory = config.inventory;
  const productCount = products.length;

  const unitsPerLine = Math.min(meanUnitsPerLine, (1 + config.basket.maxQuantity) / 2);
  const unitsPerCustomer = meanItemsPerBasket(config) * unitsPerLine;
  const weights = productDemandWeights(products, config.seed);
  const productDailyUnits = new Float64Array(productCount);
  for (let product = 0; product < productCount; product++) {
    productDailyUnits[product] = (config.traffic.baseDailyCustomers * unitsPerCustomer * (weights[product] as number)) / productCount;
  }

  const launchDays = int32Column(products, 'LaunchDate');
  const orderableDays = new Int32Array(productCount);
  const later: number[] = [];
  for (let product = 0; product < productCount; product++) {
    const orderable = (launchDays[product] as number) - inventory.leadTimeDays;
    orderableDays[product] = orderable;
    if (orderable > run.firstDay) later.push(product);
  }
  later.sort((left, right) => (orderableDays[left] as number) - (orderableDays[right] as number) || left - right);

  const closeHours = int32Column(stores, 'CloseHour');
  const storeCount = stores.length;
  const closeOffsets = new Float64Array(storeCount);
  for (let store = 0; store < storeCount; store++) {
    const close = closeHours[store] as number;
    closeOffsets[store] = close >= 24 ? millisecondsPerDay - 1 : close * 3_600_000;
  }

  return {
    firstDay: run.firstDay,
    storeCount,
    productCount,
    storeIds: int32Column(stores, 'ID'),
    productIds: int32Column(products, 'ID'),
    productDailyUnits,
    storeTrafficMultipliers: float64Column(stores, 'DailyTrafficMultiplier'),
    launchDays,
    orderableDays,
    laterOrderableProducts: Int32Array.from(later),
    laterOrderableDays: Int32Array.from(later, (product) => orderableDays[product] as number),
    closeOffsets,
    initialDaysOfSupply: inventory.initialDaysOfSupply,
    reorderPointDays: inventory.reorderPointDays,
    reorderQuantityDays: inventory.reorderQuantityDays,
    leadTimeDays: inventory.leadTimeDays,
  };
}

/**
 * Expected units a day of a product in a store: base daily customers x the
 * store's traffic multiplier x mean items per basket x mean units per line x
 * the product's demand weight / product count.
 *
 * @example
 * ```ts
 * expectedDailyUnits(plan, storeIndex, productIndex); // e.g. 21.4
 * ```
 */
export function expectedDailyUnits(plan: InventoryPlan, storeIndex: number, productIndex: number): number {
  return (plan.storeTrafficMultipliers[storeIndex] as number) * (plan.productDailyUnits[productIndex] as number);
}

// Days x expected units can land a hair above a whole number (4 x 17.5 = 70.00000000000001).
const roundingSlack = 1e-9;

/**
 * Units a store starts the run with: `initialDaysOfSupply` days of expected
 * sales, at least {@link minimumInitialUnits} for a product that sells at all;
 * 0 for products that cannot be ordered yet on the first day (they launch
 * after the first day plus the lead time and are stocked by a reorder timed
 * to arrive on their launch day).
 *
 * @example
 * ```ts
 * initialStock(plan, 0, 5); // e.g. 257
 * ```
 */
export function initialStock(plan: InventoryPlan, storeIndex: number, productIndex: number): number {
  if ((plan.orderableDays[productIndex] as number) > plan.firstDay) return 0;
  const expected = expectedDailyUnits(plan, storeIndex, productIndex);
  if (!(expected > 0) || !(plan.initialDaysOfSupply > 0)) return 0;
  return Math.max(minimumInitialUnits, Math.round(plan.initialDaysOfSupply * expected));
}

/**
 * The reorder point: a store reorders a product when on hand plus in transit
 * falls to `ceil(reorderPointDays x expected daily units)`.
 *
 * @example
 * ```ts
 * reorderPoint(plan, 0, 5); // e.g. 86
 * ```
 */
export function reorderPoint(plan: InventoryPlan, storeIndex: number, productIndex: number): number {
  return Math.max(0, Math.ceil(plan.reorderPointDays * expectedDailyUnits(plan, storeIndex, productIndex) - roundingSlack));
}

/**
 * Units ordered by one reorder: `ceil(reorderQuantityDays x expected daily units)`
 * (at least 1 for a product that sells at all).
 *
 * @example
 * ```ts
 * reorderQuantity(plan, 0, 5); // e.g. 214
 * ```
 */
export function reorderQuantity(plan: InventoryPlan, storeIndex: number, productIndex: number): number {
  const expected = expectedDailyUnits(plan, storeIndex, productIndex);
  if (!(expected > 0)) return 0;
  return Math.max(1, Math.ceil(plan.reorderQuantityDays * expected - roundingSlack));
}
