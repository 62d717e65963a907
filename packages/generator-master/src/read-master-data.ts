import { booleanColumn, float64Column, int32Column, type ColumnBatch, type ColumnData } from '@retail-datagen/generator-core';
import { RetailDatagenError, dimCustomers, dimDistributionCenters, dimGeographies, dimProducts, dimStores, dimTrucks, type TableDefinition } from '@retail-datagen/models';
import { storeFormats, volumeClasses } from './store-profiles.js';
import { taxabilities } from './word-lists/product-catalog.js';

/** A string column as codes into a dictionary; -1 is NULL. */
export interface CodedStrings {
  readonly dictionary: readonly string[];
  readonly codes: Int32Array;
}

/** dim_geographies as columns; row = id - 1. */
export interface GeographyView {
  readonly count: number;
  readonly id: Int32Array;
  readonly latitude: Float64Array;
  readonly longitude: Float64Array;
  /** Index into {@link MasterData.regions}. */
  readonly regionIndex: Int32Array;
}

/** dim_stores as columns; row = id - 1. */
export interface StoreView {
  readonly count: number;
  readonly id: Int32Array;
  readonly geographyId: Int32Array;
  /** Sales tax as a fraction, e.g. 0.0825. */
  readonly taxRate: Float64Array;
  /** Index into `volumeClasses` (0 FLAGSHIP .. 4 KIOSK). */
  readonly volumeClass: Uint8Array;
  /** Index into `storeFormats` (0 HYPERMARKET .. 4 EXPRESS). */
  readonly format: Uint8Array;
  /** First open hour, 0-23. */
  readonly openHour: Int32Array;
  /** Hour the store closes, 1-24; open 0 and close 24 is around the clock. */
  readonly closeHour: Int32Array;
  readonly trafficMultiplier: Float64Array;
  /** Days since 1970-01-01. */
  readonly openedDate: Int32Array;
  /** Index into {@link MasterData.regions}. */
  readonly regionIndex: Int32Array;
  /** Id of the DC that serves the store (the DC of its region). */
  readonly dcId: Int32Array;
}

/** dim_distribution_centers as columns; row = id - 1. */
export interface DistributionCenterView {
  readonly count: number;
  readonly id: Int32Array;
  readonly geographyId: Int32Array;
  /** Index into {@link MasterData.regions}: the region this DC serves. */
  readonly regionIndex: Int32Array;
}

/** dim_trucks as columns; row = id - 1. */
export interface TruckView {
  readonly count: number;
  readonly id: Int32Array;
  /** Owning DC id; 0 for a pool truck (dc_id NULL). */
  readonly dcId: Int32Array;
  /** 1 when refrigerated. */
  readonly refrigeration: Uint8Array;
  readonly capacityUnits: Int32Array;
}

/** dim_customers as columns, plus customers grouped by home store; row = id - 1. */
export interface CustomerView {
  readonly count: number;
  readonly id: Int32Array;
  readonly geographyId: Int32Array;
  readonly homeStoreId: Int32Array;
  /**
   * Customers grouped by home store: the ids of store `s`'s customers are
   * `customerIds.subarray(offsets[s - 1], offsets[s])`, ascending.
   */
  readonly byHomeStore: { readonly offsets: Int32Array; readonly customerIds: Int32Array };
}

/** dim_products as columns; row = id - 1. */
export interface ProductView {
  readonly count: number;
  readonly id: Int32Array;
  /** Integer cents. */
  readonly cost: Float64Array;
  /** Integer cents. */
  readonly msrp: Float64Array;
  /** Integer cents; cost < salePrice <= msrp. */
  readonly salePrice: Float64Array;
  /** 1 when the product needs refrigeration (dairy, frozen, meat, fresh produce...). */
  readonly requiresRefrigeration: Uint8Array;
  /** Days since 1970-01-01; the product is not sold before it. */
  readonly launchDate: Int32Array;
  /** Index into `taxabilities` (0 TAXABLE, 1 NON_TAXABLE, 2 REDUCED_RATE). */
  readonly taxability: Uint8Array;
  readonly department: CodedStrings;
  readonly category: CodedStrings;
  readonly subcategory: CodedStrings;
  readonly brand: CodedStrings;
}

/**
 * Typed, column-shaped views of the six dimension tables, for fact generators.
 * Ids are dense (`id[row] === row + 1`), so the row of id `n` is `n - 1`.
 * Arrays are shared with the batches where they can be, not copied: read
 * them, never write them.
 *
 * @example
 * ```ts
 * const { stores, customers } = readMasterData(context.tables);
 * const storeId = 17;
 * const regulars = customers.byHomeStore.customerIds.subarray(
 *   customers.byHomeStore.offsets[storeId - 1], customers.byHomeStore.offsets[storeId]);
 * stores.trafficMultiplier[storeId - 1]; // e.g. 1.45
 * ```
 */
