import { RetailDatagenError } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { readMasterData } from './read-master-data.js';
import { storeFormats, volumeClasses } from './store-profiles.js';
import { batchOf, generateMaster, int32, strings } from './test-support/generate-master.js';
import { taxabilities } from './word-lists/product-catalog.js';

describe('readMasterData', () => {
  it('exposes the batches as typed column views that agree with the rows', async () => {
    const tables = await generateMaster({ seed: 7, volumes: { geographies: 90, stores: 60, distributionCenters: 5, customers: 8_000, products: 700 } });
    const data = readMasterData(tables);
    const storeBatch = batchOf(tables, 'dim_stores');
    const geographyRegions = strings(batchOf(tables, 'dim_geographies'), 'Region');

    expect(data.stores.count).toBe(60);
    expect(data.stores.id).toBe(storeBatch.columns['ID']);
    expect(data.regions).toEqual(strings(batchOf(tables, 'dim_distribution_centers'), 'Region'));
    strings(storeBatch, 'VolumeClass').forEach((value, row) => expect(volumeClasses[data.stores.volumeClass[row]!]).toBe(value));
    strings(storeBatch, 'StoreFormat').forEach((value, row) => expect(storeFormats[data.stores.format[row]!]).toBe(value));
    strings(batchOf(tables, 'dim_products'), 'Taxability').forEach((value, row) => expect(taxabilities[data.products.taxability[row]!]).toBe(value));

    for (let row = 0; row < data.stores.count; row++) {
      const region = data.regionOfStore[row]!;
      expect(data.regions[region]).toBe(geographyRegions[data.stores.geographyId[row]! - 1]);
      const dcId = data.dcOfRegion[region]!;
      expect(data.stores.dcId[row]).toBe(dcId);
      expect(data.distributionCenters.regionIndex[dcId - 1]).toBe(region);
    }
    expect(Array.from(data.trucks.dcId).filter((dcId) => dcId === 0)).toHaveLength(4);
  });

  it('groups customers by home store', async () => {
    const tables = await generateMaster({ seed: 3, volumes: { customers: 5_000 } });
    const { customers, stores } = readMasterData(tables);
    const homeStore = int32(batchOf(tables, 'dim_customers'), 'HomeStoreID');
    let total = 0;
    for (let storeId = 1; storeId <= stores.count; storeId++) {
      const ids = customers.byHomeStore.customerIds.subarray(customers.byHomeStore.offsets[storeId - 1], customers.byHomeStore.offsets[storeId]);
      total += ids.length;
      for (const customerId of ids) expect(homeStore[customerId - 1]).toBe(storeId);
    }
    expect(total).toBe(customers.count);
  });

  it('names a missing table', async () => {
    const tables = await generateMaster({ seed: 1, volumes: { customers: 10 } });
    tables.delete('dim_trucks');
    expect(() => readMasterData(tables)).toThrow(RetailDatagenError);
    expect(() => readMasterData(tables)).toThrow(/dim_trucks is missing/);
  });
});
