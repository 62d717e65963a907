import {
  defineCompositionPoint,
  float64Column,
  int32Column,
  productDemandWeights,
  requireDim,
  stringValues,
  type FactRun,
} from '@retail-datagen/generator-core';
import { groupCustomersByStore, type CustomerPools } from './customer-pools.js';
import { nearestStores } from './nearby-stores.js';
import { createPromotionCatalog, type Promotion } from './promotion-catalog.js';
import { cashTender, maximumPaymentAttempts, shopperSegments, storeFormatBasketScale, taxabilityFactor, tenderTypes, tripConfigKeys } from './receipt-shapes.js';
import type { DailyAssortment } from './daily-assortment.js';
import type { ReceiptTotals } from './receipt-rows.js';

/** The knobs of the world that come from the generator's options. */
export interface WorldOptions {
  readonly nearbyStoreCount: number;
  readonly promotionCount: number;
}

/**
 * Everything the receipts model precomputes once per run (and thread) from
 * the configuration and the dimension tables. A pure function of the run:
 * every thread builds the same world. The scratch buffers are transient
 * working space of one receipt at a time, never state.
 */
export interface ReceiptsWorld {
  readonly seed: number;
  readonly storeIds: Int32Array;
  readonly openHour: Int32Array;
  readonly closeHour: Int32Array;
  readonly taxRate: Float64Array;
  readonly trafficMultiplier: Float64Array;
  /** Basket scale of each store's format ({@link storeFormatBasketScale}). */
  readonly basketScale: Float64Array;

  readonly productIds: Int32Array;
  readonly salePrice: Float64Array;
  readonly launchDay: Int32Array;
  readonly taxFactor: Float64Array;
  readonly categories: readonly string[];
  readonly categoryOf: Int32Array;
  readonly departments: readonly string[];
  readonly departmentOf: Int32Array;
  readonly demandWeights: Float64Array;

  readonly customerPools: CustomerPools;
  readonly nearbyStoreCount: number;
  /** `nearby[s * nearbyStoreCount + k]`: the k-th nearest other store of store s, or -1. */
  readonly nearby: Int32Array;

  readonly promotions: readonly Promotion[];
  /** Category or department code each promotion targets (index into categories / departments). */
  readonly promotionTarget: Int32Array;

  /** config.basket.tripMix in tripTypes order. */
  readonly tripWeights: readonly number[];
  /** config.basket.meanItems in tripTypes order. */
  readonly meanItems: readonly number[];
  readonly segmentShares: readonly number[];
  /** Tender weights (tenderTypes order) of each shopper segment: config.payments.tenderMix x the segment's nudge. */
  readonly tenderWeights: readonly (readonly number[])[];

  /** Per-day product samplers and promotion assignments, the latest few days. */
  readonly assortments: Map<number, DailyAssortment>;
  readonly scratch: BasketScratch;
}

/** Working space for the lines of the receipt being built. */
export class BasketScratch {
  product = new Int32Array(64);
  quantity = new Int32Array(64);
  unitPrice = new Float64Array(64);
  discount = new Float64Array(64);
  tax = new Float64Array(64);
  promotion = new Int32Array(64);
  /** Which products are in the current basket: `inBasket[p] === stamp`. */
  readonly inBasket: Int32Array;
  stamp = 0;
  /** Per-promotion discount totals of the current receipt, and the promotions touched, in first-use order. */
  readonly promotionTotal: Float64Array;
  readonly promotionsUsed: Int32Array;
  promotionsUsedCount = 0;
  /** Event keys of the current hour (second * 2 + kind). */
  events = new Float64Array(256);
  /** Money totals of the receipt being written. */
  readonly totals: ReceiptTotals = { subtotal: 0, discount: 0, tax: 0, total: 0 };
  /** Declined payment attempts of the current receipt: tender, reason, seconds before the approved one. */
  readonly declinedTender = new Int32Array(maximumPaymentAttempts);
  readonly declinedReason = new Int32Array(maximumPaymentAttempts);
  readonly retryGap = new Int32Array(maximumPaymentAttempts);

  constructor(productCount: number, promotionCount: number) {
    this.inBasket = new Int32Array(productCount);
    this.promotionTotal = new Float64Array(promotionCount);
    this.promotionsUsed = new Int32Array(promotionCount);
  }

  /** Makes room for `lines` lines. */
  reserveLines(lines: number): void {
    if (lines <= this.product.length) return;
    let capacity = this.product.length;
    while (capacity < lines) capacity *= 2;
    this.product = grow(this.product, capacity);
    this.quantity = grow(this.quantity, capacity);
    this.unitPrice = grow(this.unitPrice, capacity);
    this.discount = grow(this.discount, capacity);
    this.tax = grow(this.tax, capacity);
    this.promotion = grow(this.promotion, capacity);
  }

  reserveEvents(count: number): void {
    if (count <= this.events.length) return;
    let capacity = this.events.length;
    while (capacity < count) capacity *= 2;
    this.events = new Float64Array(capacity);
  }

