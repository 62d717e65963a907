import {
  booleanColumn,
  float64Column,
  int32Column,
  productDemandWeights,
  requireDim,
  stringValues,
  type FactRun,
} from '@retail-datagen/generator-core';
import { RetailDatagenError, type RetailConfig } from '@retail-datagen/models';
import { greatCircleDistance } from './great-circle-distance.js';

/** Shortest trip between two places, in minutes (yard, gates, city streets). */
export const minimumTravelMinutes = 15;

/**
 * What the logistics package precomputes once per run: who serves whom,
 * travel times, the fleet, each DC's expected demand and each store's
 * receiving hours. A pure function of the run.
 *
 * @example
 * ```ts
 * const plan = createLogisticsPlan(run);
 * plan.dcIds[plan.dcOfStore[0]!]; // id of the DC that serves store index 0
 * plan.travelMinutesToStore[0];   // its drive from that DC, e.g. 142
 * ```
 */
export interface LogisticsPlan {
  readonly firstDay: number;
  readonly lastDay: number;
  readonly storeCount: number;
  readonly dcCount: number;
  readonly productCount: number;
  readonly truckCount: number;
  /** dim_stores ID of each store index. */
  readonly storeIds: Int32Array;
  /** dim_distribution_centers ID of each DC index. */
  readonly dcIds: Int32Array;
  /** dim_products ID of each product index. */
  readonly productIds: Int32Array;
  /** dim_trucks ID of each truck index. */
  readonly truckIds: Int32Array;
  /** DC index serving each store: a DC of the store's region (the nearest when a region has several). */
  readonly dcOfStore: Int32Array;
  /** Store indices each DC serves, ascending. */
  readonly storesOfDc: readonly Int32Array[];
  /** Minutes from each store's DC to the store. */
  readonly travelMinutesToStore: Int32Array;
  /** Minutes between DCs: `[from * dcCount + to]` (0 on the diagonal); pool trucks reposition with it. */
  readonly travelMinutesBetweenDcs: Int32Array;
  /** DC index owning each truck; -1 for a pool truck (dc_id NULL). */
  readonly truckDc: Int32Array;
  /** Units each truck carries: capacity_units x `logistics.unitsPerCapacityUnit`. */
  readonly truckCapacities: Int32Array;
  /** 1 for refrigerated trucks. */
  readonly truckRefrigerated: Uint8Array;
  /** Truck indices of each DC's own fleet, ascending. */
  readonly ownTrucks: readonly Int32Array[];
  /** Truck indices of the pool, ascending. */
  readonly poolTrucks: Int32Array;
  /** 1 when a DC can get a refrigerated truck at all (own or pool); otherwise chilled goods ride any truck. */
  readonly refrigeratedReachable: Uint8Array;
  /** 1 for products that need refrigeration. */
  readonly productRefrigerated: Uint8Array;
  /**
   * First day a DC stocks each product: the day stores first order it (launch
   * minus `inventory.leadTimeDays`) minus the supplier lead time, so supplier
   * goods arrive before the first store orders.
   */
  readonly dcActiveDays: Int32Array;
  /** Expected units a day each DC ships of each product: `[dc * productCount + product]`. */
  readonly dcDailyUnits: Float64Array;
  /** First hour a store takes deliveries (unloading starts at a whole hour): its open hour, at least 01:00. */
  readonly firstReceivingHours: Int32Array;
  /** Last hour unloading may start so that a full truck is unloaded by closing time. */
  readonly lastReceivingHours: Int32Array;
  readonly settings: RetailConfig['logistics'];
}

/**
 * Units one customer buys on average: mean items per basket (the trip mix's
 * weighted mean) x 1.6 units per line (capped at the midpoint of 1 and
 * `basket.maxQuantity`). The same estimate the inventory package sizes store
 * stock and reorders with, so DC stock is sized for the reorders it will see.
 *
 * @example
 * ```ts
 * expectedUnitsPerCustomer(parseConfig({})); // about 20.0 with the defaults
 * ```
 */
export function expectedUnitsPerCustomer(config: RetailConfig): number {
  const { tripMix, meanItems, maxQuantity } = config.basket;
  const trips = ['quick', 'grocery', 'family', 'bulk'] as const;
  let weights = 0;
  let items = 0;
  for (const trip of trips) {
    weights += tripMix[trip];
    items += tripMix[trip] * meanItems[trip];
  }
  return (weights > 0 ? items / weights : 0) * Math.min(1.6, (1 + maxQuantity) / 2);
}

