import {
  createWeightedSampler,
  dailyProductWeights,
  defineCompositionPoint,
  float64Column,
  int32Column,
  productDemandWeights,
  requireDim,
  stringValues,
  type DemandMultiplier,
  type FactRun,
} from '@retail-datagen/generator-core';
import type { RetailConfig } from '@retail-datagen/models';
import { maximumPaymentAttempts, taxabilityFactor } from './order-shapes.js';

type WeightedSampler = ReturnType<typeof createWeightedSampler>;

/**
 * What the online orders model precomputes once per run (and engine) from the
 * configuration and the dimension tables. Pure data of the run, plus the
 * product samplers of recent days (a cache) and scratch space for the order
 * being built, which are working space, never state.
 */
export interface OnlineOrdersWorld {
  readonly settings: RetailConfig['onlineOrders'];
  readonly declineRate: number;
  readonly maxQuantity: number;

  readonly storeIds: Int32Array;
  readonly taxRate: Float64Array;
  readonly openHour: Int32Array;
  readonly closeHour: Int32Array;
  /** Customers by home store: the ids of store `s` are `customerIds[customerOffsets[s] .. customerOffsets[s + 1] - 1]`. */
  readonly customerOffsets: Int32Array;
  readonly customerIds: Int32Array;
  /** Expected orders a day from each store's customers on a day of demand factor 1: ordersPerStoreDay x its customers / the mean. */
  readonly storeDailyOrders: Float64Array;

  readonly productIds: Int32Array;
  readonly salePrice: Float64Array;
  readonly launchDay: Int32Array;
  readonly taxFactor: Float64Array;
  readonly categories: readonly string[];
  readonly categoryOf: Int32Array;
  readonly demandWeights: Float64Array;

  /** Weights of `storeFulfillmentModes` (shipFromStore, bopis). */
  readonly modeWeights: readonly number[];
  /** Share of orders shipped from the DC (shipFromDc / the mix's sum; 0 when the sum is 0); the rest go to the store modes. */
  readonly dcShare: number;
  /** Share of orders fulfilled by the home store ((shipFromStore + bopis) / the mix's sum). */
  readonly storeShare: number;
  /** Weights of `onlineTenders` from `payments.tenderMix` (credit, debit, mobile; CREDIT alone when all are 0). */
  readonly tenderWeights: readonly number[];
  /** Draws the hour of day an order is placed. */
  readonly hourSampler: WeightedSampler;

  /** Product samplers by day, the latest few days. */
  readonly samplers: Map<number, WeightedSampler | null>;
  readonly scratch: OrderScratch;
}

/** Working space for the lines of the order being built. */
export class OrderScratch {
  product = new Int32Array(16);
  quantity = new Int32Array(16);
  /** 1 when the node holds the line's units. */
  fulfilled = new Uint8Array(16);
  discount = new Float64Array(16);
  tax = new Float64Array(16);
  /** Which products are in the current order: `inOrder[p] === stamp`. */
  readonly inOrder: Int32Array;
  stamp = 0;
  /** Declined payment attempts of the current order: tender, reason and time. */
  readonly declinedTender = new Int32Array(maximumPaymentAttempts);
  readonly declinedReason = new Int32Array(maximumPaymentAttempts);
  readonly declinedTime = new Float64Array(maximumPaymentAttempts);

  constructor(productCount: number) {
    this.inOrder = new Int32Array(productCount);
  }

  /** Makes room for `lines` lines. */
  reserveLines(lines: number): void {
    if (lines <= this.product.length) return;
    let capacity = this.product.length;
    while (capacity < lines) capacity *= 2;
    this.product = grow(this.product, capacity);
    this.quantity = grow(this.quantity, capacity);
    this.fulfilled = grow(this.fulfilled, capacity);
    this.discount = grow(this.discount, capacity);
    this.tax = grow(this.tax, capacity);
  }

