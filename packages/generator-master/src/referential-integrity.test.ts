import { describe, expect, it } from 'vitest';
import { batchOf, generateMaster, int32, strings } from './test-support/generate-master.js';

const configurations = [
  { seed: 1 },
  { seed: 2, volumes: { geographies: 12, stores: 80, distributionCenters: 12, customers: 5_000, products: 300 } },
  { seed: 3, volumes: { geographies: 400, stores: 15, distributionCenters: 9, trucksPerDc: 2, poolTrucks: 9, customers: 5_000 } },
  { seed: 4, volumes: { geographies: 2_500, stores: 300, distributionCenters: 25, customers: 10_000 } },
];

describe.each(configurations)('referential integrity ($seed)', (input) => {
  it('every foreign key points at an existing row', async () => {
    const tables = await generateMaster(input);
    const geographies = batchOf(tables, 'dim_geographies');
    const stores = batchOf(tables, 'dim_stores');
    const dcs = batchOf(tables, 'dim_distribution_centers');
    const trucks = batchOf(tables, 'dim_trucks');
    const customers = batchOf(tables, 'dim_customers');
    const idsOf = (batch: typeof stores) => new Set(int32(batch, 'ID'));
    const geographyIds = idsOf(geographies);
    const storeIds = idsOf(stores);
    const dcIds = idsOf(dcs);

    for (const id of int32(stores, 'GeographyID')) expect(geographyIds.has(id)).toBe(true);
    for (const id of int32(dcs, 'GeographyID')) expect(geographyIds.has(id)).toBe(true);
    for (const id of int32(customers, 'GeographyID')) expect(geographyIds.has(id)).toBe(true);
    for (const id of int32(customers, 'HomeStoreID')) expect(storeIds.has(id)).toBe(true);
    const truckDc = int32(trucks, 'DCID');
    const validity = trucks.validity['DCID'];
    expect(validity).toBeDefined();
    truckDc.forEach((id, row) => {
      if (validity![row] === 1) expect(dcIds.has(id)).toBe(true);
    });
  });

  it('ids are unique and run 1..N', async () => {
    const tables = await generateMaster(input);
    for (const batch of tables.values()) {
      const ids = int32(batch, 'ID');
      ids.forEach((id, row) => expect(id).toBe(row + 1));
    }
  });

  it('every region has exactly one DC, located inside it, and at least one geography', async () => {
    const tables = await generateMaster(input);
    const geographies = batchOf(tables, 'dim_geographies');
    const dcs = batchOf(tables, 'dim_distribution_centers');
    const geographyRegions = strings(geographies, 'Region');
    const dcRegions = strings(dcs, 'Region');
    const regions = new Set(geographyRegions);
    expect(regions.size).toBe(dcs.length);
    expect(new Set(dcRegions).size).toBe(dcs.length);
    expect(new Set(dcRegions)).toEqual(regions);
    int32(dcs, 'GeographyID').forEach((geographyId, row) => expect(geographyRegions[geographyId - 1]).toBe(dcRegions[row]));
  });
});