export interface MasterData {
  /** Region names; region `index` is served by DC `dcOfRegion[index]`. */
  readonly regions: readonly string[];
  readonly geographies: GeographyView;
  readonly stores: StoreView;
  readonly distributionCenters: DistributionCenterView;
  readonly trucks: TruckView;
  readonly customers: CustomerView;
  readonly products: ProductView;
  /** Region index of each store row (same array as `stores.regionIndex`). */
  readonly regionOfStore: Int32Array;
  /** DC id serving each region index. */
  readonly dcOfRegion: Int32Array;
}

/**
 * Reads the master-data batches (as `runMasterPhase` returns them, or
 * `context.tables` in a later phase) into typed column views: no object per
 * row, numeric columns shared rather than copied, enumerations as small codes.
 * Checks that ids are dense and that every region has exactly one DC; throws a
 * `GENERATION_FAILURE` error naming what is wrong otherwise.
 *
 * @example
 * ```ts
 * const tables = await runMasterPhase(createGeneratorRegistry({ master }), parseConfig({ seed: 7 }));
 * const data = readMasterData(tables);
 * const row = 0; // store id 1
 * data.stores.trafficMultiplier[row]; // e.g. 1.02
 * data.dcOfRegion[data.regionOfStore[row]!]; // id of the DC that serves store 1
 * volumeClasses[data.stores.volumeClass[row]!]; // e.g. 'MEDIUM'
 * ```
 */
export function readMasterData(tables: ReadonlyMap<string, ColumnBatch>): MasterData {
  const geographyBatch = batchOf(tables, dimGeographies);
  const storeBatch = batchOf(tables, dimStores);
  const dcBatch = batchOf(tables, dimDistributionCenters);
  const truckBatch = batchOf(tables, dimTrucks);
  const customerBatch = batchOf(tables, dimCustomers);
  const productBatch = batchOf(tables, dimProducts);

  // Regions come from the DCs: one DC per region.
  const dcRegions = codedStrings(dcBatch, 'Region');
  const regions: string[] = [];
  const regionIndexOf = new Map<string, number>();
  const dcId = denseIds(dcBatch);
  const dcRegionIndex = new Int32Array(dcBatch.length);
  for (let row = 0; row < dcBatch.length; row++) {
    const name = dcRegions.dictionary[dcRegions.codes[row] as number] as string;
    if (regionIndexOf.has(name)) fail(`region ${JSON.stringify(name)} has more than one distribution center`);
    regionIndexOf.set(name, regions.length);
    dcRegionIndex[row] = regions.length;
    regions.push(name);
  }
  const dcOfRegion = Int32Array.from(dcId);

  const geographyRegions = codedStrings(geographyBatch, 'Region');
  const geographyRegionIndex = new Int32Array(geographyBatch.length);
  for (let row = 0; row < geographyBatch.length; row++) {
    const name = geographyRegions.dictionary[geographyRegions.codes[row] as number] as string;
    const region = regionIndexOf.get(name);
    if (region === undefined) fail(`region ${JSON.stringify(name)} of geography ${row + 1} has no distribution center`);
    geographyRegionIndex[row] = region;
  }
  const geographies: GeographyView = {
    count: geographyBatch.length,
    id: denseIds(geographyBatch),
    latitude: float64Column(geographyBatch, 'Latitude'),
    longitude: float64Column(geographyBatch, 'Longitude'),
    regionIndex: geographyRegionIndex,
  };

  const storeGeographyId = int32Column(storeBatch, 'GeographyID');
  const regionOfStore = new Int32Array(storeBatch.length);
  const storeDcId = new Int32Array(storeBatch.length);
  for (let row = 0; row < storeBatch.length; row++) {
    const region = geographyRegionIndex[(storeGeographyId[row] as number) - 1];
    if (region === undefined) fail(`store ${row + 1} references geography ${storeGeographyId[row]}, which does not exist`);
    regionOfStore[row] = region;
    storeDcId[row] = dcOfRegion[region] as number;
  }
  const stores: StoreView = {
    count: storeBatch.length,
    id: denseIds(storeBatch),
    geographyId: storeGeographyId,
    taxRate: float64Column(storeBatch, 'TaxRate'),
    volumeClass: enumerationCodes(storeBatch, 'VolumeClass', volumeClasses),
    format: enumerationCodes(storeBatch, 'StoreFormat', storeFormats),
    openHour: int32Column(storeBatch, 'OpenHour'),
    closeHour: int32Column(storeBatch, 'CloseHour'),
    trafficMultiplier: float64Column(storeBatch, 'DailyTrafficMultiplier'),
    openedDate: int32Column(storeBatch, 'OpenedDate'),
    regionIndex: regionOfStore,
    dcId: storeDcId,
  };

  const distributionCenters: DistributionCenterView = {
    count: dcBatch.length,
    id: dcId,
    geographyId: int32Column(dcBatch, 'GeographyID'),
    regionIndex: dcRegionIndex,
  };

  const truckDcId = int32Column(truckBatch, 'DCID').slice();
  const truckDcValidity = truckBatch.validity['DCID'];
  if (truckDcValidity) for (let row = 0; row < truckBatch.length; row++) if (truckDcValidity[row] === 0) truckDcId[row] = 0;
  const trucks: TruckView = {
    count: truckBatch.length,
    id: denseIds(truckBatch),
    dcId: truckDcId,
    refrigeration: booleanColumn(truckBatch, 'Refrigeration'),
    capacityUnits: int32Column(truckBatch, 'CapacityUnits'),
  };

  const homeStoreId = int32Column(customerBatch, 'HomeStoreID');
  const customers: CustomerView = {
    count: customerBatch.length,
    id: denseIds(customerBatch),
    geographyId: int32Column(customerBatch, 'GeographyID'),
    homeStoreId,
    byHomeStore: groupByHomeStore(homeStoreId, storeBatch.length),
  };

  const products: ProductView = {
    count: productBatch.length,
    id: denseIds(productBatch),
    cost: float64Column(productBatch, 'Cost'),
    msrp: float64Column(productBatch, 'MSRP'),
    salePrice: float64Column(productBatch, 'SalePrice'),
    requiresRefrigeration: booleanColumn(productBatch, 'RequiresRefrigeration'),
    launchDate: int32Column(productBatch, 'LaunchDate'),
    taxability: enumerationCodes(productBatch, 'Taxability', taxabilities),
    department: codedStrings(productBatch, 'Department'),
    category: codedStrings(productBatch, 'Category'),
    subcategory: codedStrings(productBatch, 'Subcategory'),
    brand: codedStrings(productBatch, 'Brand'),
  };

  return { regions, geographies, stores, distributionCenters, trucks, customers, products, regionOfStore, dcOfRegion };
}