  /** Starts a new basket: no product is in it. */
  nextBasket(): number {
    if (this.stamp >= 0x3fffffff) {
      this.inBasket.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

function grow<T extends Int32Array | Float64Array>(array: T, capacity: number): T {
  const grown = new (array.constructor as new (length: number) => T)(capacity);
  grown.set(array);
  return grown;
}

/** The private composition point holding this run's world (provided in `setup`). */
export const receiptsWorldPoint = defineCompositionPoint<ReceiptsWorld>('receipts-world');

/**
 * Builds the world of a run: store attributes, product attributes and demand
 * weights, customers grouped by home store, nearest stores, the promotion
 * catalog and the configured mixes.
 */
export function buildReceiptsWorld(run: FactRun, options: WorldOptions): ReceiptsWorld {
  const { config } = run;
  const stores = requireDim(run.dims, 'dim_stores');
  const products = requireDim(run.dims, 'dim_products');
  const customers = requireDim(run.dims, 'dim_customers');
  const geographies = requireDim(run.dims, 'dim_geographies');

  const storeIds = int32Column(stores, 'ID');
  const storeCount = run.storeCount;
  const basketScale = Float64Array.from(stringValues(stores, 'StoreFormat'), (format) => (format === null ? 1 : (storeFormatBasketScale[format] ?? 1)));

  const geographyRow = new Map<number, number>();
  int32Column(geographies, 'ID').forEach((id, row) => geographyRow.set(id, row));
  const geographyLatitude = float64Column(geographies, 'Latitude');
  const geographyLongitude = float64Column(geographies, 'Longitude');
  const storeGeography = int32Column(stores, 'GeographyID');
  const latitude = new Float64Array(storeCount);
  const longitude = new Float64Array(storeCount);
  for (let store = 0; store < storeCount; store++) {
    const row = geographyRow.get(storeGeography[store] as number);
    latitude[store] = row === undefined ? 0 : (geographyLatitude[row] as number);
    longitude[store] = row === undefined ? 0 : (geographyLongitude[row] as number);
  }

  const storeIndexOfId = new Map<number, number>();
  storeIds.forEach((id, index) => storeIndexOfId.set(id, index));
  const homeStoreIndex = Int32Array.from(int32Column(customers, 'HomeStoreID'), (id) => storeIndexOfId.get(id) ?? -1);

  const categoryCodes = encode(stringValues(products, 'Category'));
  const departmentCodes = encode(stringValues(products, 'Department'));
  const promotions = createPromotionCatalog(config.seed, departmentCodes.dictionary, categoryCodes.dictionary, options.promotionCount);
  const promotionTarget = Int32Array.from(promotions, (promotion) =>
    (promotion.targetKind === 'DEPARTMENT' ? departmentCodes.dictionary : categoryCodes.dictionary).indexOf(promotion.target),
  );

  const nearbyStoreCount = Math.min(options.nearbyStoreCount, Math.max(0, storeCount - 1));
  const tenderMix = [config.payments.tenderMix.credit, config.payments.tenderMix.debit, config.payments.tenderMix.cash, config.payments.tenderMix.mobile];
  // A mix with every weight 0 pays cash.
  const tenderWeights = shopperSegments.map((segment) => {
    const weights = tenderTypes.map((_, tender) => (tenderMix[tender] as number) * (segment.tenderNudge[tender] as number));
    return weights.some((weight) => weight > 0) ? weights : tenderTypes.map((_, tender) => (tender === cashTender ? 1 : 0));
  });

  return {
    seed: config.seed,
    storeIds,
    openHour: int32Column(stores, 'OpenHour'),
    closeHour: int32Column(stores, 'CloseHour'),
    taxRate: float64Column(stores, 'TaxRate'),
    trafficMultiplier: float64Column(stores, 'DailyTrafficMultiplier'),
    basketScale,
    productIds: int32Column(products, 'ID'),
    salePrice: float64Column(products, 'SalePrice'),
    launchDay: int32Column(products, 'LaunchDate'),
    taxFactor: Float64Array.from(stringValues(products, 'Taxability'), (taxability) => (taxability === null ? 1 : (taxabilityFactor[taxability] ?? 1))),
    categories: categoryCodes.dictionary,
    categoryOf: categoryCodes.codes,
    departments: departmentCodes.dictionary,
    departmentOf: departmentCodes.codes,
    demandWeights: productDemandWeights(products, config.seed),
    customerPools: groupCustomersByStore(int32Column(customers, 'ID'), homeStoreIndex, storeCount),
    nearbyStoreCount,
    nearby: nearestStores(latitude, longitude, nearbyStoreCount),
    promotions,
    promotionTarget,
    tripWeights: tripConfigKeys.map((key) => config.basket.tripMix[key]),
    meanItems: tripConfigKeys.map((key) => config.basket.meanItems[key]),
    segmentShares: shopperSegments.map((segment) => segment.share),
    tenderWeights,
    assortments: new Map(),
    scratch: new BasketScratch(products.length, promotions.length),
  };
}

/** Dictionary-encodes strings (NULL as the empty string), codes in first-seen order. */
function encode(values: readonly (string | null)[]): { dictionary: string[]; codes: Int32Array } {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  values.forEach((value, row) => {
    const key = value ?? '';
    let code = index.get(key);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(key);
      index.set(key, code);
    }
    codes[row] = code;
  });
  return { dictionary, codes };
}