/**
 * Precomputes the run's logistics plan from the configuration and the dims
 * (geographies, stores, distribution centers, trucks, products). Throws a
 * GENERATION_FAILURE error when a store's region has no distribution center.
 *
 * @example
 * ```ts
 * const plan = createLogisticsPlan({ config, dims, firstDay, lastDay, storeCount });
 * plan.ownTrucks[0]; // truck indices of the first DC's fleet
 * ```
 */
export function createLogisticsPlan(run: FactRun): LogisticsPlan {
  const { config } = run;
  const settings = config.logistics;
  const geographies = requireDim(run.dims, 'dim_geographies');
  const stores = requireDim(run.dims, 'dim_stores');
  const centers = requireDim(run.dims, 'dim_distribution_centers');
  const trucks = requireDim(run.dims, 'dim_trucks');
  const products = requireDim(run.dims, 'dim_products');

  const geographyRow = new Map<number, number>();
  int32Column(geographies, 'ID').forEach((geographyId, row) => geographyRow.set(geographyId, row));
  const latitudes = float64Column(geographies, 'Latitude');
  const longitudes = float64Column(geographies, 'Longitude');
  const geographyRegions = stringValues(geographies, 'Region');
  const rowOfGeography = (table: string, id: number, geographyId: number): number => {
    const row = geographyRow.get(geographyId);
    if (row === undefined) fail(`${table} ${id} references geography ${geographyId}, which does not exist`);
    return row;
  };
  const distance = (fromRow: number, toRow: number) =>
    greatCircleDistance(latitudes[fromRow] as number, longitudes[fromRow] as number, latitudes[toRow] as number, longitudes[toRow] as number);
  const minutesFor = (kilometers: number) => Math.max(minimumTravelMinutes, Math.round((kilometers / settings.truckSpeedKmh) * 60));

  // DCs and the regions they serve.
  const dcIds = int32Column(centers, 'ID');
  const dcCount = centers.length;
  if (dcCount === 0) fail('dim_distribution_centers is empty');
  const dcRegions = stringValues(centers, 'Region');
  const dcGeographies = int32Column(centers, 'GeographyID');
  const dcRows = Int32Array.from({ length: dcCount }, (_, dc) => rowOfGeography('distribution center', dcIds[dc] as number, dcGeographies[dc] as number));
  const dcsOfRegion = new Map<string, number[]>();
  dcRegions.forEach((region, dc) => {
    if (region === null) fail(`distribution center ${dcIds[dc]} has no region`);
    const list = dcsOfRegion.get(region) ?? [];
    list.push(dc);
    dcsOfRegion.set(region, list);
  });

  // Stores: their DC, drive and receiving hours.
  const storeIds = int32Column(stores, 'ID');
  const storeCount = stores.length;
  const storeGeographies = int32Column(stores, 'GeographyID');
  const openHours = int32Column(stores, 'OpenHour');
  const closeHours = int32Column(stores, 'CloseHour');
  const dcOfStore = new Int32Array(storeCount);
  const travelMinutesToStore = new Int32Array(storeCount);
  const firstReceivingHours = new Int32Array(storeCount);
  const lastReceivingHours = new Int32Array(storeCount);
  const storeLists: number[][] = Array.from({ length: dcCount }, () => []);
  for (let store = 0; store < storeCount; store++) {
    const storeId = storeIds[store] as number;
    const row = rowOfGeography('store', storeId, storeGeographies[store] as number);
    const region = geographyRegions[row] as string;
    const candidates = dcsOfRegion.get(region);
    if (!candidates) fail(`store ${storeId} is in region ${JSON.stringify(region)}, which no distribution center serves`);
    let best = candidates[0] as number;
    let bestDistance = distance(dcRows[best] as number, row);
    for (const dc of candidates.slice(1)) {
      const kilometers = distance(dcRows[dc] as number, row);
      if (kilometers < bestDistance) {
        best = dc;
        bestDistance = kilometers;
      }
    }
    dcOfStore[store] = best;
    (storeLists[best] as number[]).push(store);
    travelMinutesToStore[store] = minutesFor(bestDistance);
    const open = openHours[store] as number;
    const close = closeHours[store] as number;
    // Never 00:00: a truck reports ARRIVED a quarter hour before unloading, on the same day.
    const first = Math.max(1, open);
    firstReceivingHours[store] = first;
    lastReceivingHours[store] = Math.min(23, Math.max(first, Math.floor(close - settings.unloadingHours)));
  }

  const travelMinutesBetweenDcs = new Int32Array(dcCount * dcCount);
  for (let from = 0; from < dcCount; from++) {
    for (let to = 0; to < dcCount; to++) {
      travelMinutesBetweenDcs[from * dcCount + to] = from === to ? 0 : minutesFor(distance(dcRows[from] as number, dcRows[to] as number));
    }
  }

  // The fleet.
  const truckIds = int32Column(trucks, 'ID');
  const truckCount = trucks.length;
  const truckDcIds = int32Column(trucks, 'DCID');
  const truckDcValidity = trucks.validity['DCID'];
  const dcIndexOf = new Map(Array.from(dcIds, (dcId, dc) => [dcId, dc]));
  const capacities = int32Column(trucks, 'CapacityUnits');
  const truckRefrigerated = booleanColumn(trucks, 'Refrigeration');
  const truckDc = new Int32Array(truckCount);
  const truckCapacities = new Int32Array(truckCount);
  const ownLists: number[][] = Array.from({ length: dcCount }, () => []);
  const pool: number[] = [];
  for (let truck = 0; truck < truckCount; truck++) {
    const capacity = (capacities[truck] as number) * settings.unitsPerCapacityUnit;
    if (!(capacity > 0)) fail(`truck ${truckIds[truck]} has no capacity`);
    truckCapacities[truck] = Math.min(capacity, 2_000_000_000);
    if (truckDcValidity !== undefined && truckDcValidity[truck] === 0) {
      truckDc[truck] = -1;
      pool.push(truck);
      continue;
    }
    const dc = dcIndexOf.get(truckDcIds[truck] as number);
    if (dc === undefined) fail(`truck ${truckIds[truck]} belongs to distribution center ${truckDcIds[truck]}, which does not exist`);
    truckDc[truck] = dc;
    (ownLists[dc] as number[]).push(truck);
  }
  if (truckCount === 0) fail('dim_trucks is empty: no truck can deliver to stores');
  const poolTrucks = Int32Array.from(pool);
  const poolRefrigerated = pool.some((truck) => truckRefrigerated[truck] === 1);
  const refrigeratedReachable = Uint8Array.from(ownLists, (own) => (poolRefrigerated || own.some((truck) => truckRefrigerated[truck] === 1) ? 1 : 0));

  // Products: what each DC expects to ship, from when.
  const productCount = products.length;
  const weights = productDemandWeights(products, config.seed);
  const trafficMultipliers = float64Column(stores, 'DailyTrafficMultiplier');
  const unitsPerCustomer = expectedUnitsPerCustomer(config);
  const dcDailyUnits = new Float64Array(dcCount * productCount);
  for (let dc = 0; dc < dcCount; dc++) {
    let traffic = 0;
    for (const store of storeLists[dc] as number[]) traffic += trafficMultipliers[store] as number;
    const customers = config.traffic.baseDailyCustomers * traffic * unitsPerCustomer;
    for (let product = 0; product < productCount; product++) {
      dcDailyUnits[dc * productCount + product] = (customers * (weights[product] as number)) / productCount;
    }
  }
  const launchDays = int32Column(products, 'LaunchDate');
  const dcActiveDays = Int32Array.from(launchDays, (launch) => launch - config.inventory.leadTimeDays - settings.supplierLeadTimeDays);

  return {
    firstDay: run.firstDay,
    lastDay: run.lastDay,
    storeCount,
    dcCount,
    productCount,
    truckCount,
    storeIds,
    dcIds,
    productIds: int32Column(products, 'ID'),
    truckIds,
    dcOfStore,
    storesOfDc: storeLists.map((list) => Int32Array.from(list)),
    travelMinutesToStore,
    travelMinutesBetweenDcs,
    truckDc,
    truckCapacities,
    truckRefrigerated,
    ownTrucks: ownLists.map((list) => Int32Array.from(list)),
    poolTrucks,
    refrigeratedReachable,
    productRefrigerated: booleanColumn(products, 'RequiresRefrigeration'),
    dcActiveDays,
    dcDailyUnits,
    firstReceivingHours,
    lastReceivingHours,
    settings,
  };
}

function fail(message: string): never {
  throw new RetailDatagenError({ code: 'GENERATION_FAILURE', message: `logistics: ${message}` });
}