function fail(message: string): never {
  throw new RetailDatagenError({ code: 'GENERATION_FAILURE', message: `master data: ${message}` });
}

function batchOf(tables: ReadonlyMap<string, ColumnBatch>, table: TableDefinition): ColumnBatch {
  const batch = tables.get(table.name);
  if (!batch) fail(`table ${table.name} is missing; run the master generator first (tables present: ${[...tables.keys()].join(', ') || 'none'})`);
  return batch;
}

function columnOf(batch: ColumnBatch, field: string): ColumnData {
  const column = batch.columns[field];
  if (column === undefined) fail(`${batch.table.name} has no column ${field}`);
  return column;
}

function denseIds(batch: ColumnBatch): Int32Array {
  const id = int32Column(batch, 'ID');
  for (let row = 0; row < id.length; row++) {
    if (id[row] !== row + 1) fail(`${batch.table.name} ids must be 1..${id.length} in row order; row ${row} has id ${id[row]}`);
  }
  return id;
}

/** A string column as codes: a dictionary column as it is, plain strings encoded on the fly. */
function codedStrings(batch: ColumnBatch, field: string): CodedStrings {
  const column = columnOf(batch, field);
  if (column instanceof Int32Array || column instanceof Float64Array || column instanceof Uint8Array) fail(`${batch.table.name}.${field} is not a string column`);
  if (!Array.isArray(column)) return column as CodedStrings;
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const codes = new Int32Array(column.length);
  (column as readonly (string | null)[]).forEach((value, row) => {
    if (value === null) {
      codes[row] = -1;
      return;
    }
    let code = codeOf.get(value);
    if (code === undefined) {
      code = dictionary.push(value) - 1;
      codeOf.set(value, code);
    }
    codes[row] = code;
  });
  return { dictionary, codes };
}

/** A string column of a known enumeration as one byte per row: the index of the value in `allowed`. */
function enumerationCodes(batch: ColumnBatch, field: string, allowed: readonly string[]): Uint8Array {
  const { dictionary, codes } = codedStrings(batch, field);
  const mapped = Int32Array.from(dictionary, (value) => allowed.indexOf(value));
  const result = new Uint8Array(codes.length);
  for (let row = 0; row < codes.length; row++) {
    const value = mapped[codes[row] as number];
    if (value === undefined || value < 0) {
      fail(`${batch.table.name}.${field} row ${row} holds ${JSON.stringify(dictionary[codes[row] as number] ?? null)}; allowed: ${allowed.join(', ')}`);
    }
    result[row] = value;
  }
  return result;
}

function groupByHomeStore(homeStoreId: Int32Array, storeCount: number): CustomerView['byHomeStore'] {
  const offsets = new Int32Array(storeCount + 1);
  for (let row = 0; row < homeStoreId.length; row++) {
    const store = homeStoreId[row] as number;
    if (!(store >= 1 && store <= storeCount)) fail(`customer ${row + 1} has home store ${store}, which does not exist`);
    offsets[store] = (offsets[store] as number) + 1;
  }
  for (let store = 0; store < storeCount; store++) offsets[store + 1] = (offsets[store + 1] as number) + (offsets[store] as number);
  const fill = offsets.slice(0, storeCount);
  const customerIds = new Int32Array(homeStoreId.length);
  for (let row = 0; row < homeStoreId.length; row++) {
    const store = (homeStoreId[row] as number) - 1;
    customerIds[fill[store] as number] = row + 1;
    fill[store] = (fill[store] as number) + 1;
  }
  return { offsets, customerIds };
}