  /** Starts a new order: no product is in it. */
  nextOrder(): number {
    if (this.stamp >= 0x3fffffff) {
      this.inOrder.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, capacity: number): T {
  const grown = new (array.constructor as new (length: number) => T)(capacity);
  grown.set(array);
  return grown;
}

/** The private composition point holding this run's world (provided in `setup`). */
export const onlineOrdersWorldPoint = defineCompositionPoint<OnlineOrdersWorld>('online-orders-world');

/**
 * Builds the world of a run: store hours and tax rates, customers grouped by
 * home store, product prices, taxability, launch days and popularity, and the
 * configured mixes.
 */
export function buildOnlineOrdersWorld(run: FactRun, hourOfDayWeights: readonly number[]): OnlineOrdersWorld {
  const { config } = run;
  const settings = config.onlineOrders;
  const stores = requireDim(run.dims, 'dim_stores');
  const products = requireDim(run.dims, 'dim_products');
  const customers = requireDim(run.dims, 'dim_customers');
  const storeIds = int32Column(stores, 'ID');
  const storeCount = stores.length;

  const storeIndexOfId = new Map<number, number>();
  storeIds.forEach((storeId, index) => storeIndexOfId.set(storeId, index));
  const customerIdColumn = int32Column(customers, 'ID');
  const homeStores = int32Column(customers, 'HomeStoreID');
  const customerOffsets = new Int32Array(storeCount + 1);
  const homeIndex = Int32Array.from(homeStores, (storeId) => storeIndexOfId.get(storeId) ?? -1);
  for (const store of homeIndex) if (store >= 0) customerOffsets[store + 1] = (customerOffsets[store + 1] as number) + 1;
  for (let store = 0; store < storeCount; store++) customerOffsets[store + 1] = (customerOffsets[store + 1] as number) + (customerOffsets[store] as number);
  const cursor = customerOffsets.slice(0, storeCount);
  const customerIds = new Int32Array(customerOffsets[storeCount] as number);
  homeIndex.forEach((store, row) => {
    if (store < 0) return;
    const position = cursor[store] as number;
    customerIds[position] = customerIdColumn[row] as number;
    cursor[store] = position + 1;
  });
  const meanCustomers = customerIds.length / Math.max(1, storeCount);
  const storeDailyOrders = Float64Array.from({ length: storeCount }, (_, store) =>
    meanCustomers > 0 ? (settings.ordersPerStoreDay * ((customerOffsets[store + 1] as number) - (customerOffsets[store] as number))) / meanCustomers : 0,
  );

  const categoryNames = stringValues(products, 'Category');
  const categories: string[] = [];
  const categoryIndex = new Map<string, number>();
  const categoryOf = Int32Array.from(categoryNames, (name) => {
    const key = name ?? '';
    let code = categoryIndex.get(key);
    if (code === undefined) {
      code = categories.length;
      categories.push(key);
      categoryIndex.set(key, code);
    }
    return code;
  });

  const { tenderMix } = config.payments;
  const tenderWeights = [tenderMix.credit, tenderMix.debit, tenderMix.mobile];
  const mix = settings.fulfillmentMix;
  const mixTotal = mix.shipFromDc + mix.shipFromStore + mix.bopis;

  return {
    settings,
    declineRate: config.payments.declineRate,
    maxQuantity: config.basket.maxQuantity,
    storeIds,
    taxRate: float64Column(stores, 'TaxRate'),
    openHour: int32Column(stores, 'OpenHour'),
    closeHour: int32Column(stores, 'CloseHour'),
    customerOffsets,
    customerIds,
    storeDailyOrders,
    productIds: int32Column(products, 'ID'),
    salePrice: float64Column(products, 'SalePrice'),
    launchDay: int32Column(products, 'LaunchDate'),
    taxFactor: Float64Array.from(stringValues(products, 'Taxability'), (taxability) => (taxability === null ? 1 : (taxabilityFactor[taxability] ?? 1))),
    categories,
    categoryOf,
    demandWeights: productDemandWeights(products, config.seed),
    modeWeights: [mix.shipFromStore, mix.bopis],
    dcShare: mixTotal > 0 ? mix.shipFromDc / mixTotal : 0,
    storeShare: mixTotal > 0 ? (mix.shipFromStore + mix.bopis) / mixTotal : 0,
    tenderWeights: tenderWeights.some((weight) => weight > 0) ? tenderWeights : [1, 0, 0],
    hourSampler: createWeightedSampler(hourOfDayWeights),
    samplers: new Map(),
    scratch: new OrderScratch(products.length),
  };
}

/** Days of product samplers kept: a thread may interleave units of neighbouring days. */
const cachedDays = 3;

/**
 * Draws a product index by popularity (productDemandWeights) x the day's
 * category multiplier (seasonal overlays, campaigns), among the products
 * launched on or before the day; null when none is. Built once per (world,
 * day) and cached.
 *
 * @example
 * ```ts
 * const product = productSamplerOf(world, context.demand, dayNumber)?.sample(random);
 * ```
 */
export function productSamplerOf(world: OnlineOrdersWorld, demand: DemandMultiplier, dayNumber: number): WeightedSampler | null {
  if (world.samplers.has(dayNumber)) return world.samplers.get(dayNumber) ?? null;
  const { weights, total } = dailyProductWeights(world, demand, dayNumber);
  const sampler = total > 0 ? createWeightedSampler(weights) : null;
  if (world.samplers.size >= cachedDays) world.samplers.delete(world.samplers.keys().next().value as number);
  world.samplers.set(dayNumber, sampler);
  return sampler;
}
